package dev.vsm.adapter.cli;

import dev.vsm.json.JsonValues;

/** JSON as the CLI prints it: pretty documents, or one compact object per line. */
final class JsonText {

  private JsonText() {}

  static String pretty(Object document) {
    return JsonValues.prettyText(document);
  }

  static String compact(Object document) {
    return JsonValues.text(document);
  }

  /** Appends the document's compact text ({@link #compact}) to {@code out}. */
  static void appendCompact(StringBuilder out, Object document) {
    JsonValues.appendText(out, document);
  }
}
