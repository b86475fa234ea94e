package dev.vsm.application.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The digit-by-digit path against java.time's parsers and Instant.toString(), which define it. */
class TimestampsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-24T22:35:26.354688",
        "2026-11-24T22:35:26.354688Z",
        "2026-11-24T22:35:26Z",
        "2026-11-24T22:35:26.1",
        "2026-11-24T22:35:26.120",
        "2026-11-24T22:35:26.000000001",
        "2026-11-24T22:35:26.000000000Z",
        "2026-11-24T22:35:26.354+02:00",
        "2026-11-24T22:35:26-05:30",
        "2026-11-24T22:35:26-00:00",
        "2026-11-24T22:35:26+18:00",
        "0000-01-01T00:00:00+01:00",
        "9999-12-31T23:00:00-05:00",
        "2024-02-29T00:00:00",
        "2023-02-29T00:00:00",
        "2026-11-24T24:00:00Z",
        "2026-11-24T23:59:60Z",
        "2026-11-24T22:35",
        "2026-11-24T22:35:26.",
        "2026-11-24T22:35:26.1234567890",
        "2026-11-24t22:35:26z",
        "2026-11-24T22:35:26+19:00",
        "2026-11-24T22:35:26+01:00:30",
        "2026-11-24 22:35:26",
        "not a time",
        "x",
        " 2026-11-24T22:35:26Z",
        "+2026-11-24T22:35:26Z",
        "-2026-11-24T22:35:26Z",
        "+12026-11-24T22:35:26Z",
        "١٢٣٤-11-24T22:35:26"
      })
  void reads_every_form_as_java_time_does(String text) {
    assertThat(Timestamps.normalize(text)).isEqualTo(Timestamps.byJavaTime(text));
  }

  @Test
  void random_timestamps_normalize_as_java_time_does() {
    Random r = new Random(18);
    String[] zones = {"", "Z", "+00:00", "-00:00", "+05:30", "-11:45", "+18:00", "+14:60", "z"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d",
              r.nextInt(10_000),
              r.nextInt(14),
              r.nextInt(33),
              r.nextInt(26),
              r.nextInt(61),
              r.nextInt(62)));
      if (r.nextBoolean()) {
        b.append('.');
        for (int k = r.nextInt(11); k > 0; k--) {
          b.append((char) ('0' + r.nextInt(10)));
        }
      }
      b.append(zones[r.nextInt(zones.length)]);
      String text = b.toString();
      assertThat(Timestamps.normalize(text)).as(text).isEqualTo(Timestamps.byJavaTime(text));
    }
  }

  @Test
  void writes_instants_as_instant_to_string_does() {
    Random r = new Random(1818);
    for (int i = 0; i < 20_000; i++) {
      long seconds = r.nextLong() % 400_000_000_000L;
      int nano =
          switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> r.nextInt(1000) * 1_000_000;
            case 2 -> r.nextInt(1_000_000) * 1000;
            default -> r.nextInt(1_000_000_000);
          };
      Instant t = Instant.ofEpochSecond(seconds, nano);
      assertThat(Timestamps.text(t)).isEqualTo(t.toString());
    }
  }

  @Test
  void now_is_utc_with_microseconds() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T22:35:26.123456789Z"), ZoneOffset.UTC);
    assertThat(Timestamps.now(clock)).isEqualTo("2026-11-24T22:35:26.123456Z");
  }
}
