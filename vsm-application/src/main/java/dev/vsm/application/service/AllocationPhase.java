package dev.vsm.application.service;

import dev.vsm.application.protocol.S3Protocol;
import dev.vsm.application.protocol.S4Protocol.S4Analysis;
import dev.vsm.application.protocol.S5Protocol;
import dev.vsm.application.protocol.S5Protocol.S5Decision;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;

/**
 * S3 allocates S1 agents (checked before any runs); when {@code require_s5_approval} is active, S5
 * approves or rejects, and on rejection S3 allocates once more with S5's reason.
 */
final class AllocationPhase {

  /** The allocation that runs, and how many S3 allocations it took (1 or 2). */
  record Allocated(S3Allocation allocation, int allocations) {}

  private final Cycle cycle;
  private final AllocationCheck check;

  AllocationPhase(Cycle cycle, AllocationCheck check) {
    this.cycle = cycle;
    this.check = check;
  }

  Allocated allocate(S4Analysis s4, ComplexityAssessment assessment, ViabilityMetrics metrics) {
    List<String> notes = metrics.activeAdaptations().stream().map(Adaptation::effect).toList();
    cycle.progress.phaseStarted("S3 control");
    S3Allocation allocation = allocate(s4, assessment, null, notes);
    if (!AdaptationPolicy.shouldRequireS5Approval(metrics)) {
      return new Allocated(allocation, 1);
    }
    cycle.progress.phaseStarted("S5 approval");
    S5Decision approval = cycle.ask(new S5Protocol.Approval(cycle.task(), allocation));
    cycle.log.policyDecision(approval, "allocation");
    if (approval.approved()) {
      return new Allocated(allocation, 1);
    }
    cycle.progress.phaseStarted("S3 control (re-plan)");
    return new Allocated(allocate(s4, assessment, approval.rationale(), notes), 2);
  }

  private S3Allocation allocate(
      S4Analysis s4, ComplexityAssessment assessment, String s5Rejection, List<String> notes) {
    S3Protocol s3 =
        new S3Protocol(
            cycle.task(),
            s4,
            assessment,
            check.specialists(),
            cycle.command.hint(),
            s5Rejection,
            notes);
    S3Allocation allocation = check.allocation(cycle.ask(s3), s3.standIn());
    cycle.store.saveAllocation(allocation);
    cycle.log.allocationMade(allocation);
    return allocation;
  }
}
