package dev.vsm.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Compact JSON text of a plain value, the text Jackson's generator writes for it, written without
 * the generator: {@code analyze} writes thousands of these before the JIT has compiled the
 * generator, whose set-up and escaping cost a batch more than its analysis. {@code JsonValuesTest}
 * holds it to the object mapper: every character, every kind of number, random documents.
 */
final class CompactJson {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private CompactJson() {}

  static String text(Object value) {
    StringBuilder out = new StringBuilder(256);
    compact(out, value);
    return out.toString();
  }

  static void append(StringBuilder out, Object value) {
    compact(out, value);
  }

  private static void compact(StringBuilder out, Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getKey() == null) {
          throw new IllegalArgumentException("a JSON object's key cannot be null");
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, e.getKey().toString());
        out.append(':');
        compact(out, e.getValue());
      }
      out.append('}');
    } else if (v instanceof Collection<?> c) {
      out.append('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          out.append(',');
        }
        first = false;
        compact(out, o);
      }
      out.append(']');
    } else if (v instanceof Boolean b) {
      out.append(b.booleanValue() ? "true" : "false");
    } else if (v instanceof Double d) {
      out.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else if (v instanceof Float f) {
      out.append(Float.isFinite(f) ? Float.toString(f) : "null");
    } else if (v instanceof Integer
        || v instanceof Long
        || v instanceof BigInteger
        || v instanceof BigDecimal) {
      out.append(v); // as the generator writes them: their toString()
    } else if (v instanceof Number n) {
      throw new IllegalArgumentException("no JSON for a " + n.getClass().getName());
    } else {
      throw new IllegalArgumentException(
          "no JSON for a " + v.getClass().getName() + ": give maps, lists, text and numbers");
    }
  }

  /**
   * A string as Jackson's generator quotes it: a quote and a backslash escaped by a backslash,
   * control characters as the short escapes JSON has ({@code \n}, {@code \t} …) or as a backslash,
   * a {@code u} and four upper-case hex digits, everything else as it is.
   */
  private static void string(StringBuilder out, String s) {
    out.append('"');
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(s, from, i).append('\\');
      switch (c) {
        case '"', '\\' -> out.append(c);
        case '\b' -> out.append('b');
        case '\t' -> out.append('t');
        case '\n' -> out.append('n');
        case '\f' -> out.append('f');
        case '\r' -> out.append('r');
        default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
      from = i + 1;
    }
    out.append(s, from, s.length()).append('"');
  }
}
