package dev.vsm.application.service;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import java.time.Clock;

/**
 * A task still {@code in_progress} whose vsm process is gone was abandoned (the process was
 * killed): the next cycle says so in the log, so no later reader takes it for a running task, frees
 * the agents it left busy, counts its end once, and keeps its plan resumable.
 */
final class AbandonedTasks {

  private final Cycle cycle;
  private final ExecutionLog log;
  private final ProcessProbe processes;
  private final Clock clock;

  AbandonedTasks(Cycle cycle, ExecutionLog log, ProcessProbe processes, Clock clock) {
    this.cycle = cycle;
    this.log = log;
    this.processes = processes;
    this.clock = clock;
  }

  /** Records the current task abandoned when its process is gone (unless the log ended it). */
  void record() {
    StateStore store = cycle.store;
    store
        .currentTask()
        .filter(t -> t.leftBehind(processes::isAlive))
        .filter(t -> !t.id().equals(cycle.taskId)) // resuming it is recovering it
        .ifPresent(this::record);
  }

  private void record(CurrentTask t) {
    cycle.store.updateRegistry(r -> r.withTaskReleased(t.id(), cycle.now()));
    if (endedInTheLog(t.id())) {
      return;
    }
    String reason =
        "abandoned: the vsm process (pid "
            + t.ownerPid().getAsLong()
            + ") ended without finishing the task";
    // A killed resume of a task whose end was learned before: not counted again.
    Boolean learned = cycle.store.taskPlan(t.id()).map(p -> p.learnedSuccess()).orElse(null);
    new CycleLog(log, clock, t.id()).taskAbandoned(reason, learned == null);
    if (learned == null) {
      cycle.store.updateMetrics(m -> m.withTaskCompletion(false, cycle.now()));
    }
    cycle
        .store
        .taskPlan(t.id())
        .ifPresent(
            p ->
                cycle.store.saveTaskPlan(
                    (learned == null ? p.withLearned(false) : p).withStatus(TaskStatus.FAILED)));
    cycle.store.saveCurrentTask(
        t.withStatus(TaskStatus.FAILED).withMetadata(CycleLog.failedBecause(reason)));
    cycle.note("task " + t.id() + " was " + reason + " (vsm resume " + t.id() + " goes on)");
  }

  private boolean endedInTheLog(String id) {
    String status = log.taskSummary(id).status();
    return status.equals(TaskSummary.COMPLETED)
        || status.equals(TaskSummary.FAILED)
        || status.equals(TaskSummary.PLANNED);
  }
}
