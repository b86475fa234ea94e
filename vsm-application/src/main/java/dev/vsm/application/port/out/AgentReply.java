package dev.vsm.application.port.out;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON object an agent answered with, as plain immutable data: keys in reply order, values
 * {@code String}, {@code Boolean}, {@code Long}, {@code Double} (finite), {@code null}, lists and
 * nested objects ({@code Map<String, Object>}) of the same. The runner reads the reply; the cycle
 * only looks at fields.
 */
public record AgentReply(Map<String, Object> fields) {

  private static final AgentReply EMPTY = new AgentReply(Map.of());

  public AgentReply {
    fields = copyObject(fields == null ? Map.of() : fields);
  }

  /** A reply from any map of JSON-like values (numbers are normalised, the rest copied). */
  public static AgentReply of(Map<String, ?> fields) {
    return new AgentReply(Collections.unmodifiableMap(fields));
  }

  public static AgentReply empty() {
    return EMPTY;
  }

  public boolean has(String key) {
    return fields.get(key) != null;
  }

  /** A field as text: strings as they are, numbers and booleans as their JSON text. */
  public Optional<String> text(String key) {
    Object v = fields.get(key);
    if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
      return Optional.empty();
    }
    return Optional.of(v instanceof Double d && d == Math.rint(d) ? render(d) : String.valueOf(v));
  }

  /** A yes/no field; the strings true/false and yes/no count too. */
  public Optional<Boolean> flag(String key) {
    Object v = fields.get(key);
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if (v instanceof String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("yes")) {
        return Optional.of(true);
      }
      if (t.equals("false") || t.equals("no")) {
        return Optional.of(false);
      }
    }
    return Optional.empty();
  }

  /** A numeric field; numeric strings count too. */
  public Optional<Double> number(String key) {
    Object v = fields.get(key);
    if (v instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    if (v instanceof String s) {
      try {
        double d = Double.parseDouble(s.trim());
        return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A whole-number field (a fraction or an out-of-range number is no whole number). */
  public Optional<Integer> whole(String key) {
    return number(key)
        .filter(d -> d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE)
        .map(Double::intValue);
  }

  /** A list field; a single value is a one-element list, absence an empty list. */
  public List<Object> list(String key) {
    Object v = fields.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return Collections.unmodifiableList(new ArrayList<>(l));
    }
    return Collections.singletonList(v);
  }

  /** A nested object; an empty reply when absent or not an object. */
  @SuppressWarnings("unchecked")
  public AgentReply object(String key) {
    return fields.get(key) instanceof Map<?, ?> m ? new AgentReply((Map<String, Object>) m) : EMPTY;
  }

  /** The objects of a list field (other elements are skipped). */
  @SuppressWarnings("unchecked")
  public List<AgentReply> objects(String key) {
    List<AgentReply> out = new ArrayList<>();
    for (Object o : list(key)) {
      if (o instanceof Map<?, ?> m) {
        out.add(new AgentReply((Map<String, Object>) m));
      }
    }
    return out;
  }

  private static String render(double d) {
    return Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static Map<String, Object> copyObject(Map<?, ?> m) {
    Map<String, Object> copy = new LinkedHashMap<>();
    // Loops, not lambdas: the subagent-stop hook copies replies, and the first lambda of a
    // process costs a hook ~12 ms of set-up.
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("a reply's keys are strings, not " + e.getKey());
      }
      copy.put(key, copy(e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copy(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      return number(n);
    }
    if (v instanceof Map<?, ?> m) {
      return copyObject(m);
    }
    if (v instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object e : l) {
        copy.add(copy(e));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException("not a JSON value: " + v.getClass().getSimpleName());
  }

  /** Whole numbers that fit become {@code Long}, the rest {@code Double}; non-finite, null. */
  private static Object number(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : finite(b.doubleValue());
    }
    if (n instanceof BigDecimal b) {
      return finite(b.doubleValue());
    }
    return finite(n.doubleValue());
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
