package dev.vsm.adapter.filesystem;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The adapter's JSON: one mapper; state files pretty-printed like Python's {@code indent=2}. JSON
 * has no infinity or NaN (Jackson would write the string {@code "Infinity"}, the earlier
 * implementation the invalid token {@code Infinity}): a non-finite number in free-form data
 * (metadata, a plan, log data) is written as {@code null}. The typed numbers never are non-finite.
 */
final class Json {

  private Json() {}

  static ObjectMapper mapper() {
    SimpleModule finite = new SimpleModule("finite-numbers");
    finite.addSerializer(Double.class, new FiniteOrNull<>(Double.class));
    finite.addSerializer(Float.class, new FiniteOrNull<>(Float.class));
    return JsonMapper.builder().addModule(finite).build();
  }

  private static final class FiniteOrNull<T extends Number> extends StdSerializer<T> {
    FiniteOrNull(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
      double d = value.doubleValue();
      if (!Double.isFinite(d)) {
        gen.writeNull();
      } else if (value instanceof Float f) {
        gen.writeNumber(f);
      } else {
        gen.writeNumber(d);
      }
    }
  }

  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
          Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER));

  /**
   * The document as pretty-printed UTF-8 with a final newline. Written as bytes, not through a
   * String: Jackson escapes half a surrogate pair (read from a {@code \\ud800} escape) where a
   * String's UTF-8 encoding would turn it into {@code ?}.
   */
  static byte[] pretty(ObjectMapper mapper, Object value) {
    return line(mapper.writer().with(PRETTY).writeValueAsBytes(value));
  }

  /** The document as one line of UTF-8 with its newline. */
  static byte[] line(ObjectMapper mapper, Object value) {
    return line(mapper.writeValueAsBytes(value));
  }

  private static byte[] line(byte[] json) {
    byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
    out[json.length] = '\n';
    return out;
  }
}
