package dev.vsm.application.document;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Typed reads from a parsed JSON object; a value of the wrong type makes the file corrupt. A number
 * must be finite: JSON such as {@code 1e400} does not fit a double and makes the file corrupt too
 * (it is kept aside, not clamped). What a reader drops without the file being corrupt (an entry it
 * does not know) goes to the document's warnings.
 */
public final class DocumentFields {

  /** A state file whose content has the wrong shape. */
  public static final class WrongShape extends RuntimeException {
    public WrongShape(String message) {
      super(message);
    }
  }

  private final Map<String, Object> m;
  private final Consumer<String> warnings;

  private DocumentFields(Map<String, Object> m, Consumer<String> warnings) {
    this.m = m;
    this.warnings = warnings;
  }

  /** Drops what it is given (a class, not a lambda: see {@link #of(Object, String)}). */
  private static final Consumer<String> DROPPED =
      new Consumer<>() {
        @Override
        public void accept(String message) {}
      };

  /**
   * A document whose warnings are dropped. No lambda on this path: the read commands and hooks read
   * documents, and the first lambda of a process costs a short command ~12 ms.
   */
  public static DocumentFields of(Object parsed, String what) {
    return of(parsed, what, DROPPED);
  }

  /** A document that reports what its reader drops to {@code warnings}. */
  @SuppressWarnings("unchecked")
  public static DocumentFields of(Object parsed, String what, Consumer<String> warnings) {
    if (!(parsed instanceof Map<?, ?>)) {
      throw new WrongShape(what + " is not a JSON object");
    }
    return new DocumentFields((Map<String, Object>) parsed, warnings);
  }

  /** Says that the reader dropped part of the document, which is otherwise kept. */
  public void warn(String message) {
    warnings.accept(message);
  }

  public boolean has(String key) {
    return m.get(key) != null;
  }

  public String text(String key, String fallback) {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof String s) {
      return s;
    }
    throw new WrongShape("'" + key + "' should be text");
  }

  public String requiredText(String key) {
    String v = text(key, null);
    if (v == null) {
      throw new WrongShape("'" + key + "' is missing");
    }
    return v;
  }

  public double number(String key, double fallback) {
    Object v = m.get(key);
    return v == null ? fallback : finite(v, key);
  }

  /** A JSON value as a finite number; anything else is the wrong shape. */
  public static double finite(Object value, String name) {
    if (!(value instanceof Number n)) {
      throw new WrongShape("'" + name + "' should be a number");
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new WrongShape("'" + name + "' should be a finite number");
    }
    return d;
  }

  /**
   * A count: a number of 0 or more, its fraction dropped; one past {@link Integer#MAX_VALUE} reads
   * as {@link Integer#MAX_VALUE}, as counters saturate.
   */
  public int count(String key, int fallback) {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof BigInteger big && big.signum() > 0) {
      return Integer.MAX_VALUE; // more digits than a long holds
    }
    double d = finite(v, key);
    if (d < 0) {
      throw new WrongShape("'" + key + "' should be 0 or more");
    }
    return d >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) d;
  }

  public boolean bool(String key, boolean fallback) {
    Object v = m.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new WrongShape("'" + key + "' should be true or false");
  }

  public List<Object> list(String key) {
    Object v = m.get(key);
    if (v == null) {
      return new ArrayList<>();
    }
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw new WrongShape("'" + key + "' should be a list");
  }

  public List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    for (Object o : list(key)) {
      if (!(o instanceof String s)) {
        throw new WrongShape("'" + key + "' should be a list of text");
      }
      out.add(s);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> object(String key) {
    Object v = m.get(key);
    if (v == null) {
      return new LinkedHashMap<>();
    }
    if (v instanceof Map<?, ?> map) {
      return new LinkedHashMap<>((Map<String, Object>) map);
    }
    throw new WrongShape("'" + key + "' should be an object");
  }

  public DocumentFields fields(String key) {
    return new DocumentFields(object(key), warnings);
  }
}
