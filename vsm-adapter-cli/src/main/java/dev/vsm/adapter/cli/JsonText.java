package dev.vsm.adapter.cli;

import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** JSON as the CLI prints it: pretty documents, or one compact object per line. */
final class JsonText {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
          Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER));

  private JsonText() {}

  static String pretty(Object document) {
    return MAPPER.writer().with(PRETTY).writeValueAsString(document) + "\n";
  }

  static String compact(Object document) {
    return MAPPER.writeValueAsString(document);
  }
}
