package dev.vsm.adapter.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter's JSON: state documents ({@code jsonb}) and log entries ({@code json}) are the text
 * Jackson writes of the application's document maps, and come back as plain maps for its readers.
 */
final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /**
   * The JSON text of {@code value} for a {@code json} or {@code jsonb} parameter. PostgreSQL's text
   * types cannot hold U+0000, so that one character becomes U+FFFD; everything else is kept as it
   * is.
   */
  static String text(Object value) {
    String text = MAPPER.writeValueAsString(value);
    // Jackson writes U+0000 as the escape \u0000: only then is the value walked and rewritten.
    return text.contains("\\u0000") ? MAPPER.writeValueAsString(withoutNul(value)) : text;
  }

  /** The parsed value of a JSON column's text. */
  static Object parse(String text) {
    return MAPPER.readValue(text, Object.class);
  }

  static String withoutNul(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }

  private static Object withoutNul(Object value) {
    if (value instanceof String s) {
      return withoutNul(s);
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(withoutNul(String.valueOf(k)), withoutNul(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(withoutNul(o));
      }
      return out;
    }
    return value;
  }
}
