package dev.vsm.application.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads from a parsed JSON object; a value of the wrong type makes the file corrupt. */
public final class DocumentFields {

  /** A state file whose content has the wrong shape. */
  public static final class WrongShape extends RuntimeException {
    public WrongShape(String message) {
      super(message);
    }
  }

  private final Map<String, Object> m;

  private DocumentFields(Map<String, Object> m) {
    this.m = m;
  }

  @SuppressWarnings("unchecked")
  public static DocumentFields of(Object parsed, String what) {
    if (!(parsed instanceof Map<?, ?>)) {
      throw new WrongShape(what + " is not a JSON object");
    }
    return new DocumentFields((Map<String, Object>) parsed);
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
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new WrongShape("'" + key + "' should be a number");
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
    return new DocumentFields(object(key));
  }
}
