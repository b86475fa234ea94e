package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TextOutput} against the {@link OutputStreamWriter} it stands in for: the same calls,
 * strings and character arrays and single characters cut at random places (halves of surrogate
 * pairs included), flushed at random, give the same bytes.
 */
class TextOutputTest {

  private static final String CHARS = "ab \n\t\"é—✓中\ud83d\ude80\ud800\udc00";

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "ISO-8859-1", "US-ASCII", "UTF-16", "UTF-32", "ISO-2022-JP"})
  void writes_the_bytes_an_output_stream_writer_writes(String name) throws IOException {
    Charset charset = Charset.forName(name);
    Random random = new Random(1807);
    for (int round = 0; round < 2_000; round++) {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      ByteArrayOutputStream actual = new ByteArrayOutputStream();
      Writer reference = new OutputStreamWriter(expected, charset);
      Writer text = TextOutput.of(actual, charset);
      for (int call = random.nextInt(12); call >= 0; call--) {
        String s = text(random);
        int off = s.isEmpty() ? 0 : random.nextInt(s.length());
        int len = s.length() - off == 0 ? 0 : random.nextInt(s.length() - off + 1);
        switch (random.nextInt(4)) {
          case 0 -> {
            reference.write(s, off, len);
            text.write(s, off, len);
          }
          case 1 -> {
            reference.write(s.toCharArray(), off, len);
            text.write(s.toCharArray(), off, len);
          }
          case 2 -> {
            if (!s.isEmpty()) {
              reference.write(s.charAt(off));
              text.write(s.charAt(off));
            }
          }
          default -> {
            reference.flush();
            text.flush();
            // the JDK's writer keeps half a surrogate pair back on a flush, as this one does
            assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
          }
        }
      }
      reference.close();
      text.close();
      assertThat(actual.toByteArray()).as("round %d", round).isEqualTo(expected.toByteArray());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8191, 8192, 8193, 100_000})
  void a_long_text_goes_out_whole_and_in_order(int length) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < length; i++) {
      b.append((char) ('a' + i % 26));
    }
    String s = b.substring(0, length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Writer text = TextOutput.of(out, StandardCharsets.UTF_8);
    text.write("<");
    text.write(s);
    text.write(">");
    text.flush();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("<" + s + ">");
  }

  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(40); i > 0; i--) {
      b.append(CHARS.charAt(r.nextInt(CHARS.length())));
    }
    return b.toString();
  }
}
