package dev.vsm.adapter.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a file's lines from the start in blocks. Lines end at {@code \n} only, as for {@link
 * ReverseLines} and {@link LineScanner} (a {@code \r} is JSON whitespace, not a line break); a line
 * longer than the limit is not held: it reads as {@link LogLines#TOO_LONG}.
 */
final class ForwardLines {

  private static final int BLOCK = 64 * 1024;

  private final FileChannel channel;
  private final int maxLine;
  private final byte[] block = new byte[BLOCK];
  private int pos;
  private int limit;
  private byte[] line = new byte[1024];
  private int lineLength;
  private boolean tooLong;
  private boolean eof;

  ForwardLines(FileChannel channel, int maxLine) {
    this.channel = channel;
    this.maxLine = maxLine;
  }

  /** The next line (without its newline; possibly empty), or null at the end of the file. */
  String next() throws IOException {
    while (true) {
      int nl = pos;
      while (nl < limit && block[nl] != '\n') {
        nl++;
      }
      keep(pos, nl);
      pos = nl;
      if (nl < limit) {
        pos++;
        return take();
      }
      if (eof) {
        return lineLength > 0 || tooLong ? take() : null;
      }
      int n = channel.read(ByteBuffer.wrap(block));
      eof = n < 0;
      pos = 0;
      limit = Math.max(n, 0);
    }
  }

  private void keep(int from, int to) {
    int n = to - from;
    if (n == 0 || tooLong) {
      return;
    }
    if ((long) lineLength + n > maxLine) {
      tooLong = true;
      return;
    }
    if (lineLength + n > line.length) {
      line =
          Arrays.copyOf(line, (int) Math.min(maxLine, Math.max(2L * line.length, lineLength + n)));
    }
    System.arraycopy(block, from, line, lineLength, n);
    lineLength += n;
  }

  private String take() {
    String s =
        tooLong ? LogLines.TOO_LONG : new String(line, 0, lineLength, StandardCharsets.UTF_8);
    lineLength = 0;
    tooLong = false;
    return s;
  }
}
