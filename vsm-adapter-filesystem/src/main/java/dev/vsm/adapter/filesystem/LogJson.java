package dev.vsm.adapter.filesystem;

import dev.vsm.domain.log.LogEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** One log line (§6): exactly six keys on write; tolerant of other tools' lines on read. */
final class LogJson {

  private static final Set<String> KEYS =
      Set.of("timestamp", "event_type", "task_id", "agent", "data", "session_id");

  private LogJson() {}

  static Map<String, Object> toMap(LogEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", e.timestamp());
    m.put("event_type", e.eventType());
    m.put("task_id", e.taskId());
    m.put("agent", e.agent());
    m.put("data", e.data());
    m.put("session_id", e.sessionId());
    return m;
  }

  /**
   * The entry on a line, or null for a line that is not a log entry (not JSON, no timestamp or
   * event type). Lines of the earlier implementation's hooks lack {@code data} and {@code
   * session_id} and carry extra keys: the extras become the entry's data.
   */
  @SuppressWarnings("unchecked")
  static LogEntry fromLine(ObjectMapper json, String line) {
    if (line.isBlank()) {
      return null;
    }
    Object parsed;
    try {
      parsed = json.readValue(line, Object.class);
    } catch (JacksonException e) {
      return null;
    }
    if (!(parsed instanceof Map<?, ?> raw)) {
      return null;
    }
    Map<String, Object> m = (Map<String, Object>) raw;
    if (!(m.get("timestamp") instanceof String ts) || !(m.get("event_type") instanceof String type)) {
      return null;
    }
    Object task = m.get("task_id");
    Object agent = m.get("agent");
    Object session = m.get("session_id");
    Map<String, Object> data = new LinkedHashMap<>();
    if (m.get("data") instanceof Map<?, ?> d) {
      data.putAll((Map<String, Object>) d);
    }
    m.forEach(
        (k, v) -> {
          if (!KEYS.contains(k)) {
            data.putIfAbsent(k, v);
          }
        });
    return new LogEntry(
        ts,
        type,
        task instanceof String s ? s : null,
        agent instanceof String s ? s : null,
        data,
        session instanceof String s ? s : "");
  }
}
