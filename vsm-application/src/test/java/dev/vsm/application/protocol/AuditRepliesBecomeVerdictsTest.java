package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The audit's reply as a verdict: a yes or no, a score, its findings and the oscillation check; a
 * verdict that is no yes or no fails; without one the stand-in fails the audit and says why.
 */
class AuditRepliesBecomeVerdictsTest {

  private final AuditProtocol audit = new AuditProtocol("t", List.of(), false);

  @Test
  void a_full_verdict_is_read_part_by_part() {
    AuditProtocol.AuditOutcome o =
        audit
            .read(
                AgentReply.of(
                    Map.of(
                        "audit_passed",
                        "yes",
                        "overall_score",
                        "0.75",
                        "quality_assessment",
                        Map.of("issues_found", List.of("no test")),
                        "oscillation_check",
                        Map.of("oscillation_detected", true, "evidence", "reverted"))))
            .orElseThrow();

    assertThat(o)
        .isEqualTo(
            new AuditProtocol.AuditOutcome(true, 0.75, List.of("no test"), true, "reverted", true));
  }

  @Test
  void a_verdict_that_is_no_yes_or_no_fails_and_missing_parts_are_empty() {
    AuditProtocol.AuditOutcome o =
        audit.read(AgentReply.of(Map.of("audit_passed", "maybe"))).orElseThrow();

    assertThat(o)
        .isEqualTo(new AuditProtocol.AuditOutcome(false, null, List.of(), false, null, true));
  }

  @Test
  void without_a_verdict_the_stand_in_fails_the_audit() {
    assertThat(audit.read(AgentReply.of(Map.of("overall_score", 1)))).isEmpty();
    assertThat(audit.standIn())
        .isEqualTo(
            new AuditProtocol.AuditOutcome(
                false, null, List.of("no readable audit verdict"), false, null, false));
  }
}
