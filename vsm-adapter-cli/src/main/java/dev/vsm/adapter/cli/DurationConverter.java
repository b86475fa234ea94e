package dev.vsm.adapter.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code 90s}, {@code 30m}, {@code 1h}, {@code 1h30m}, a bare number of seconds, or ISO
 * {@code PT30M}.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern PARTS = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  static Duration parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Duration d;
    if (v.matches("\\d+(\\.\\d+)?")) {
      d = Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
    } else if (v.startsWith("pt") || v.startsWith("p")) {
      try {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw bad(value);
      }
    } else {
      Matcher m = PARTS.matcher(v);
      int end = 0;
      d = Duration.ZERO;
      while (m.find() && m.start() == end) {
        double n = Double.parseDouble(m.group(1));
        long ms =
            switch (m.group(2)) {
              case "h" -> (long) (n * 3_600_000);
              case "m" -> (long) (n * 60_000);
              case "s" -> (long) (n * 1000);
              default -> (long) n;
            };
        d = d.plusMillis(ms);
        end = m.end();
      }
      if (end != v.length() || end == 0) {
        throw bad(value);
      }
    }
    if (d.isZero() || d.isNegative()) {
      throw new CommandLine.TypeConversionException("'" + value + "' must be longer than zero");
    }
    return d;
  }

  private static CommandLine.TypeConversionException bad(String value) {
    return new CommandLine.TypeConversionException(
        "'" + value + "' is not a duration: use e.g. 90s, 30m, 1h or 1h30m");
  }
}
