package dev.vsm.application.service;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.PlanTaskUseCase;
import dev.vsm.application.port.in.PlannedTask;
import dev.vsm.application.port.in.ResumeCommand;
import dev.vsm.application.port.in.ResumeRefusedException;
import dev.vsm.application.port.in.ResumeTaskUseCase;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.in.RunCycleUseCase;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.IdSource;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.Adaptation;
import java.time.Clock;
import java.util.List;

/**
 * The VSM cycle: adaptations, S4 intelligence, S3 allocation (with S5 approval when required), S2
 * coordination, S1 operations, the S3* audit, S5 conflict resolution, and the metrics learning from
 * it — each a phase of its own. A cycle runs a new task through all of them ({@link #run}), stops
 * after planning ({@link #planTask}), or goes on with a saved plan ({@link #resume}). Whatever
 * happens, the task does not stay {@code in_progress}, and no two processes run one task at once.
 */
public final class RunCycleService implements RunCycleUseCase, PlanTaskUseCase, ResumeTaskUseCase {

  private final StateStore store;
  private final ExecutionLog log;
  private final AgentRunner runner;
  private final Clock clock;
  private final IdSource ids;
  private final ComplexityAnalyzer analyzer;
  private final ProgressListener progress;
  private final ProcessProbe processes;
  private final Workspaces workspaces;

  public RunCycleService(
      StateStore store,
      ExecutionLog log,
      AgentRunner runner,
      Clock clock,
      IdSource ids,
      ComplexityAnalyzer analyzer,
      ProgressListener progress) {
    this(store, log, runner, clock, ids, analyzer, progress, ProcessProbe.JDK);
  }

  public RunCycleService(
      StateStore store,
      ExecutionLog log,
      AgentRunner runner,
      Clock clock,
      IdSource ids,
      ComplexityAnalyzer analyzer,
      ProgressListener progress,
      ProcessProbe processes) {
    this(store, log, runner, clock, ids, analyzer, progress, processes, Workspaces.NONE);
  }

  /** A cycle whose parallel agents may work in separate checkouts made by {@code workspaces}. */
  public RunCycleService(
      StateStore store,
      ExecutionLog log,
      AgentRunner runner,
      Clock clock,
      IdSource ids,
      ComplexityAnalyzer analyzer,
      ProgressListener progress,
      ProcessProbe processes,
      Workspaces workspaces) {
    this.store = store;
    this.log = log;
    this.runner = runner;
    this.clock = clock;
    this.ids = ids;
    this.analyzer = analyzer;
    this.progress = progress == null ? ProgressListener.NONE : progress;
    this.processes = processes;
    this.workspaces = workspaces;
  }

  @Override
  public CycleResult run(RunCycleCommand command) {
    requireWorkingEnvironment(command);
    String taskId = command.taskId() != null ? command.taskId() : ids.newTaskId();
    try (StateStore.TaskClaim claim = claim(taskId, "is being run by another vsm process")) {
      if (store.taskPlan(taskId).isPresent()) {
        throw new ResumeRefusedException(
            taskId,
            false,
            "task " + taskId + " exists already: vsm resume " + taskId + " goes on with it");
      }
      return execute(command, taskId, null);
    }
  }

  /** Runs S4, S3 (S5) and S2 with the real agents; the task waits to be applied. */
  @Override
  public PlannedTask planTask(RunCycleCommand command) {
    PlannedTask[] planned = {null};
    run(
        command.withApproval(
            p -> {
              planned[0] = p;
              return false;
            }));
    return planned[0];
  }

  @Override
  public CycleResult resume(ResumeCommand command) {
    String id = command.taskId();
    if (!TaskPlan.isValidId(id)) {
      throw new ResumeRefusedException(
          id, false, "'" + id + "' is not a task id: vsm tasks lists them");
    }
    resumable(id, command.plannedOnly());
    requireWorkingEnvironment(command.options());
    try (StateStore.TaskClaim claim = claim(id, "is being run by another vsm process right now")) {
      TaskPlan saved = resumable(id, command.plannedOnly()); // as it is now that it is ours
      Complexity hint = saved.hint() == null ? null : Complexity.parse(saved.hint()).orElse(null);
      return execute(command.forTask(saved.description(), hint), id, saved);
    }
  }

  /** The saved plan of a task that can go on; refused otherwise, saying why and what to do. */
  private TaskPlan resumable(String id, boolean plannedOnly) {
    TaskPlan saved =
        store
            .taskPlan(id)
            .orElseThrow(
                () ->
                    new ResumeRefusedException(
                        id,
                        false,
                        "task "
                            + id
                            + " has no saved plan here (vsm tasks lists the tasks; vsm plan"
                            + " --agents saves one)"));
    if (saved.status() == TaskStatus.COMPLETED) {
      throw new ResumeRefusedException(
          id, false, "task " + id + " has completed: nothing to resume");
    }
    if (plannedOnly && saved.status() != TaskStatus.PENDING) {
      throw new ResumeRefusedException(
          id,
          false,
          "task "
              + id
              + " is not waiting to be applied (it is "
              + saved.status().label().replace('_', ' ')
              + "): vsm resume "
              + id
              + " goes on with it");
    }
    return saved;
  }

  private StateStore.TaskClaim claim(String taskId, String busy) {
    return store
        .claimTask(taskId)
        .orElseThrow(() -> new ResumeRefusedException(taskId, true, "task " + taskId + " " + busy));
  }

  /** No task is created, nor anything recorded, when no agent can run here. */
  private void requireWorkingEnvironment(RunCycleCommand command) {
    List<String> problems = runner.environmentProblems(command.workingDirectory());
    if (!problems.isEmpty()) {
      throw new AgentEnvironmentException(null, String.join("; ", problems));
    }
  }

  private CycleResult execute(RunCycleCommand command, String taskId, TaskPlan saved) {
    try (CycleCancellation.Registration ignored = command.cancellation().register()) {
      Cycle cycle = new Cycle(command, taskId, store, log, runner, clock, progress, ids);
      TaskLifecycle task = new TaskLifecycle(cycle, processes);
      new AbandonedTasks(cycle, log, processes, clock).record();
      ComplexityAssessment assessment =
          analyzer.adaptedTo(store.metrics()).analyze(command.task(), command.hint());
      if (saved == null) {
        task.start(assessment);
      } else {
        task.resume(saved);
      }
      try {
        List<Adaptation> applied = saved == null ? adapt(cycle) : List.of();
        AllocationCheck check =
            new AllocationCheck(
                cycle, new Specialists(cycle.agents.definedAgents(), store.registry()));
        return new TaskRun(cycle, task, check, workspaces)
            .run(assessment, applied, command.approval());
      } catch (RuntimeException e) {
        throw task.fail(e);
      } catch (Error e) {
        task.fail(e);
        throw e;
      }
    }
  }

  /** The adaptations phase; those in force are the plan's from now on. */
  private static List<Adaptation> adapt(Cycle cycle) {
    AdaptationPhase.Adapted adapted = new AdaptationPhase(cycle).adapt();
    cycle.updatePlan(p -> p.withAdaptations(adapted.metrics().activeAdaptations()));
    return adapted.applied();
  }
}
