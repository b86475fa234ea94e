package dev.vsm.application.port.in;

import dev.vsm.domain.log.TaskHistory;
import java.util.List;

/** Every task in the log, one record each, oldest first. */
public interface ListTasksUseCase {
  List<TaskHistory.Task> tasks();
}
