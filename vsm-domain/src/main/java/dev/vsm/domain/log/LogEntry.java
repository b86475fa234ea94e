package dev.vsm.domain.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of the execution log. {@code eventType} is kept as text so entries written by other
 * tools survive a round trip; {@code data} holds JSON-like values (String, Number, Boolean, List,
 * Map, null).
 */
public record LogEntry(
    String timestamp,
    String eventType,
    String taskId,
    String agent,
    Map<String, Object> data,
    String sessionId) {

  public LogEntry {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(eventType, "eventType");
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data));
    sessionId = sessionId == null ? "" : sessionId;
  }

  public static LogEntry of(
      String timestamp,
      EventType type,
      String taskId,
      String agent,
      Map<String, Object> data,
      String sessionId) {
    return new LogEntry(timestamp, type.label(), taskId, agent, data, sessionId);
  }

  public boolean is(EventType type) {
    return type.label().equals(eventType);
  }
}
