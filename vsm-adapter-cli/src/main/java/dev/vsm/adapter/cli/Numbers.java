package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.RunCycleCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Numbers on the command line, read with a sentence for what went wrong. */
final class Numbers {

  private Numbers() {}

  private static long whole(String value, long min) {
    String v = value.strip();
    if (!v.matches("[+-]?\\d+")) {
      throw new TypeConversionException("'" + value + "' is not a whole number (e.g. 50)");
    }
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
    if (n < min) {
      throw new TypeConversionException("'" + value + "' must be " + min + " or more");
    }
    if (n > Integer.MAX_VALUE) {
      throw new TypeConversionException("'" + value + "' is too large");
    }
    return n;
  }

  /** A count: 0 or more. */
  static final class Count implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) whole(value, 0);
    }
  }

  /** 1 or more. */
  static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) whole(value, 1);
    }
  }

  /** An amount of US dollars: at least the smallest budget ($0.0001), at most a million. */
  static final class Dollars implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String v = value.strip();
      if (v.startsWith("$")) {
        v = v.substring(1);
      }
      if (!v.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
        throw new TypeConversionException(
            "'" + value + "' is not an amount of US dollars (e.g. 0.50)");
      }
      double d = Double.parseDouble(v);
      if (!(d >= RunCycleCommand.SMALLEST_BUDGET_USD) || d > 1_000_000) {
        throw new TypeConversionException(
            "'" + value + "' must be at least 0.0001 and at most 1000000 dollars");
      }
      return d;
    }
  }
}
