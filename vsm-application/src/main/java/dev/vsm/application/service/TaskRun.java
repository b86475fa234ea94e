package dev.vsm.application.service;

import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.PlanApproval;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.protocol.AuditProtocol.AuditOutcome;
import dev.vsm.application.protocol.S4Protocol.S4Analysis;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.CycleSummary;
import dev.vsm.domain.cycle.ExecutionStep;
import dev.vsm.domain.cycle.Oscillation;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S3S4Conflict;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task's phases from wherever its plan got to: S4, S3 (with S5 approval) and S2 when they have
 * not decided yet, the user's approval when asked, then the S1 agents that have not succeeded, the
 * S3* audit, S5 on conflicts not settled yet, the metrics, and the task's end. Each phase's result
 * is saved in the plan as soon as it is known, so a stopped cycle goes on from there.
 */
final class TaskRun {

  private final Cycle cycle;
  private final TaskLifecycle task;
  private final AllocationCheck check;
  private final Workspaces workspaces;

  TaskRun(Cycle cycle, TaskLifecycle task, AllocationCheck check, Workspaces workspaces) {
    this.cycle = cycle;
    this.task = task;
    this.check = check;
    this.workspaces = workspaces;
  }

  /**
   * Runs what is left of the task. {@code assessment} is the rules' view (S4's and S3's stand-in),
   * {@code applied} the adaptations this cycle applied, {@code approval} null or the question to
   * ask before S1.
   */
  CycleResult run(
      ComplexityAssessment assessment, List<Adaptation> applied, PlanApproval approval) {
    // The adaptations in force when the task was planned decide its steps and its audit.
    ViabilityMetrics metrics =
        cycle.store.metrics().withActiveAdaptations(cycle.plan().adaptations(), cycle.now());
    S4Analysis s4 = intelligence(assessment);
    S3Allocation allocation = allocation(s4, assessment, metrics);
    List<ExecutionStep> steps = ExecutionStep.plan(allocation, metrics);
    Map<String, Object> coordination = coordination(allocation, steps, metrics);
    task.assign(allocation.agentNames());
    boolean parallel =
        allocation.parallelExecution() || AdaptationPolicy.shouldParallelize(metrics);
    if (approval != null
        && !approval.approve(PlannedTasks.of(cycle.plan(), steps, parallel, cycle.notes()))) {
      task.planned();
      return result(
          false,
          "Planned; not approved: no S1 agent ran.",
          List.of(),
          null,
          List.of(),
          List.of(),
          applied,
          true);
    }

    TaskPlan before = cycle.plan();
    OperationsPhase operations = new OperationsPhase(cycle, workspaces);
    List<AgentResult> now =
        operations.operate(
            steps,
            parallel,
            s4.approach(),
            coordination,
            before.succeededAgents(),
            continuing(before));
    List<AgentResult> s1 = new ArrayList<>(earlier(before, steps));
    s1.addAll(now);
    Optional<AuditOutcome> audit = new AuditPhase(cycle).audit(s1, metrics);
    List<S3S4Conflict> conflicts = List.of();
    if (!before.conflictsSettled()) {
      conflicts = new ConflictResolutionPhase(cycle).settle(s4, allocation);
      cycle.updatePlan(TaskPlan::withConflictsSettled);
    }

    boolean passed = audit.map(AuditOutcome::passed).orElse(false);
    boolean success = !s1.isEmpty() && s1.stream().allMatch(AgentResult::success) && passed;
    List<Oscillation> oscillations = operations.oscillations();
    LearningPhase.Learned learned =
        new LearningPhase(cycle).learn(audit, !oscillations.isEmpty(), conflicts.size(), success);
    long ok = s1.stream().filter(AgentResult::success).count();
    String summary =
        CycleSummary.text((int) ok, s1.size(), audit.map(AuditOutcome::passed).orElse(null));
    task.end(success, summary, learned.counted(), learned.revised());
    cycle.progress.cycleFinished(cycle.taskId, success);
    return result(
        success,
        summary,
        s1,
        audit.map(AuditOutcome::passed).orElse(null),
        conflicts,
        oscillations,
        applied,
        false);
  }

  private S4Analysis intelligence(ComplexityAssessment assessment) {
    TaskPlan.Intelligence saved = cycle.plan().intelligence();
    if (saved != null) {
      return new S4Analysis(
          saved.analysis(),
          saved.context(),
          saved.risks(),
          saved.opportunities(),
          saved.approach(),
          saved.complexityAssessment(),
          saved.specialists(),
          saved.standIn());
    }
    S4Analysis s4 = new IntelligencePhase(cycle).analyse(assessment);
    cycle.updatePlan(
        p ->
            p.withIntelligence(
                new TaskPlan.Intelligence(
                    s4.taskAnalysis(),
                    s4.environmentContext(),
                    s4.risks(),
                    s4.opportunities(),
                    s4.approach(),
                    s4.complexityAssessment(),
                    s4.specialistRecommendation(),
                    s4.standIn())));
    return s4;
  }

  private S3Allocation allocation(
      S4Analysis s4, ComplexityAssessment assessment, ViabilityMetrics metrics) {
    TaskPlan plan = cycle.plan();
    if (plan.allocation() != null) {
      return plan.allocation();
    }
    AllocationPhase.Allocated a =
        new AllocationPhase(cycle, check).allocate(s4, assessment, metrics);
    cycle.updatePlan(p -> p.withAllocation(a.allocation(), a.allocations()));
    return a.allocation();
  }

  private Map<String, Object> coordination(
      S3Allocation allocation, List<ExecutionStep> steps, ViabilityMetrics metrics) {
    Map<String, Object> saved = cycle.plan().coordination();
    if (saved != null) {
      return saved;
    }
    Map<String, Object> plan = new CoordinationPhase(cycle).plan(allocation, steps, metrics);
    cycle.updatePlan(p -> p.withCoordination(plan));
    return plan;
  }

  /** The sessions of agents whose last run was stopped: they are continued, not started over. */
  private static Map<String, String> continuing(TaskPlan plan) {
    Map<String, String> sessions = new LinkedHashMap<>();
    plan.agents()
        .forEach(
            (agent, p) -> {
              if (p.interrupted() && p.claudeSessionId() != null) {
                sessions.put(agent, p.claudeSessionId());
              }
            });
    return sessions;
  }

  /** What agents that succeeded in earlier attempts did, in step order, for the audit to see. */
  private static List<AgentResult> earlier(TaskPlan plan, List<ExecutionStep> steps) {
    Set<String> done = plan.succeededAgents();
    List<AgentResult> out = new ArrayList<>();
    for (ExecutionStep step : steps) {
      for (String agent : step.agentNames()) {
        if (done.contains(agent)) {
          TaskPlan.AgentProgress p = plan.agents().get(agent);
          out.add(
              AgentResult.succeeded(AgentName.s1(agent), p.summary(), Duration.ZERO)
                  .withClaudeSession(p.claudeSessionId()));
        }
      }
    }
    return out;
  }

  private CycleResult result(
      boolean success,
      String summary,
      List<AgentResult> s1,
      Boolean auditPassed,
      List<S3S4Conflict> conflicts,
      List<Oscillation> oscillations,
      List<Adaptation> applied,
      boolean planned) {
    CycleLog.Totals totals = cycle.agents.totals();
    TaskPlan plan = cycle.plan();
    return new CycleResult(
        cycle.taskId,
        success,
        summary,
        plan.allocation().complexity(),
        s1.stream().map(AgentResult::agent).toList(),
        auditPassed,
        conflicts,
        applied,
        s1.stream().map(TaskRun::asRun).toList(),
        oscillations,
        cycle.notes(),
        plan.allocations(),
        totals.costUsd(),
        totals.inputTokens(),
        totals.outputTokens(),
        cycle.agents.elapsed(),
        planned,
        plan.attempts());
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
