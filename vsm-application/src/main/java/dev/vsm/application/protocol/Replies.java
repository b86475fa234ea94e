package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading fields out of an agent's JSON reply, tolerating the shapes models actually produce. */
public final class Replies {

  private Replies() {}

  /** The reply object: the runner's parsed JSON, else the first JSON object in the output. */
  public static Optional<Map<String, Object>> object(AgentResult result) {
    if (result == null || !result.success()) {
      return Optional.empty();
    }
    return result.json().isPresent() ? result.json() : Json.firstObject(result.output());
  }

  public static String text(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return null;
    }
    return v instanceof String str ? str : String.valueOf(v);
  }

  public static Optional<Boolean> bool(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if (v instanceof String str) {
      String t = str.trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("yes")) {
        return Optional.of(true);
      }
      if (t.equals("false") || t.equals("no")) {
        return Optional.of(false);
      }
    }
    return Optional.empty();
  }

  public static Integer integer(Object v) {
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof String str) {
      try {
        return Integer.parseInt(str.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A list field; a single value becomes a one-element list, absence an empty list. */
  public static List<Object> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    List<Object> one = new ArrayList<>();
    one.add(v);
    return one;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
  }

  /** Text cut to {@code max} characters with an ellipsis. */
  public static String preview(String text, int max) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
