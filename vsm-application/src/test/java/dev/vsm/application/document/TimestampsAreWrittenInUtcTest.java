package dev.vsm.application.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** vsm writes every time in UTC with a Z, and reads any ISO-8601 time with or without a zone. */
class TimestampsAreWrittenInUtcTest {

  @Test
  void now_is_utc_to_the_microsecond() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00.123456789Z"), ZoneOffset.UTC);

    assertThat(Timestamps.now(clock)).isEqualTo("2026-01-15T10:00:00.123456Z");
  }

  @Test
  void any_iso_time_becomes_its_utc_z_form() {
    assertThat(Timestamps.normalize("2026-01-15T10:00:00Z")).isEqualTo("2026-01-15T10:00:00Z");
    assertThat(Timestamps.normalize("2026-01-15T12:00:00+02:00")).isEqualTo("2026-01-15T10:00:00Z");
    assertThat(Timestamps.normalize("2026-01-15T10:00:00")).isEqualTo("2026-01-15T10:00:00Z");
  }

  @Test
  void text_that_is_no_time_is_kept_as_it_is() {
    assertThat(Timestamps.normalize("yesterday")).isEqualTo("yesterday");
    assertThat(Timestamps.normalize("")).isEmpty();
    assertThat(Timestamps.normalize(" ")).isEqualTo(" ");
    assertThat(Timestamps.normalize(null)).isNull();
  }
}
