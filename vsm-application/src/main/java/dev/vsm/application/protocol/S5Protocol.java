package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S3S4Conflict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** S5 policy: approves S3's allocation when required, and settles S3/S4 conflicts. */
public final class S5Protocol {

  private S5Protocol() {}

  /** S5's answer. */
  public record S5Decision(boolean approved, String decision, String rationale) {}

  public static final String SCHEMA =
      """
      {"type":"object","properties":{\
      "approved":{"type":"boolean"},"decision":{"type":"string"},"rationale":{"type":"string"}},\
      "required":["rationale"]}""";

  public static String approvalPrompt(String task, S3Allocation allocation) {
    return """
        You are S5 (policy) in a Viable System Model cycle. S3's allocations have disagreed with
        S4 too often, so each allocation now needs your approval. Judge whether this allocation
        fits the task and the system's identity: right agents, right complexity, no needless risk.

        TASK:
        %s

        S3 ALLOCATION: complexity %s, agents %s, parallel %s.
        Rationale: %s

        Reply with one JSON object and nothing else:
        {"approved": true|false, "decision": "approve|reject", "rationale": "why"}
        """
        .formatted(
            task,
            allocation.complexity(),
            allocation.agentNames(),
            allocation.parallelExecution(),
            allocation.rationale());
  }

  public static String conflictPrompt(String task, List<S3S4Conflict> conflicts) {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        You are S5 (policy) in a Viable System Model cycle. S3 (control) and S4 (intelligence)
        disagree. Settle it: say which position holds and what the system should learn.

        TASK:
        %s

        CONFLICTS:
        """
            .formatted(task));
    for (S3S4Conflict c : conflicts) {
      b.append("- ").append(c.describe()).append('\n');
    }
    b.append(
        """

        Reply with one JSON object and nothing else:
        {"decision": "which position holds and what to do", "rationale": "why"}
        """);
    return b.toString();
  }

  /** Reads S5's reply; an unreadable reply is no approval. */
  public static Optional<S5Decision> read(AgentResult result) {
    return Replies.of(result)
        .filter(r -> r.has("approved") || r.has("decision"))
        .map(
            r -> {
              String decision = r.text("decision").orElse(null);
              boolean ok =
                  r.flag("approved")
                      .orElseGet(
                          () -> {
                            String d = decision == null ? "" : decision.toLowerCase(Locale.ROOT);
                            return d.startsWith("approve")
                                || d.equals("accept")
                                || d.equals("ok")
                                || d.equals("yes");
                          });
              return new S5Decision(
                  ok,
                  decision == null ? (ok ? "approve" : "reject") : decision,
                  r.text("rationale").orElse(""));
            });
  }

  /** Log data for a decision. */
  public static Map<String, Object> logData(S5Decision d, String subject) {
    return Map.of(
        "decision",
        d.decision(),
        "rationale",
        d.rationale(),
        "approved",
        d.approved(),
        "subject",
        subject);
  }
}
