package dev.vsm.adapter.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code 90s}, {@code 30m}, {@code 1h}, {@code 1h30m}, {@code 2d}, a bare number of seconds,
 * or ISO {@code PT30M}; at most {@link #MAX} (a longer limit would overflow the process timers).
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  /** The longest time limit vsm accepts. */
  static final Duration MAX = Duration.ofDays(7);

  private static final Pattern PARTS = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)(ms|d|h|m|s)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Duration d;
    if (v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
      d = Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
    } else if (v.startsWith("pt") || v.startsWith("p")) {
      try {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException | ArithmeticException e) {
        throw bad(value);
      }
    } else {
      Matcher m = PARTS.matcher(v);
      int end = 0;
      double ms = 0;
      while (m.find() && m.start() == end) {
        double n = Double.parseDouble(m.group(1));
        ms +=
            switch (m.group(2)) {
              case "d" -> n * 86_400_000;
              case "h" -> n * 3_600_000;
              case "m" -> n * 60_000;
              case "s" -> n * 1000;
              default -> n;
            };
        end = m.end();
      }
      if (end != v.length() || end == 0) {
        throw bad(value);
      }
      if (ms > MAX.toMillis()) {
        throw tooLong(value);
      }
      d = Duration.ofMillis((long) ms);
    }
    if (d.isZero() || d.isNegative()) {
      throw new CommandLine.TypeConversionException("'" + value + "' must be longer than zero");
    }
    if (d.compareTo(MAX) > 0) {
      throw tooLong(value);
    }
    return d;
  }

  private static CommandLine.TypeConversionException tooLong(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value + "' is too long: the longest time limit is 7d (168h)");
  }

  private static CommandLine.TypeConversionException bad(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration: use e.g. 90s, 30m, 1h or 1h30m");
  }
}
