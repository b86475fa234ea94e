package dev.vsm.application.service;

import dev.vsm.application.port.in.CyclePlan;
import dev.vsm.application.port.in.PlanCycleUseCase;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.ExecutionStep;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import java.util.Set;

/**
 * The dry run: what a cycle would do with the rule-based stand-ins for S4 and S3, against the
 * current metrics and the agents that have a definition. Reads state, writes nothing, runs no
 * agent.
 */
public final class PlanCycleService implements PlanCycleUseCase {

  private final StateStore store;
  private final ComplexityAnalyzer analyzer;
  private final Set<String> definedAgents;

  /** {@code definedAgents}: the agent names the runner has a definition for (as a cycle asks). */
  public PlanCycleService(
      StateStore store, ComplexityAnalyzer analyzer, Set<String> definedAgents) {
    this.store = store;
    this.analyzer = analyzer;
    this.definedAgents = Set.copyOf(definedAgents);
  }

  @Override
  public CyclePlan plan(String task, Complexity hint) {
    StateSnapshot snapshot = store.snapshot();
    ViabilityMetrics current = snapshot.metrics();
    AdaptationPolicy.Change stale = AdaptationPolicy.clearStale(current, "");
    AdaptationPolicy.Change applied =
        AdaptationPolicy.apply(stale.metrics(), AdaptationPolicy.analyze(stale.metrics()), "");
    ViabilityMetrics metrics = applied.metrics();

    ComplexityAssessment assessment = analyzer.adaptedTo(current).analyze(task, hint);
    AgentRecommendation recommendation = ComplexityAnalyzer.recommendation(assessment);
    S3Allocation rules = S3Allocation.fromRecommendation("(dry run)", recommendation, "");
    Specialists specialists =
        new Specialists(
            definedAgents, snapshot.registry().orElseGet(() -> AgentRegistry.defaults("")));
    S3Allocation allocation =
        new S3Allocation(
            rules.taskId(),
            rules.complexity(),
            specialists.runnable(rules.selectedAgents(), Specialists.Changes.NONE),
            rules.rationale(),
            rules.createdAt(),
            rules.parallelExecution());
    List<List<String>> steps =
        ExecutionStep.plan(allocation, metrics).stream().map(ExecutionStep::agentNames).toList();
    List<Adaptation> toApply = applied.changed();
    return new CyclePlan(
        task,
        assessment,
        recommendation,
        allocation,
        steps,
        allocation.parallelExecution() || AdaptationPolicy.shouldParallelize(metrics),
        toApply,
        stale.changed(),
        AdaptationPolicy.shouldRequireS5Approval(metrics),
        AdaptationPolicy.shouldTightenAudit(metrics),
        AdaptationPolicy.shouldIncreaseS2(metrics));
  }
}
