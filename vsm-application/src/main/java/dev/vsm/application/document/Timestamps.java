package dev.vsm.application.document;

import dev.vsm.domain.log.PlainTimestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps from files: with or without a zone (no zone means UTC), written back as UTC {@code Z}.
 *
 * <p>The forms vsm and the earlier implementation write ({@code 2026-11-24T22:35:26.354688}, with
 * {@code Z} or an offset or nothing after it) are read digit by digit ({@link PlainTimestamp}) and
 * written so here: java.time's formatters cost a short command more than reading its state files.
 * Anything else goes through java.time's ISO parsers, which define the result ({@code
 * TimestampsTest} holds the two paths to the same answers).
 */
public final class Timestamps {

  private Timestamps() {}

  /** Now, as vsm writes it: UTC, microseconds, {@code Z}. */
  public static String now(Clock clock) {
    return text(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
  }

  /** The UTC {@code Z} form of an ISO-8601 timestamp; text that is not one is kept as it is. */
  public static String normalize(String text) {
    if (text == null || text.isBlank()) {
      return text;
    }
    Instant plain = PlainTimestamp.parse(text);
    if (plain != null) {
      return text(plain);
    }
    char first = text.charAt(0);
    if ((first < '0' || first > '9') && first != '+' && first != '-') {
      return text; // every ISO form begins with the year's digits or its sign
    }
    return byJavaTime(text);
  }

  /** {@link #normalize} through java.time's parsers alone. */
  static String byJavaTime(String text) {
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

  /** {@link Instant#toString()}, digit by digit for the years 0 to 9999. */
  static String text(Instant instant) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (d.getYear() < 0 || d.getYear() > 9999) {
      return instant.toString();
    }
    StringBuilder b = new StringBuilder(30);
    pad(b, d.getYear(), 4).append('-');
    pad(b, d.getMonthValue(), 2).append('-');
    pad(b, d.getDayOfMonth(), 2).append('T');
    pad(b, d.getHour(), 2).append(':');
    pad(b, d.getMinute(), 2).append(':');
    pad(b, d.getSecond(), 2);
    int nano = instant.getNano();
    if (nano > 0) {
      b.append('.');
      if (nano % 1_000_000 == 0) {
        pad(b, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        pad(b, nano / 1000, 6);
      } else {
        pad(b, nano, 9);
      }
    }
    return b.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String s = Integer.toString(value);
    for (int k = s.length(); k < width; k++) {
      b.append('0');
    }
    return b.append(s);
  }
}
