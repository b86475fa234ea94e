package dev.vsm.application.service;

import dev.vsm.application.protocol.AuditProtocol.AuditOutcome;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.Optional;

/**
 * The metrics learn from the cycle, in one atomic update: the audit, oscillation (reported by the
 * audit or measured in what the agents changed; once per cycle), each conflict, whether the task
 * succeeded, and how many allocations it took.
 */
final class LearningPhase {

  private final Cycle cycle;

  LearningPhase(Cycle cycle) {
    this.cycle = cycle;
  }

  void learn(
      Optional<AuditOutcome> audit,
      boolean oscillationMeasured,
      int conflicts,
      boolean success,
      int allocations) {
    cycle.store.updateMetrics(
        m -> {
          String now = cycle.now();
          ViabilityMetrics u = m;
          if (audit.isPresent()) {
            u = u.withAuditResult(audit.get().passed(), now);
          }
          if (oscillationMeasured || audit.map(AuditOutcome::oscillationDetected).orElse(false)) {
            u = u.withOscillation(now);
          }
          for (int i = 0; i < conflicts; i++) {
            u = u.withS3S4Conflict(now);
          }
          return u.withTaskCompletion(success, now).withCycleIterations(allocations, now);
        });
  }
}
