package dev.vsm.application.service;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.in.RunCycleUseCase;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.IdSource;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.protocol.AuditProtocol.AuditOutcome;
import dev.vsm.application.protocol.S4Protocol.S4Analysis;
import dev.vsm.application.service.AdaptationPhase.Adapted;
import dev.vsm.application.service.AllocationPhase.Allocated;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.CycleSummary;
import dev.vsm.domain.cycle.ExecutionStep;
import dev.vsm.domain.cycle.Oscillation;
import dev.vsm.domain.cycle.S3S4Conflict;
import dev.vsm.domain.viability.AdaptationPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The VSM cycle: adaptations, S4 intelligence, S3 allocation (with S5 approval when required), S2
 * coordination, S1 operations, the S3* audit, S5 conflict resolution, and the metrics learning from
 * it — each a phase of its own. Whatever happens, the task does not stay {@code in_progress}.
 */
public final class RunCycleService implements RunCycleUseCase {

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
    List<String> problems = runner.environmentProblems(command.workingDirectory());
    if (!problems.isEmpty()) {
      // No task exists yet: nothing is recorded, and no metric learns from the environment.
      throw new AgentEnvironmentException(null, String.join("; ", problems));
    }
    String taskId = command.taskId() != null ? command.taskId() : ids.newTaskId();
    try (CycleCancellation.Registration ignored = command.cancellation().register()) {
      Cycle cycle = new Cycle(command, taskId, store, log, runner, clock, progress);
      TaskLifecycle task = new TaskLifecycle(cycle, log, processes, clock);
      task.recordAbandoned();
      ComplexityAssessment assessment =
          analyzer.adaptedTo(store.metrics()).analyze(command.task(), command.hint());
      task.start(assessment);
      try {
        return phases(cycle, task, assessment);
      } catch (RuntimeException e) {
        throw task.fail(e);
      } catch (Error e) {
        task.fail(e);
        throw e;
      }
    }
  }

  private CycleResult phases(Cycle cycle, TaskLifecycle task, ComplexityAssessment assessment) {
    Adapted adapted = new AdaptationPhase(cycle).adapt();
    S4Analysis s4 = new IntelligencePhase(cycle).analyse(assessment);
    AllocationCheck check =
        new AllocationCheck(cycle, new Specialists(cycle.agents.definedAgents(), store.registry()));
    Allocated allocated =
        new AllocationPhase(cycle, check).allocate(s4, assessment, adapted.metrics());
    List<ExecutionStep> steps = ExecutionStep.plan(allocated.allocation(), adapted.metrics());
    Map<String, Object> plan =
        new CoordinationPhase(cycle).plan(allocated.allocation(), steps, adapted.metrics());
    task.assign(allocated.allocation().agentNames());
    boolean parallel =
        allocated.allocation().parallelExecution()
            || AdaptationPolicy.shouldParallelize(adapted.metrics());
    OperationsPhase operations = new OperationsPhase(cycle, workspaces);
    List<AgentResult> s1 = operations.operate(steps, parallel, s4.approach(), plan);
    List<Oscillation> oscillations = operations.oscillations();
    Optional<AuditOutcome> audit = new AuditPhase(cycle).audit(s1, adapted.metrics());
    List<S3S4Conflict> conflicts =
        new ConflictResolutionPhase(cycle).settle(s4, allocated.allocation());

    boolean passed = audit.map(AuditOutcome::passed).orElse(false);
    boolean success = !s1.isEmpty() && s1.stream().allMatch(AgentResult::success) && passed;
    new LearningPhase(cycle)
        .learn(audit, !oscillations.isEmpty(), conflicts.size(), success, allocated.allocations());
    task.counted();
    long ok = s1.stream().filter(AgentResult::success).count();
    String summary =
        CycleSummary.text((int) ok, s1.size(), audit.map(AuditOutcome::passed).orElse(null));
    task.end(success, summary, allocated.allocations());
    CycleLog.Totals totals = cycle.agents.totals();
    progress.cycleFinished(cycle.taskId, success);
    return new CycleResult(
        cycle.taskId,
        success,
        summary,
        allocated.allocation().complexity(),
        s1.stream().map(AgentResult::agent).toList(),
        audit.map(AuditOutcome::passed).orElse(null),
        conflicts,
        adapted.applied(),
        s1.stream().map(RunCycleService::asRun).toList(),
        oscillations,
        cycle.notes(),
        allocated.allocations(),
        totals.costUsd(),
        totals.inputTokens(),
        totals.outputTokens(),
        cycle.agents.elapsed());
  }

  private static AgentRun asRun(AgentResult r) {
    return new AgentRun(
        r.agent(),
        r.success(),
        r.output(),
        r.error(),
        r.failure().name().toLowerCase(Locale.ROOT),
        r.duration(),
        r.costUsd(),
        r.inputTokens(),
        r.outputTokens(),
        r.claudeSessionId(),
        r.filesChanged());
  }
}
