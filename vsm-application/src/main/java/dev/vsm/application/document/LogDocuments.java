package dev.vsm.application.document;

import dev.vsm.domain.log.LogEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The execution log's line document: exactly its six keys on write, and a tolerant read of what the
 * earlier implementation and its hooks wrote.
 */
public final class LogDocuments {

  private LogDocuments() {}

  private static final Set<String> LOG_KEYS =
      Set.of("timestamp", "event_type", "task_id", "agent", "data", "session_id");

  public static Map<String, Object> logEntry(LogEntry e) {
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
   * The entry a parsed log line holds, or null for one that is not a log entry (not an object, no
   * timestamp or event type). Lines of the earlier implementation's hooks lack {@code data} and
   * {@code session_id} and carry extra keys: the extras become the entry's data.
   */
  @SuppressWarnings("unchecked")
  public static LogEntry logEntry(Object parsed) {
    if (!(parsed instanceof Map<?, ?> raw)) {
      return null;
    }
    Map<String, Object> m = (Map<String, Object>) raw;
    if (!(m.get("timestamp") instanceof String ts)
        || !(m.get("event_type") instanceof String type)) {
      return null;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (m.get("data") instanceof Map<?, ?> d) {
      data.putAll((Map<String, Object>) d);
    }
    // A loop, not a lambda: `log` and `tasks` read entries, and the first lambda of a process
    // costs a read command ~12 ms of set-up.
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (!LOG_KEYS.contains(e.getKey())) {
        data.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return new LogEntry(
        ts,
        type,
        m.get("task_id") instanceof String s ? s : null,
        m.get("agent") instanceof String s ? s : null,
        data,
        m.get("session_id") instanceof String s ? s : "");
  }
}
