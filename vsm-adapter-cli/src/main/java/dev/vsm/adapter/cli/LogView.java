package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.ShowLogUseCase;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskSummary;
import java.util.List;

/**
 * What {@code log} prints: the last entries, one task's entries and its summary, or one session's
 * entries.
 */
final class LogView {

  static final int DEFAULT_COUNT = 20;

  private LogView() {}

  /**
   * The log as text. {@code listOnly}: the Python-compatible {@code --log --json} (a bare list of
   * entries); {@code width}: the terminal's columns, 0 for no limit.
   */
  static String render(
      ShowLogUseCase q,
      Integer count,
      String task,
      String session,
      boolean json,
      boolean listOnly,
      int width) {
    List<LogEntry> entries;
    TaskSummary summary = null;
    if (task != null) {
      List<LogEntry> all = q.task(task);
      summary = TaskSummary.of(task, all);
      entries = last(all, count);
    } else if (session != null) {
      entries = last(q.session(session), count);
    } else {
      entries = q.recent(count == null ? DEFAULT_COUNT : count);
    }
    if (json) {
      return JsonText.pretty(listOnly ? Documents.log(entries) : Documents.log(entries, summary));
    }
    StringBuilder b = new StringBuilder();
    if (entries.isEmpty() && (count == null || count > 0)) {
      b.append(
              task != null
                  ? "No log entries for task " + HumanFormat.printable(task) + "."
                  : session != null
                      ? "No log entries for session " + HumanFormat.printable(session) + "."
                      : "The execution log is empty.")
          .append('\n');
    }
    // A loop, not a lambda: the first lambda of a process costs `log` ~12 ms of set-up.
    for (LogEntry e : entries) {
      b.append(HumanFormat.logLine(e, width)).append('\n');
    }
    if (summary != null && !TaskSummary.NOT_FOUND.equals(summary.status())) {
      b.append(HumanFormat.taskSummary(summary));
    }
    return HumanFormat.printable(b.toString(), true);
  }

  /** The last {@code count} of {@code all}; all of them when no count is given. */
  private static List<LogEntry> last(List<LogEntry> all, Integer count) {
    return count == null ? all : all.subList(Math.max(0, all.size() - count), all.size());
  }
}
