package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The human views' numbers and columns, written without java.util.Formatter, as it writes them. */
class HumanFormatNumbersTest {

  @Test
  void fixed_point_numbers_read_as_string_format_writes_them() {
    double[] listed = {
      0,
      -0.0,
      0.005,
      0.015,
      0.125,
      1.005,
      2.675,
      0.045,
      99.995,
      -0.001,
      -1.5,
      1e-7,
      123456.789,
      1e20,
      1e300,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      1 / 3.0,
      2 / 3.0,
      0.1 + 0.2
    };
    for (double v : listed) {
      assertSameAsFormatter(v);
    }
    Random r = new Random(18);
    for (int i = 0; i < 5_000; i++) {
      double v =
          switch (r.nextInt(4)) {
            case 0 -> r.nextDouble();
            case 1 -> (r.nextInt(200_001) - 100_000) / 1000.0; // x.xx5 halves among them
            case 2 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(30) - 10);
            default -> Double.longBitsToDouble(r.nextLong());
          };
      assertSameAsFormatter(v);
    }
  }

  private static void assertSameAsFormatter(double v) {
    for (int decimals = 0; decimals <= 4; decimals++) {
      assertThat(HumanFormat.fixed(v, decimals))
          .as("%s with %d decimals", v, decimals)
          .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }
    assertThat(HumanFormat.percent(v)).isEqualTo(String.format(Locale.ROOT, "%.2f%%", v * 100));
  }

  @Test
  void columns_pad_as_string_format_pads_them() {
    for (String s : new String[] {"", "a", "code-writer", "a-name-longer-than-the-column", null}) {
      for (int w = 1; w < 30; w += 7) {
        assertThat(HumanFormat.left(s, w)).isEqualTo(String.format("%-" + w + "s", s));
        assertThat(HumanFormat.right(s, w)).isEqualTo(String.format("%" + w + "s", s));
      }
    }
  }
}
