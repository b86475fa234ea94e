package dev.vsm.application.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random JSON for fuzzing readers of untrusted bytes: values of every type (strings with control
 * characters, lone surrogates and emoji; numbers that do not fit a double), deep nesting, changes
 * to a document's tree, its own writer (so it can write what Jackson will not, such as {@code
 * 1e400}), and byte-level damage.
 */
public final class RandomJson {

  /** A number written exactly as this text, e.g. {@code 1e400}. */
  public record Raw(String text) {}

  private static final String[] NUMBERS = {
    "0",
    "-0",
    "-0.0",
    "1e400",
    "-1e400",
    "1e-400",
    "1E+2",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "123456789012345678901234567890",
    "0.1",
    "3.0",
    "1e308",
    "4.9e-324",
    "-1"
  };
  private static final String[] WORDS = {
    "tester",
    "code-writer",
    "backend",
    "s1-frontend",
    "system4-strategy",
    "pending",
    "in_progress",
    "completed",
    "failed",
    "simple",
    "medium",
    "complex",
    "unknown",
    "add_review_step",
    "tighten_s3_star",
    "parallelize_s1",
    "require_s5_approval",
    "increase_s2_involvement",
    "lower_complexity_threshold",
    "available",
    "busy",
    "functional",
    "generalist",
    "domain",
    "2026-01-15T10:00:00Z",
    "2026-01-15T10:00:00",
    "2026-01-15T10:00:00.123456+02:00",
    "+999999999-12-31T23:59:59Z",
    "-999999999-01-01T00:00:00",
    "not a time",
    "",
    " ",
    "null"
  };

  private final Random r;

  public RandomJson(Random r) {
    this.r = r;
  }

  public Random random() {
    return r;
  }

  public boolean chance(double p) {
    return r.nextDouble() < p;
  }

  /** An int in {@code [lo, hi]}. */
  public int between(int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  @SafeVarargs
  public final <T> T pick(T... options) {
    return options[r.nextInt(options.length)];
  }

  public <T> T pick(List<T> options) {
    return options.get(r.nextInt(options.size()));
  }

  /** A word vsm knows (a status, an agent, a timestamp) or random text. */
  public String word() {
    return chance(0.6) ? pick(WORDS) : text(12);
  }

  /** Random text of up to {@code max} characters, from every kind of character. */
  public String text(int max) {
    int n = r.nextInt(max + 1);
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(10)) {
        case 0 -> s.append((char) r.nextInt(0x20)); // control, ESC and CR included
        case 1 -> s.append(pick('"', '\\', '/', '\u007f', '\u2028', '{', '}', '[', ']', ','));
        case 2 -> s.append(pick("é", "ü", "中", "ß", "\u00a0"));
        case 3 -> s.append("\ud83d\ude00"); // an emoji: a surrogate pair
        case 4 -> s.append(chance(0.5) ? '\ud800' : '\udc00'); // a lone surrogate
        default -> s.append((char) ('a' + r.nextInt(26)));
      }
    }
    return s.toString();
  }

  /** A number of any kind Jackson may read, or a {@link Raw} one it reads as something else. */
  public Object number() {
    return switch (r.nextInt(7)) {
      case 0 -> r.nextInt(3) - 1;
      case 1 -> r.nextLong();
      case 2 -> r.nextDouble();
      case 3 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
      case 4 -> new BigInteger(80, r);
      case 5 -> r.nextInt();
      default -> new Raw(pick(NUMBERS));
    };
  }

  /** Any JSON value; containers at most {@code depth} deep. */
  public Object value(int depth) {
    int kinds = depth > 0 ? 8 : 6;
    return switch (r.nextInt(kinds)) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2, 3 -> number();
      case 4, 5 -> word();
      case 6 -> object(depth - 1);
      default -> list(depth - 1);
    };
  }

  public Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      m.put(word(), value(depth));
    }
    return m;
  }

  public List<Object> list(int depth) {
    List<Object> l = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      l.add(value(depth));
    }
    return l;
  }

  /** Arrays or objects nested {@code depth} deep (past a parser's limit when large). */
  public Object nested(int depth) {
    Object v = r.nextInt(10);
    for (int i = 0; i < depth; i++) {
      if (r.nextBoolean()) {
        v = new ArrayList<>(List.of(v));
      } else {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", v);
        v = m;
      }
    }
    return v;
  }

  /**
   * Changes one place of a tree of maps and lists (replaces a value, removes or adds an entry) and
   * returns the tree (a new one when the root itself was replaced).
   */
  @SuppressWarnings("unchecked")
  public Object mutate(Object tree) {
    List<Object[]> places = new ArrayList<>();
    places(tree, places);
    if (places.isEmpty() || chance(0.03)) {
      return value(2);
    }
    Object[] place = pick(places);
    Object replacement = chance(0.05) ? nested(between(2, 40)) : value(2);
    if (place[0] instanceof Map<?, ?> map) {
      Map<String, Object> m = (Map<String, Object>) map;
      switch (r.nextInt(5)) {
        case 0 -> m.remove(place[1]);
        case 1 -> m.put(word(), replacement);
        default -> m.put((String) place[1], replacement);
      }
    } else {
      List<Object> l = (List<Object>) place[0];
      int i = (Integer) place[1];
      switch (r.nextInt(5)) {
        case 0 -> l.remove(i);
        case 1 -> l.add(i, replacement);
        default -> l.set(i, replacement);
      }
    }
    return tree;
  }

  private static void places(Object node, List<Object[]> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.add(new Object[] {m, e.getKey()});
        places(e.getValue(), out);
      }
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        out.add(new Object[] {l, i});
        places(l.get(i), out);
      }
    }
  }

  /** JSON text of a tree; {@code lines} allows newlines between tokens (not within a log line). */
  public String write(Object tree, boolean lines) {
    StringBuilder out = new StringBuilder();
    write(tree, out, lines);
    return out.toString();
  }

  private void space(StringBuilder out, boolean lines) {
    if (chance(0.2)) {
      out.append(
          pick(lines ? new String[] {" ", "\n  ", "\t", "\r\n"} : new String[] {" ", "\t", "\r"}));
    }
  }

  private void write(Object v, StringBuilder out, boolean lines) {
    space(out, lines);
    if (v == null) {
      out.append("null");
    } else if (v instanceof Raw raw) {
      out.append(raw.text());
    } else if (v instanceof Double d && !Double.isFinite(d)) {
      out.append("null");
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof String s) {
      string(s, out);
    } else if (v instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        space(out, lines);
        string(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out, lines);
      }
      out.append('}');
    } else if (v instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(l.get(i), out, lines);
      }
      out.append(']');
    } else {
      string(v.toString(), out);
    }
    space(out, lines);
  }

  private void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) || chance(0.02)) {
        out.append(String.format("\\u%04x", (int) c)); // escaped; a lone surrogate stays lone
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** Byte-level damage: cut, flipped, inserted, repeated or invalid UTF-8 bytes. */
  public byte[] damage(byte[] in) {
    byte[] b = in;
    for (int n = between(1, 3); n > 0; n--) {
      int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      b =
          switch (r.nextInt(6)) {
            case 0 -> Arrays.copyOf(b, at); // cut short, as by a crash
            case 1 -> {
              byte[] c = b.clone();
              if (c.length > 0) {
                c[Math.min(at, c.length - 1)] ^= (byte) (1 << r.nextInt(8));
              }
              yield c;
            }
            case 2 ->
                splice(
                    b,
                    at,
                    pick(
                        new byte[] {(byte) 0xC3, 0x28},
                        new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        new byte[] {0},
                        new byte[] {'\r'}));
            case 3 -> splice(b, at, text(8).getBytes(StandardCharsets.UTF_8));
            case 4 -> {
              int from = b.length == 0 ? 0 : r.nextInt(b.length);
              yield splice(
                  b, at, Arrays.copyOfRange(b, from, Math.min(b.length, from + between(1, 40))));
            }
            default -> {
              byte[] junk = new byte[between(1, 16)];
              r.nextBytes(junk);
              yield splice(b, at, junk);
            }
          };
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, byte[] insert) {
    byte[] out = new byte[b.length + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at, out, at + insert.length, b.length - at);
    return out;
  }
}
