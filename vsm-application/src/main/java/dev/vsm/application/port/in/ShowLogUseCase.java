package dev.vsm.application.port.in;

import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskSummary;
import java.util.List;

/** Reads the execution log: the latest entries, one task's, one session's. */
public interface ShowLogUseCase {
  List<LogEntry> recent(int count);

  List<LogEntry> task(String taskId);

  List<LogEntry> session(String sessionId);

  TaskSummary taskSummary(String taskId);
}
