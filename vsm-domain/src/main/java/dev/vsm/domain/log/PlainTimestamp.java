package dev.vsm.domain.log;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The timestamps vsm and the earlier implementation write ({@code 2026-11-24T22:35:26.354688}, with
 * {@code Z}, an offset or nothing after it), read digit by digit: java.time's formatters cost a
 * short command that reads a log of a thousand entries more than the rest of its reading.
 */
public final class PlainTimestamp {

  private PlainTimestamp() {}

  /**
   * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of one to nine digits, then {@code Z}, an
   * offset {@code ±HH:mm} or nothing (UTC); null for any other text, and for values java.time
   * should judge (a leap second, an impossible date).
   */
  public static Instant parse(String t) {
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
