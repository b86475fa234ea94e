package dev.vsm.application.testing;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The execution log in memory, thread-safe. */
public final class InMemoryExecutionLog implements ExecutionLog {

  private final List<LogEntry> entries = new ArrayList<>();
  private final String sessionId;

  public InMemoryExecutionLog() {
    this("test-session");
  }

  public InMemoryExecutionLog(String sessionId) {
    this.sessionId = sessionId;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public synchronized void append(LogEntry entry) {
    entries.add(entry);
  }

  @Override
  public void forEach(Consumer<LogEntry> action) {
    List<LogEntry> copy;
    synchronized (this) {
      copy = new ArrayList<>(entries);
    }
    copy.forEach(action);
  }

  @Override
  public synchronized List<LogEntry> recent(int count) {
    return new ArrayList<>(entries.subList(Math.max(0, entries.size() - count), entries.size()));
  }

  @Override
  public synchronized void clear() {
    entries.clear();
  }

  /** The event types in order (test convenience). */
  public synchronized List<String> eventTypes() {
    return entries.stream().map(LogEntry::eventType).toList();
  }

  public synchronized List<LogEntry> ofType(EventType type) {
    return entries.stream().filter(e -> e.is(type)).toList();
  }
}
