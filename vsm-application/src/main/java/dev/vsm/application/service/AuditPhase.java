package dev.vsm.application.service;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.protocol.AuditProtocol;
import dev.vsm.application.protocol.AuditProtocol.AuditOutcome;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import java.util.Optional;

/**
 * S3* audit of the S1 work, strict when {@code tighten_s3_star} is active; skipped when no S1 agent
 * succeeded (there is nothing to audit). Oscillation it finds is logged on its own.
 */
final class AuditPhase {

  private final Cycle cycle;

  AuditPhase(Cycle cycle) {
    this.cycle = cycle;
  }

  /** The verdict; empty when the audit was skipped. */
  Optional<AuditOutcome> audit(List<AgentResult> s1Results, ViabilityMetrics metrics) {
    if (s1Results.stream().noneMatch(AgentResult::success)) {
      cycle.note("no S1 agent succeeded: audit skipped");
      return Optional.empty();
    }
    cycle.progress.phaseStarted("S3* audit");
    boolean tightened = AdaptationPolicy.shouldTightenAudit(metrics);
    AuditOutcome audit = cycle.ask(new AuditProtocol(cycle.task(), s1Results, tightened));
    cycle.log.auditPerformed(audit, tightened);
    if (audit.oscillationDetected()) {
      cycle.log.oscillationDetected(audit.oscillationEvidence());
    }
    return Optional.of(audit);
  }
}
