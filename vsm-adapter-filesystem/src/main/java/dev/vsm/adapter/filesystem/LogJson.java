package dev.vsm.adapter.filesystem;

import dev.vsm.application.document.LogDocuments;
import dev.vsm.application.document.StateDocuments;
import dev.vsm.domain.log.LogEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** One log line as text: the document of {@link StateDocuments#logEntry}, one line of JSON. */
final class LogJson {

  private LogJson() {}

  /** The entry's line, UTF-8, with its newline. */
  static byte[] toLine(ObjectMapper json, LogEntry e) {
    return Json.line(json, LogDocuments.logEntry(e));
  }

  /** The entry on a line, or null for a line that is not JSON or not a log entry. */
  static LogEntry fromLine(ObjectMapper json, String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      return LogDocuments.logEntry(json.readValue(line, Object.class));
    } catch (JacksonException e) {
      return null;
    }
  }
}
