package dev.vsm.adapter.filesystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds the lines of a file that contain a piece of text without decoding the others: the file is
 * read in large blocks, each searched as Latin-1 (one char per byte, so a search for the text's
 * UTF-8 bytes), and only matching lines are decoded as UTF-8. A large file is split into one
 * segment per core, scanned at the same time; a line belongs to the segment it starts in. A line
 * longer than the limit is never held: when it holds the text in its first part, it is reported as
 * {@link LogLines#TOO_LONG}; otherwise it is passed over like any line without the text.
 */
final class LineScanner {

  private static final int BLOCK = 1 << 20;
  private static final long MIN_SEGMENT = 16L << 20;

  private LineScanner() {}

  /** The matching lines, in file order. */
  static List<String> linesContaining(FileChannel ch, String text, int maxLine) throws IOException {
    return linesContainingAny(ch, List.of(text), maxLine);
  }

  /** The lines holding at least one of {@code texts}, in file order. */
  static List<String> linesContainingAny(FileChannel ch, List<String> texts, int maxLine)
      throws IOException {
    // A loop, not a stream: `tasks` and `log` come here, and the first lambda or stream of a
    // process costs a read command ~12 ms of set-up (a large file's parallel scan pays it anyway).
    List<String> needle = new ArrayList<>(texts.size());
    for (String t : texts) {
      needle.add(new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
    long size = ch.size();
    int segments =
        (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), size / MIN_SEGMENT));
    if (segments == 1) {
      return scan(ch, 0, size, needle, maxLine);
    }
    long step = size / segments;
    try {
      return IntStream.range(0, segments)
          .parallel()
          .mapToObj(
              i -> {
                try {
                  return scan(
                      ch, i * step, i == segments - 1 ? size : (i + 1) * step, needle, maxLine);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .flatMap(List::stream)
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The matching lines that start in {@code [from, to)}. */
  private static List<String> scan(
      FileChannel ch, long from, long to, List<String> needles, int maxLine) throws IOException {
    List<String> out = new ArrayList<>();
    long bufStart = from == 0 ? 0 : lineStartAfter(ch, from - 1);
    if (bufStart < 0 || bufStart >= to) {
      return out;
    }
    // A small file gets a small buffer; it grows for a long line.
    byte[] buf = new byte[(int) Math.min(BLOCK, Math.max(8192, to - bufStart))];
    int len = 0;
    boolean eof = false;
    while (true) {
      if (!eof) {
        if (len == buf.length) {
          // a line longer than the buffer, and not yet past the limit (checked below)
          buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, Math.max(len, maxLine) + 1L));
        }
        int n = ch.read(ByteBuffer.wrap(buf, len, buf.length - len), bufStart + len);
        if (n < 0) {
          eof = true;
        } else {
          len += n;
        }
      }
      String block = new String(buf, 0, len, StandardCharsets.ISO_8859_1);
      int end = eof ? len : block.lastIndexOf('\n') + 1;
      if (end == 0 && !eof) {
        if (len > maxLine) { // a line longer than the limit: never held
          if (needles.stream().anyMatch(n -> block.indexOf(n) >= 0)) {
            out.add(LogLines.TOO_LONG);
          }
          long next = lineStartAfter(ch, bufStart + len);
          if (next < 0 || next >= to) {
            return out;
          }
          bufStart = next;
          len = 0;
        }
        continue; // no complete line yet: read more
      }
      int[] next = new int[needles.size()];
      Arrays.fill(next, -2); // not looked for yet
      for (int from2 = 0; ; ) {
        int hit = firstHit(block, needles, next, from2, end);
        if (hit < 0) {
          break;
        }
        int start = block.lastIndexOf('\n', hit) + 1;
        if (bufStart + start >= to) {
          return out; // the line belongs to the next segment
        }
        int nl = block.indexOf('\n', hit);
        int stop = nl < 0 || nl >= end ? end : nl;
        out.add(
            stop - start > maxLine
                ? LogLines.TOO_LONG
                : new String(buf, start, stop - start, StandardCharsets.UTF_8));
        from2 = stop + 1;
      }
      bufStart += end;
      System.arraycopy(buf, end, buf, 0, len - end);
      len -= end;
      if (bufStart >= to || (eof && len == 0)) {
        return out;
      }
    }
  }

  /**
   * The first position at or after {@code from} and before {@code end} where a needle starts, or
   * -1. {@code next} keeps each needle's next position (-1: none left) so that each needle is
   * searched for once per stretch of the block, not once per hit of another needle.
   */
  private static int firstHit(String block, List<String> needles, int[] next, int from, int end) {
    int first = -1;
    for (int i = 0; i < next.length; i++) {
      if (next[i] == -2 || (next[i] >= 0 && next[i] < from)) {
        next[i] = block.indexOf(needles.get(i), from);
      }
      int hit = next[i];
      if (hit >= 0 && hit < end && (first < 0 || hit < first)) {
        first = hit;
      }
    }
    return first;
  }

  /** The position after the first newline at or after {@code pos}, or -1 when there is none. */
  private static long lineStartAfter(FileChannel ch, long pos) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(64 * 1024);
    for (long p = pos; ; ) {
      b.clear();
      int n = ch.read(b, p);
      if (n <= 0) {
        return -1;
      }
      for (int i = 0; i < n; i++) {
        if (b.get(i) == '\n') {
          return p + i + 1;
        }
      }
      p += n;
    }
  }
}
