package dev.vsm.application.port.out;

import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskHistory;
import dev.vsm.domain.log.TaskSummary;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The append-only audit trail of every cycle. */
public interface ExecutionLog {

  /** This process's session id (stamped on every entry it appends). */
  String sessionId();

  /** Appends one entry as a whole line; concurrent appenders never interleave. */
  void append(LogEntry entry);

  /** Calls {@code action} for every entry, oldest first, without holding the log in memory. */
  void forEach(Consumer<LogEntry> action);

  /** The last {@code count} entries, oldest first; cost independent of the log's size. */
  List<LogEntry> recent(int count);

  /**
   * Calls {@code action} for the entries of the given types, oldest first. A reader may skip
   * decoding the lines of other types, which makes a fold over a few kinds of entries (the task
   * history) cheap on a long log.
   */
  default void forEachOfTypes(Set<EventType> types, Consumer<LogEntry> action) {
    forEach(
        e -> {
          if (EventType.parse(e.eventType()).filter(types::contains).isPresent()) {
            action.accept(e);
          }
        });
  }

  /**
   * Calls {@code action} for the entries of the given sessions, oldest first (moving history
   * between stores compares what the target holds of the source's sessions).
   */
  default void forEachOfSessions(Set<String> sessionIds, Consumer<LogEntry> action) {
    forEach(
        e -> {
          if (sessionIds.contains(e.sessionId())) {
            action.accept(e);
          }
        });
  }

  /**
   * Every task the log knows, in the order each first appears: the {@link TaskHistory} fold of its
   * entries (a store may keep that fold itself instead of reading the log).
   */
  default List<TaskHistory.Task> taskHistory() {
    TaskHistory history = new TaskHistory();
    // A class, not a method reference: the first lambda of a process costs `tasks` ~12 ms.
    forEachOfTypes(
        TaskHistory.EVENTS,
        new Consumer<LogEntry>() {
          @Override
          public void accept(LogEntry e) {
            history.accept(e);
          }
        });
    return history.tasks();
  }

  default List<LogEntry> readAll() {
    List<LogEntry> all = new java.util.ArrayList<>();
    forEach(all::add);
    return all;
  }

  default List<LogEntry> readSession(String sessionId) {
    List<LogEntry> out = new java.util.ArrayList<>();
    forEach(
        e -> {
          if (sessionId.equals(e.sessionId())) out.add(e);
        });
    return out;
  }

  default List<LogEntry> readTask(String taskId) {
    List<LogEntry> out = new java.util.ArrayList<>();
    forEach(
        e -> {
          if (taskId.equals(e.taskId())) out.add(e);
        });
    return out;
  }

  default TaskSummary taskSummary(String taskId) {
    TaskSummary.Fold fold = new TaskSummary.Fold(taskId);
    forEach(fold::accept);
    return fold.result();
  }

  /** Removes every entry. */
  void clear();
}
