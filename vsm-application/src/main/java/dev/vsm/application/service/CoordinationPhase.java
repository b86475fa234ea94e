package dev.vsm.application.service;

import dev.vsm.application.protocol.S2Protocol;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.ExecutionStep;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import java.util.Map;

/**
 * S2 coordination: plans how the S1 steps work together (told to coordinate harder when {@code
 * increase_s2_involvement} is active); the plan is saved.
 */
final class CoordinationPhase {

  private final Cycle cycle;

  CoordinationPhase(Cycle cycle) {
    this.cycle = cycle;
  }

  Map<String, Object> plan(
      S3Allocation allocation, List<ExecutionStep> steps, ViabilityMetrics metrics) {
    cycle.progress.phaseStarted("S2 coordination");
    List<List<String>> names = steps.stream().map(ExecutionStep::agentNames).toList();
    Map<String, Object> plan =
        cycle.ask(
            new S2Protocol(
                cycle.task(), allocation, names, AdaptationPolicy.shouldIncreaseS2(metrics)));
    cycle.store.saveCoordinationPlan(new CoordinationPlan(cycle.taskId, plan, cycle.now()));
    return plan;
  }
}
