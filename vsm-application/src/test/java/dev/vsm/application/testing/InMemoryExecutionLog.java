package dev.vsm.application.testing;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The execution log in memory, thread-safe. */
public final class InMemoryExecutionLog implements ExecutionLog {

  private final List<LogEntry> entries = new ArrayList<>();
  private final Set<EventType> refused = EnumSet.noneOf(EventType.class);
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
    if (EventType.parse(entry.eventType()).filter(refused::contains).isPresent()) {
      throw new StateAccessException(
          "cannot write the log: no space left on device (simulated for " + entry.eventType() + ")",
          null);
    }
    entries.add(entry);
  }

  /** From now on appending entries of {@code types} (and only those) fails, as on a full disk. */
  public synchronized InMemoryExecutionLog refuse(EventType... types) {
    refused.clear();
    refused.addAll(List.of(types));
    return this;
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
