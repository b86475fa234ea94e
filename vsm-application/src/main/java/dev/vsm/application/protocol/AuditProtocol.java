package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.AgentResult;
import java.util.List;
import java.util.Optional;

/**
 * S3* audit: checks the S1 work and looks for oscillation. Nothing stands in for a verdict: with no
 * readable one, the audit has failed.
 */
public record AuditProtocol(String task, List<AgentResult> s1Results, boolean tightened)
    implements SystemExchange<AuditProtocol.AuditOutcome> {

  public AuditProtocol {
    s1Results = List.copyOf(s1Results);
  }

  /** The audit's verdict; {@code readable} is false for the stand-in. */
  public record AuditOutcome(
      boolean passed,
      Double score,
      List<Object> issues,
      boolean oscillationDetected,
      String oscillationEvidence,
      boolean readable) {

    public AuditOutcome {
      issues = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(issues));
    }
  }

  public static final String SCHEMA =
      """
      {"type":"object","properties":{\
      "audit_passed":{"type":"boolean"},"overall_score":{"type":"number"},\
      "quality_assessment":{"type":"object","properties":{\
      "issues_found":{"type":"array","items":{"type":"string"}}}},\
      "oscillation_check":{"type":"object","properties":{\
      "oscillation_detected":{"type":"boolean"},"evidence":{"type":"string"}}}},\
      "required":["audit_passed"]}""";

  @Override
  public SystemAgent agent() {
    return SystemAgent.S3_STAR_AUDIT;
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  @Override
  public String prompt() {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        You are S3* (audit) in a Viable System Model cycle. Verify, independently of what the
        agents claim, that the work is done and sound: read the changed files and the tests that
        cover them (you can read, not run). Also check for oscillation: agents undoing or
        reverting each other's changes.

        TASK:
        %s

        S1 RESULTS:
        """
            .formatted(task));
    for (AgentResult r : s1Results) {
      b.append("- ").append(r.agent()).append(": ").append(r.success() ? "succeeded" : "FAILED");
      if (!r.success() && r.error() != null) {
        b.append(" (").append(Text.preview(r.error(), 300)).append(')');
      }
      b.append('\n');
      if (!r.filesChanged().isEmpty()) {
        b.append("  changed: ").append(String.join(", ", r.filesChanged())).append('\n');
      }
      if (!r.output().isBlank()) {
        b.append("  ").append(Text.preview(r.output(), 1500).replace("\n", "\n  ")).append('\n');
      }
    }
    if (tightened) {
      b.append(
          """

          Audits have been passing work that later failed. Be strict: read every changed file and
          its tests, and pass only work with no open issue.
          """);
    }
    b.append(
        """

        Reply with one JSON object and nothing else:
        {"audit_passed": true|false, "overall_score": 0.0-1.0,
         "quality_assessment": {"issues_found": ["..."]},
         "oscillation_check": {"oscillation_detected": true|false, "evidence": "..."}}
        """);
    return b.toString();
  }

  @Override
  public Optional<AuditOutcome> read(AgentReply r) {
    if (!r.has("audit_passed")) {
      return Optional.empty();
    }
    AgentReply oscillation = r.object("oscillation_check");
    return Optional.of(
        new AuditOutcome(
            r.flag("audit_passed").orElse(false),
            r.number("overall_score").orElse(null),
            r.object("quality_assessment").list("issues_found"),
            oscillation.flag("oscillation_detected").orElse(false),
            oscillation.text("evidence").orElse(null),
            true));
  }

  @Override
  public AuditOutcome standIn() {
    return new AuditOutcome(false, null, List.of("no readable audit verdict"), false, null, false);
  }
}
