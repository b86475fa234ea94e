package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.ShowLogUseCase;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskSummary;
import java.util.List;

/** What {@code --log} prints: the last entries, or one task's entries and its summary. */
final class LogView {

  static final int DEFAULT_COUNT = 20;

  private LogView() {}

  static String render(ShowLogUseCase q, Integer count, String task, boolean json) {
    List<LogEntry> entries;
    if (task != null) {
      entries = q.task(task);
      if (count != null) {
        entries = entries.subList(Math.max(0, entries.size() - count), entries.size());
      }
    } else {
      entries = q.recent(count == null ? DEFAULT_COUNT : count);
    }
    if (json) {
      return JsonText.pretty(Documents.log(entries));
    }
    StringBuilder b = new StringBuilder();
    if (entries.isEmpty()) {
      b.append(
              task == null
                  ? "The execution log is empty."
                  : "No log entries for task " + task + ".")
          .append('\n');
    }
    entries.forEach(e -> b.append(HumanFormat.logLine(e)).append('\n'));
    if (task != null && !entries.isEmpty()) {
      b.append(HumanFormat.taskSummary(TaskSummary.of(task, entries)));
    }
    return b.toString();
  }
}
