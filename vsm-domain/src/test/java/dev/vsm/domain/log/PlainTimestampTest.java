package dev.vsm.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A log timestamp's instant, read digit by digit where it can be ({@link PlainTimestamp}), against
 * java.time's parsers, which define it: an offset date-time, else a local one in UTC, else none.
 * The texts are what java.time itself writes for random instants and offsets, as they are and with
 * random characters changed, dropped or added.
 */
class PlainTimestampTest {

  private static Instant byJavaTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        return null;
      }
    }
  }

  @Test
  void a_log_timestamp_is_the_instant_java_time_reads_whether_well_formed_or_not() {
    Random r = new Random(25);
    String alphabet = "0123456789-+:.TZtz ";
    for (int i = 0; i < 50_000; i++) {
      Instant at =
          Instant.ofEpochSecond(
              r.nextLong() % 300_000_000_000L, r.nextInt(4) == 0 ? 0 : r.nextInt(1_000_000_000));
      int minutes = (r.nextInt(36) - 18) * 60 + 30 * r.nextInt(2); // -18:00 to +17:30
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(minutes * 60);
      String text =
          switch (r.nextInt(3)) {
            case 0 -> at.toString();
            case 1 -> at.atOffset(offset).toString();
            default -> at.atOffset(offset).toLocalDateTime().toString();
          };
      StringBuilder b = new StringBuilder(text);
      for (int k = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0; k > 0 && b.length() > 0; k--) {
        int where = r.nextInt(b.length());
        switch (r.nextInt(3)) {
          case 0 -> b.deleteCharAt(where);
          case 1 -> b.insert(where, alphabet.charAt(r.nextInt(alphabet.length())));
          default -> b.setCharAt(where, alphabet.charAt(r.nextInt(alphabet.length())));
        }
      }
      String t = b.toString();
      assertThat(TaskHistory.instant(t)).as(t).isEqualTo(byJavaTime(t));
      Instant plain = PlainTimestamp.parse(t);
      if (plain != null) {
        assertThat(plain).as(t).isEqualTo(byJavaTime(t));
      }
    }
  }

  @Test
  void the_forms_vsm_and_the_python_implementation_write_are_read_digit_by_digit() {
    assertThat(PlainTimestamp.parse("2026-11-24T22:35:26.354688"))
        .isEqualTo(Instant.parse("2026-11-24T22:35:26.354688Z"));
    assertThat(PlainTimestamp.parse("2026-11-24T22:35:26.354688Z"))
        .isEqualTo(Instant.parse("2026-11-24T22:35:26.354688Z"));
    assertThat(PlainTimestamp.parse("2026-11-24T22:35:26-05:30"))
        .isEqualTo(Instant.parse("2026-11-25T04:05:26Z"));
    // what java.time should judge is left to it
    assertThat(PlainTimestamp.parse("2026-11-24T23:59:60Z")).isNull();
    assertThat(PlainTimestamp.parse("2023-02-29T00:00:00")).isNull();
    assertThat(PlainTimestamp.parse("yesterday")).isNull();
  }
}
