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
  private boolean counted;

  TaskLifecycle(Cycle cycle, ExecutionLog log, ProcessProbe processes, Clock clock) {
    this.cycle = cycle;
    this.log = log;
    this.processes = processes;
    this.clock = clock;
  }

  /**
   * A task still {@code in_progress} whose vsm process is gone was abandoned (the process was
   * killed): say so in the log, so no later reader takes it for a running task, and free the agents
   * it left busy. A task the log already shows ended (the process died just after logging it) needs
   * no entry.
   */
  void recordAbandoned() {
    cycle
        .store
        .currentTask()
        .filter(t -> t.leftBehind(processes::isAlive))
        .ifPresent(
            t -> {
              releaseAgents(t.id());
              if (endedInTheLog(t.id())) {
                return;
              }
              String reason =
                  "abandoned: the vsm process (pid "
                      + t.ownerPid().getAsLong()
                      + ") ended without finishing the task";
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
   * The metrics have learned how this task ended: a failure found after that (the end could not be
   * written) must not count it again.
   */
  void counted() {
    counted = true;
  }

  /**
   * Records the task failed because of {@code e} and gives what the caller should throw: a cycle
   * stopped by cancellation is an interruption, whatever broke on the way. A task that could not go
   * on because no agent can run here is recorded failed without moving any viability metric.
   */
  RuntimeException fail(RuntimeException e) {
    if (e instanceof AgentEnvironmentException) {
      record("agent environment: " + e.getMessage(), e, true);
      return e;
    }
    if (e instanceof CycleInterruptedException || cycle.command.cancellation().isCancelled()) {
      record("interrupted", e, false);
      return e instanceof CycleInterruptedException
          ? e
          : new CycleInterruptedException(cycle.taskId);
    }
    record(e.getClass().getSimpleName() + ": " + e.getMessage(), e, false);
    return e;
  }

  /** As {@link #fail(RuntimeException)}, for an error: it is recorded, then rethrown. */
  void fail(Error e) {
    record(e.getClass().getSimpleName() + ": " + e.getMessage(), e, false);
  }

  /**
   * Records the failure everywhere it can, each write tried whatever became of the others: the log,
   * the task's file (so a log that cannot be written leaves no task {@code in_progress}), the
   * agents it left busy, and the metrics — last, and only when the task's end was recorded
   * somewhere, so that the next cycle, finding it abandoned, does not count it twice. What could
   * not be written is added to {@code cause} (as suppressed) and thrown: the user hears of it.
   */
  private void record(String reason, Throwable cause, boolean environment) {
    // Recording the failure must not be stopped by the interrupt that caused it.
    boolean interrupted = Thread.interrupted();
    RuntimeException unwritten = null;
    boolean recorded = false;
    try {
      try {
        cycle.log.taskFailed(cycle.agents.totals(), reason, environment);
        recorded = true;
      } catch (RuntimeException w) {
        unwritten = w;
      }
      try {
        cycle.store.saveCurrentTask(
            task.withStatus(TaskStatus.FAILED).withMetadata(CycleLog.failedBecause(reason)));
        recorded = true;
      } catch (RuntimeException w) {
        unwritten = first(unwritten, w);
      }
      try {
        releaseAgents(cycle.taskId);
      } catch (RuntimeException w) {
        unwritten = first(unwritten, w);
      }
      if (recorded && !environment && !counted) {
        try {
          cycle.store.updateMetrics(m -> m.withTaskCompletion(false, cycle.now()));
          counted = true;
        } catch (RuntimeException w) {
          unwritten = first(unwritten, w);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (unwritten != null && unwritten != cause) {
      unwritten.addSuppressed(cause);
      throw unwritten;
    }
  }

  private static RuntimeException first(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  /** Agents still {@code busy} with {@code taskId} are made available: the task is over. */
  private void releaseAgents(String taskId) {
    cycle.store.updateRegistry(r -> r.withTaskReleased(taskId, cycle.now()));
  }
}
