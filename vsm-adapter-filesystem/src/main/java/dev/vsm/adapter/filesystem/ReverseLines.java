package dev.vsm.adapter.filesystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads a file's lines from the end backwards in blocks, so the last lines of a large file cost the
 * same as those of a small one.
 */
final class ReverseLines implements AutoCloseable {

  private static final int BLOCK = 64 * 1024;

  private final FileChannel channel;
  private long position;
  private final Deque<String> ready = new ArrayDeque<>();
  private byte[] carry = new byte[0];

  ReverseLines(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
    position = channel.size();
  }

  /** The previous non-empty line (without its newline), or null at the start of the file. */
  String previous() throws IOException {
    while (ready.isEmpty()) {
      if (position == 0) {
        if (carry.length == 0) {
          return null;
        }
        String first = new String(carry, StandardCharsets.UTF_8);
        carry = new byte[0];
        return first;
      }
      int size = (int) Math.min(BLOCK, position);
      position -= size;
      ByteBuffer buf = ByteBuffer.allocate(size);
      while (buf.hasRemaining()) {
        if (channel.read(buf, position + buf.position()) < 0) {
          throw new IOException("file shrank while reading it backwards");
        }
      }
      byte[] block = new byte[size + carry.length];
      System.arraycopy(buf.array(), 0, block, 0, size);
      System.arraycopy(carry, 0, block, size, carry.length);
      int end = block.length;
      for (int i = block.length - 1; i >= 0; i--) {
        if (block[i] == '\n') {
          if (end > i + 1) {
            ready.addLast(new String(block, i + 1, end - i - 1, StandardCharsets.UTF_8));
          }
          end = i;
        }
      }
      carry = java.util.Arrays.copyOf(block, end);
    }
    return ready.pollFirst();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
