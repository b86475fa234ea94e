package dev.vsm.adapter.filesystem;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The adapter's JSON: one mapper; state files pretty-printed like Python's {@code indent=2}. */
final class Json {

  private Json() {}

  static ObjectMapper mapper() {
    return JsonMapper.builder().build();
  }

  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
          Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER));

  static byte[] pretty(ObjectMapper mapper, Object value) {
    String text = mapper.writer().with(PRETTY).writeValueAsString(value);
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
