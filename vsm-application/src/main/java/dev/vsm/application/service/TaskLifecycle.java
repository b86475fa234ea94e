package dev.vsm.application.service;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import java.util.List;

/**
 * The task's life: it starts {@code in_progress} (or goes on from its saved plan), gets its agents,
 * and ends completed, failed, or planned (waiting to be applied) — whatever happens, it never stays
 * {@code in_progress}. Its plan's status follows it.
 */
final class TaskLifecycle {

  private final Cycle cycle;
  private final ProcessProbe processes;
  private CurrentTask task;

  TaskLifecycle(Cycle cycle, ProcessProbe processes) {
    this.cycle = cycle;
    this.processes = processes;
  }

  /**
   * A new task: saved {@code in_progress}, owned by this process, its plan begun, its start logged.
   */
  void start(ComplexityAssessment assessment) {
    String complexity = assessment.complexity().label();
    String hint = cycle.command.hint() == null ? null : cycle.command.hint().label();
    cycle.beginPlan(TaskPlan.started(cycle.taskId, cycle.task(), hint, cycle.now(), complexity));
    own(
        new CurrentTask(
            cycle.taskId,
            cycle.task(),
            cycle.now(),
            TaskStatus.IN_PROGRESS,
            complexity,
            List.of(),
            CycleLog.ownedBy(processes.currentPid())));
    cycle.log.taskStarted(cycle.task(), complexity);
  }

  /** A task goes on from its saved plan: another attempt, {@code in_progress} in this process. */
  void resume(TaskPlan saved) {
    TaskPlan plan = cycle.beginPlan(saved.nextAttempt());
    own(
        new CurrentTask(
            plan.taskId(),
            plan.description(),
            plan.createdAt(),
            TaskStatus.IN_PROGRESS,
            plan.complexity(),
            plan.allocation() == null ? List.of() : plan.allocation().agentNames(),
            CycleLog.ownedBy(processes.currentPid())));
    cycle.log.taskResumed(
        plan.attempts(), saved.status().label(), List.copyOf(saved.succeededAgents()));
  }

  private void own(CurrentTask t) {
    task = t;
    cycle.store.saveCurrentTask(task);
  }

  void assign(List<String> agents) {
    task = task.withAssignedAgents(agents);
    cycle.store.saveCurrentTask(task);
  }

  /**
   * The task stops after planning, waiting to be applied (its plan was not approved, or only a plan
   * was asked for): nothing failed, and nothing is learned from it yet.
   */
  void planned() {
    CycleLog.Totals totals = cycle.agents.totals();
    cycle.updatePlan(p -> p.withStatus(TaskStatus.PENDING));
    cycle.log.taskPlanned(totals, cycle.plan().allocation().agentNames());
    own(task.withStatus(TaskStatus.PENDING).withMetadata(totals.data()));
  }

  /**
   * The task ends: the log first, so a process killed between the two leaves it ended there. {@code
   * counted}/{@code revised}: how the completion rate learned it.
   */
  void end(boolean success, String summary, boolean counted, boolean revised) {
    CycleLog.Totals totals = cycle.agents.totals();
    cycle.log.taskCompleted(totals, success, summary, cycle.plan().allocations(), counted, revised);
    cycle.updatePlan(p -> p.withStatus(success ? TaskStatus.COMPLETED : TaskStatus.FAILED));
    own(
        task.withStatus(success ? TaskStatus.COMPLETED : TaskStatus.FAILED)
            .withMetadata(totals.data()));
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
   * the task's file and plan (so a log that cannot be written leaves no task {@code in_progress}),
   * the agents it left busy, and the metrics — last, and only when the task's end was recorded
   * somewhere and was not learned before, so that nothing counts it twice (not the next cycle
   * finding it abandoned, nor a resumed attempt failing again). What could not be written is added
   * to {@code cause} (as suppressed) and thrown: the user hears of it.
   */
  private void record(String reason, Throwable cause, boolean environment) {
    // Recording the failure must not be stopped by the interrupt that caused it.
    boolean interrupted = Thread.interrupted();
    RuntimeException unwritten = null;
    boolean recorded = false;
    boolean counts = !environment && cycle.plan().learnedSuccess() == null;
    try {
      try {
        cycle.log.taskFailed(cycle.agents.totals(), reason, environment, counts);
        recorded = true;
      } catch (RuntimeException w) {
        unwritten = w;
      }
      try {
        own(task.withStatus(TaskStatus.FAILED).withMetadata(CycleLog.failedBecause(reason)));
        recorded = true;
      } catch (RuntimeException w) {
        unwritten = first(unwritten, w);
      }
      try {
        cycle.updatePlan(p -> p.withStatus(TaskStatus.FAILED));
      } catch (RuntimeException w) {
        unwritten = first(unwritten, w);
      }
      try {
        cycle.store.updateRegistry(r -> r.withTaskReleased(cycle.taskId, cycle.now()));
      } catch (RuntimeException w) {
        unwritten = first(unwritten, w);
      }
      if (recorded && counts) {
        try {
          cycle.store.updateMetrics(m -> m.withTaskCompletion(false, cycle.now()));
          cycle.updatePlan(p -> p.withLearned(false));
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
}
