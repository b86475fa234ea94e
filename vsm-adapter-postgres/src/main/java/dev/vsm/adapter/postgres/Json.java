package dev.vsm.adapter.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The adapter's JSON: state documents ({@code jsonb}) and log entries ({@code json}) are the text
 * Jackson writes of the application's document maps, and come back as plain maps for its readers.
 * JSON has no infinity or NaN, and Jackson would write the strings {@code "Infinity"} and {@code
 * "NaN"}: as in the state files, a non-finite number in free-form data (metadata, a plan, log data)
 * is written as {@code null}.
 */
final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(
              new SimpleModule("finite-numbers")
                  .addSerializer(Double.class, new FiniteOrNull<>(Double.class))
                  .addSerializer(Float.class, new FiniteOrNull<>(Float.class)))
          .build();

  private static final class FiniteOrNull<T extends Number> extends StdSerializer<T> {
    FiniteOrNull(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializationContext context) {
      if (!Double.isFinite(value.doubleValue())) {
        gen.writeNull();
      } else if (value instanceof Float f) {
        gen.writeNumber(f);
      } else {
        gen.writeNumber(value.doubleValue());
      }
    }
  }

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
