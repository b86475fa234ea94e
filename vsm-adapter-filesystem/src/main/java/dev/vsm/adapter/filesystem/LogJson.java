package dev.vsm.adapter.filesystem;

import dev.vsm.application.document.LogDocuments;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.json.JsonValues;

/** One log line as text: the document of {@link LogDocuments#logEntry}, one line of JSON. */
final class LogJson {

  private LogJson() {}

  /** The entry's line, UTF-8, with its newline. */
  static byte[] toLine(LogEntry e) {
    return JsonValues.line(LogDocuments.logEntry(e));
  }

  /** The entry on a line, or null for a line that is not JSON or not a log entry. */
  static LogEntry fromLine(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      return LogDocuments.logEntry(JsonValues.read(line));
    } catch (JsonValues.MalformedJson e) {
      return null;
    }
  }
}
