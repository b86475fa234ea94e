package dev.vsm.application.document;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamps from files: with or without a zone (no zone means UTC), written back as UTC {@code Z}.
 */
public final class Timestamps {

  private Timestamps() {}

  /** Now, as vsm writes it: UTC, microseconds, {@code Z}. */
  public static String now(java.time.Clock clock) {
    return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
  }

  /** The UTC {@code Z} form of an ISO-8601 timestamp; text that is not one is kept as it is. */
  public static String normalize(String text) {
    if (text == null || text.isBlank()) {
      return text;
    }
    try {
      return Instant.parse(text).toString();
    } catch (DateTimeParseException notInstant) {
      try {
        return OffsetDateTime.parse(text).toInstant().toString();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException notLocal) {
          return text;
        }
      }
    }
  }
}
