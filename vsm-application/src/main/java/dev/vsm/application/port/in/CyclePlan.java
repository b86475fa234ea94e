package dev.vsm.application.port.in;

import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.viability.Adaptation;
import java.util.List;

/**
 * A dry run: the assessment, the stand-in allocation, the S1 steps in order (each step's agents run
 * together), whether steps run in parallel, the adaptations that would apply and be cleared, and
 * whether S5 approval would be asked.
 */
public record CyclePlan(
    String task,
    ComplexityAssessment assessment,
    AgentRecommendation recommendation,
    S3Allocation allocation,
    List<List<String>> steps,
    boolean parallelSteps,
    List<Adaptation> adaptationsToApply,
    List<Adaptation> adaptationsToClear,
    boolean s5ApprovalRequired,
    boolean tightenedAudit,
    boolean increasedCoordination) {

  public CyclePlan {
    steps = steps.stream().map(List::copyOf).toList();
    adaptationsToApply = List.copyOf(adaptationsToApply);
    adaptationsToClear = List.copyOf(adaptationsToClear);
  }
}
