package dev.vsm.adapter.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a file's lines from the end backwards in blocks, so the last lines of a large file cost the
 * same as those of a small one. A line's pieces are kept apart until it is complete (a long line
 * costs its length, not its length squared); a line longer than the limit is not held: it reads as
 * {@link LogLines#TOO_LONG}.
 */
final class ReverseLines {

  private static final int BLOCK = 64 * 1024;

  private final FileChannel channel;
  private final int maxLine;
  private long position;
  private final Deque<String> ready = new ArrayDeque<>();
  private final Deque<byte[]> pieces = new ArrayDeque<>(); // of the line being read, first first
  private long pieceBytes;
  private boolean tooLong;

  ReverseLines(FileChannel channel, int maxLine) throws IOException {
    this.channel = channel;
    this.maxLine = maxLine;
    position = channel.size();
  }

  /** The previous non-empty line (without its newline), or null at the start of the file. */
  String previous() throws IOException {
    while (ready.isEmpty()) {
      if (position == 0) {
        lineDone();
        return ready.pollFirst();
      }
      int size = (int) Math.min(BLOCK, position);
      position -= size;
      ByteBuffer buf = ByteBuffer.allocate(size);
      while (buf.hasRemaining()) {
        if (channel.read(buf, position + buf.position()) < 0) {
          throw new IOException("file shrank while reading it backwards");
        }
      }
      byte[] block = buf.array();
      int end = size;
      for (int i = size - 1; i >= 0; i--) {
        if (block[i] == '\n') {
          prepend(block, i + 1, end);
          lineDone();
          end = i;
        }
      }
      prepend(block, 0, end);
    }
    return ready.pollFirst();
  }

  private void prepend(byte[] block, int from, int to) {
    if (to == from || tooLong) {
      return;
    }
    if (pieceBytes + (to - from) > maxLine) {
      tooLong = true;
      pieces.clear();
      return;
    }
    pieces.addFirst(java.util.Arrays.copyOfRange(block, from, to));
    pieceBytes += to - from;
  }

  private void lineDone() {
    if (tooLong) {
      ready.addLast(LogLines.TOO_LONG);
    } else if (pieceBytes > 0) {
      byte[] line = new byte[(int) pieceBytes];
      int at = 0;
      for (byte[] p : pieces) {
        System.arraycopy(p, 0, line, at, p.length);
        at += p.length;
      }
      ready.addLast(new String(line, StandardCharsets.UTF_8));
    }
    pieces.clear();
    pieceBytes = 0;
    tooLong = false;
  }
}
