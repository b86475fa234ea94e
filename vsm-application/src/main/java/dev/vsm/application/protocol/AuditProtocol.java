package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.AgentResult;
import java.util.List;

/** S3* audit: checks the S1 work and looks for oscillation; no readable verdict means failed. */
public final class AuditProtocol {

  private AuditProtocol() {}

  /** The audit's verdict. */
  public record AuditOutcome(
      boolean passed,
      Double score,
      List<Object> issues,
      boolean oscillationDetected,
      String oscillationEvidence,
      boolean readable) {}

  public static final String SCHEMA =
      """
      {"type":"object","properties":{\
      "audit_passed":{"type":"boolean"},"overall_score":{"type":"number"},\
      "quality_assessment":{"type":"object","properties":{\
      "issues_found":{"type":"array","items":{"type":"string"}}}},\
      "oscillation_check":{"type":"object","properties":{\
      "oscillation_detected":{"type":"boolean"},"evidence":{"type":"string"}}}},\
      "required":["audit_passed"]}""";

  public static String prompt(String task, List<AgentResult> s1Results, boolean tightened) {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        You are S3* (audit) in a Viable System Model cycle. Verify, independently of what the
        agents claim, that the work is done and sound: read the changed files and the tests that
        cover them (you can read, not run). Also check for oscillation: agents undoing or reverting each other's
        changes.

        TASK:
        %s

        S1 RESULTS:
        """
            .formatted(task));
    for (AgentResult r : s1Results) {
      b.append("- ").append(r.agent()).append(": ").append(r.success() ? "succeeded" : "FAILED");
      if (!r.success() && r.error() != null) {
        b.append(" (").append(Replies.preview(r.error(), 300)).append(')');
      }
      b.append("\n  ").append(Replies.preview(r.output(), 1500).replace("\n", "\n  ")).append('\n');
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

  public static AuditOutcome read(AgentResult result) {
    return Replies.of(result)
        .filter(r -> r.has("audit_passed"))
        .map(
            r -> {
              AgentReply oscillation = r.object("oscillation_check");
              return new AuditOutcome(
                  r.flag("audit_passed").orElse(false),
                  r.number("overall_score").orElse(null),
                  r.object("quality_assessment").list("issues_found"),
                  oscillation.flag("oscillation_detected").orElse(false),
                  oscillation.text("evidence").orElse(null),
                  true);
            })
        .orElse(
            new AuditOutcome(
                false, null, List.of("no readable audit verdict"), false, null, false));
  }
}
