package dev.vsm.adapter.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Text to a byte stream in one charset, the bytes an {@link java.io.OutputStreamWriter} would
 * write, each string encoded whole by {@link String#getBytes(Charset)} and buffered. The writer's
 * encoder goes character by character, and before the JIT has compiled it that costs {@code
 * analyze} of a batch (megabytes of JSON) more than the analysis of a thousand tasks; {@code
 * getBytes} copies the bytes of a string whose characters are all ASCII. A surrogate pair split
 * between two writes is kept whole, as the encoder keeps it.
 */
final class TextOutput extends Writer {

  private static final int BUFFER = 8192;

  private final OutputStream out;
  private final Charset charset;
  private final byte[] buffer = new byte[BUFFER];
  private int used;

  /** The first half of a surrogate pair whose second half the next write brings; 0 when none. */
  private char high;

  private TextOutput(OutputStream out, Charset charset) {
    this.out = out;
    this.charset = charset;
  }

  /** Text to {@code out} in {@code charset}: this writer where it can, else the JDK's. */
  static Writer of(OutputStream out, Charset charset) {
    return charset.equals(StandardCharsets.UTF_8)
            || charset.equals(StandardCharsets.ISO_8859_1)
            || charset.equals(StandardCharsets.US_ASCII)
        ? new TextOutput(out, charset)
        : new BufferedWriter(new OutputStreamWriter(out, charset));
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    if (len <= 0) {
      return;
    }
    int end = off + len;
    String text;
    if (high != 0) {
      text = high + s.substring(off, end);
      high = 0;
    } else {
      text = off == 0 && end == s.length() ? s : s.substring(off, end);
    }
    char last = text.charAt(text.length() - 1);
    if (Character.isHighSurrogate(last)) {
      high = last;
      text = text.substring(0, text.length() - 1);
    }
    bytes(text.getBytes(charset));
  }

  @Override
  public void write(char[] chars, int off, int len) throws IOException {
    write(new String(chars, off, len), 0, len);
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c), 0, 1);
  }

  private void bytes(byte[] b) throws IOException {
    if (b.length > buffer.length - used) {
      drain();
      if (b.length >= buffer.length) {
        out.write(b);
        return;
      }
    }
    System.arraycopy(b, 0, buffer, used, b.length);
    used += b.length;
  }

  private void drain() throws IOException {
    if (used > 0) {
      out.write(buffer, 0, used);
      used = 0;
    }
  }

  /** Writes what is buffered; half a surrogate pair waits for its other half, as the encoder's. */
  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  /**
   * Writes all, a lone half of a surrogate pair as the charset writes one, and closes the stream.
   */
  @Override
  public void close() throws IOException {
    if (high != 0) {
      char lone = high;
      high = 0;
      bytes(String.valueOf(lone).getBytes(charset));
    }
    flush();
    out.close();
  }
}
