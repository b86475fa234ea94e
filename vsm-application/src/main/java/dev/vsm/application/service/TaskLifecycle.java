package dev.vsm.application.service;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import java.time.Clock;
import java.util.List;

/**
 * The task's life: a task a killed vsm left in progress is recorded abandoned; the new task starts
 * {@code in_progress}, gets its agents, and ends completed or failed — whatever happens, it never
 * stays {@code in_progress}.
 */
final class TaskLifecycle {

  private final Cycle cycle;
  private final ExecutionLog log;
  private final ProcessProbe processes;
  private final Clock clock;
  private CurrentTask task;

  TaskLifecycle(Cycle cycle, ExecutionLog log, ProcessProbe processes, Clock clock) {
    this.cycle = cycle;
    this.log = log;
    this.processes = processes;
    this.clock = clock;
  }

  /**
   * A task still {@code in_progress} whose vsm process is gone was abandoned (the process was
   * killed): say so in the log, so no later reader takes it for a running task. A task the log
   * already shows ended (the process died just after logging it) needs no entry.
   */
  void recordAbandoned() {
    cycle
        .store
        .currentTask()
        .filter(t -> t.status() == TaskStatus.IN_PROGRESS)
        .filter(t -> t.metadata().get(CycleLog.OWNER_PID) instanceof Number)
        .filter(
            t -> !processes.isAlive(((Number) t.metadata().get(CycleLog.OWNER_PID)).longValue()))
        .filter(t -> !endedInTheLog(t.id()))
        .ifPresent(
            t -> {
              long pid = ((Number) t.metadata().get(CycleLog.OWNER_PID)).longValue();
              String reason =
                  "abandoned: the vsm process (pid " + pid + ") ended without finishing the task";
              new CycleLog(log, clock, t.id()).taskAbandoned(reason);
              cycle.store.updateMetrics(m -> m.withTaskCompletion(false, cycle.now()));
              cycle.note("task " + t.id() + " was " + reason);
            });
  }

  private boolean endedInTheLog(String id) {
    String status = log.taskSummary(id).status();
    return status.equals(TaskSummary.COMPLETED) || status.equals(TaskSummary.FAILED);
  }

  /** The task is saved {@code in_progress}, owned by this process, and its start logged. */
  void start(ComplexityAssessment assessment) {
    String complexity = assessment.complexity().label();
    task =
        new CurrentTask(
            cycle.taskId,
            cycle.task(),
            cycle.now(),
            TaskStatus.IN_PROGRESS,
            complexity,
            List.of(),
            CycleLog.ownedBy(processes.currentPid()));
    cycle.store.saveCurrentTask(task);
    cycle.log.taskStarted(cycle.task(), complexity);
  }

  void assign(List<String> agents) {
    task = task.withAssignedAgents(agents);
    cycle.store.saveCurrentTask(task);
  }

  /** The task ends: the log first, so a process killed between the two leaves it ended there. */
  void end(boolean success, String summary, int allocations) {
    CycleLog.Totals totals = cycle.agents.totals();
    task =
        task.withStatus(success ? TaskStatus.COMPLETED : TaskStatus.FAILED)
            .withMetadata(totals.data());
    cycle.log.taskCompleted(totals, success, summary, allocations);
    cycle.store.saveCurrentTask(task);
  }

  /**
   * Records the task failed because of {@code e} and gives what the caller should throw: a cycle
   * stopped by cancellation is an interruption, whatever broke on the way.
   */
  RuntimeException fail(RuntimeException e) {
    if (e instanceof AgentEnvironmentException) {
      fail("agent environment: " + e.getMessage());
      return e;
    }
    if (e instanceof CycleInterruptedException || cycle.command.cancellation().isCancelled()) {
      fail("interrupted");
      return e instanceof CycleInterruptedException
          ? e
          : new CycleInterruptedException(cycle.taskId);
    }
    fail(e.getClass().getSimpleName() + ": " + e.getMessage());
    return e;
  }

  /** As {@link #fail(RuntimeException)}, for an error: it is recorded, then rethrown. */
  void fail(Error e) {
    fail(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private void fail(String reason) {
    // Recording the failure must not be stopped by the interrupt that caused it.
    boolean interrupted = Thread.interrupted();
    try {
      cycle.store.updateMetrics(m -> m.withTaskCompletion(false, cycle.now()));
      cycle.log.taskFailed(cycle.agents.totals(), reason);
      cycle.store.saveCurrentTask(
          task.withStatus(TaskStatus.FAILED).withMetadata(CycleLog.failedBecause(reason)));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
