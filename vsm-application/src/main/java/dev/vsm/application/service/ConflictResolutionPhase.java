package dev.vsm.application.service;

import dev.vsm.application.protocol.S4Protocol.S4Analysis;
import dev.vsm.application.protocol.S5Protocol;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S3S4Conflict;
import java.util.List;

/** S3/S4 conflicts (the domain's rule) are logged, and S5 settles them. */
final class ConflictResolutionPhase {

  private final Cycle cycle;

  ConflictResolutionPhase(Cycle cycle) {
    this.cycle = cycle;
  }

  List<S3S4Conflict> settle(S4Analysis s4, S3Allocation allocation) {
    List<S3S4Conflict> conflicts =
        S3S4Conflict.detect(s4.complexityAssessment(), allocation.complexity()).stream().toList();
    conflicts.forEach(cycle.log::conflictDetected);
    if (!conflicts.isEmpty()) {
      cycle.progress.phaseStarted("S5 conflict resolution");
      cycle.log.policyDecision(
          cycle.ask(new S5Protocol.Ruling(cycle.task(), conflicts)), "conflict");
    }
    return conflicts;
  }
}
