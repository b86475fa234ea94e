package dev.vsm.application.document;

import java.time.Clock;
import java.time.DateTimeException;
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
 * {@code Z} or an offset or nothing after it) are read and written here digit by digit: java.time's
 * formatters cost a short command more than reading its state files. Anything else goes through
 * java.time's ISO parsers, which define the result ({@code TimestampsTest} holds the two paths to
 * the same answers).
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
    Instant plain = plainForm(text);
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

  /**
   * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of one to nine digits, then {@code Z}, an
   * offset {@code ±HH:mm} or nothing (UTC); null for any other text, and for values java.time
   * should judge (a leap second, an impossible date).
   */
  static Instant plainForm(String t) {
    int n = t.length();
    if (n < 19
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0 || month < 1 || day < 1 || hour > 23 || minute > 59 || second > 59) {
      return null; // a negative field is a non-digit
    }
    int i = 19;
    int nano = 0;
    if (i < n && t.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(t.charAt(i))) {
        nano = nano * 10 + (t.charAt(i++) - '0');
      }
      if (i == start || (i < n && isDigit(t.charAt(i)))) {
        return null;
      }
      for (int k = i - start; k < 9; k++) {
        nano *= 10;
      }
    }
    int offsetSeconds;
    if (i == n) {
      offsetSeconds = 0;
    } else if (i == n - 1 && t.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
      int h = digits(t, i + 1, 2);
      int m = digits(t, i + 4, 2);
      if (h < 0 || h > 18 || m < 0 || m > 59 || (h == 18 && m > 0)) {
        return null;
      }
      offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (h * 3600 + m * 60);
    } else {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
      return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException impossible) {
      return null;
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

  /** The number written with exactly {@code count} ASCII digits at {@code from}, else −1. */
  private static int digits(String t, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = t.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
