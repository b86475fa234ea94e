package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S3S4Conflict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * S5 policy, asked to approve S3's allocation when approval is required ({@link Approval}) and to
 * settle S3/S4 conflicts ({@link Ruling}); {@link S5MergeConflict} asks it about agents' work that
 * does not merge.
 */
public final class S5Protocol {

  private S5Protocol() {}

  /** S5's answer; {@code standIn} when S5 gave none and the cycle went on without it. */
  public record S5Decision(boolean approved, String decision, String rationale, boolean standIn) {}

  private static final String PROPERTIES =
      """
      {"type":"object","properties":{\
      "approved":{"type":"boolean"},"decision":{"type":"string"},"rationale":{"type":"string"}},\
      """;

  public static final String APPROVAL_SCHEMA =
      PROPERTIES + "\"required\":[\"approved\",\"rationale\"]}";

  public static final String RULING_SCHEMA =
      PROPERTIES + "\"required\":[\"decision\",\"rationale\"]}";

  /** Does S3's allocation fit the task? Without an answer the allocation stands. */
  public record Approval(String task, S3Allocation allocation)
      implements SystemExchange<S5Decision> {

    @Override
    public SystemAgent agent() {
      return SystemAgent.S5_POLICY;
    }

    @Override
    public String schema() {
      return APPROVAL_SCHEMA;
    }

    @Override
    public String prompt() {
      return """
          You are S5 (policy) in a Viable System Model cycle. S3's allocations have disagreed with
          S4 too often, so each allocation now needs your approval. Judge whether this allocation
          fits the task and the system's identity: right agents, right complexity, no needless risk.

          TASK:
          %s

          S3 ALLOCATION: %s
          Rationale: %s

          Reply with one JSON object and nothing else:
          {"approved": true|false, "decision": "approve|reject", "rationale": "why"}
          """
          .formatted(
              task,
              PromptText.allocation(allocation),
              allocation.rationale().isBlank() ? "none given" : allocation.rationale());
    }

    @Override
    public Optional<S5Decision> read(AgentReply reply) {
      return decision(reply);
    }

    @Override
    public S5Decision standIn() {
      return new S5Decision(true, "approve", "S5 unavailable: the allocation stands", true);
    }
  }

  /** Which of S3's and S4's positions holds? Without an answer the conflict stays recorded. */
  public record Ruling(String task, List<S3S4Conflict> conflicts)
      implements SystemExchange<S5Decision> {

    public Ruling {
      conflicts = List.copyOf(conflicts);
    }

    @Override
    public SystemAgent agent() {
      return SystemAgent.S5_POLICY;
    }

    @Override
    public String schema() {
      return RULING_SCHEMA;
    }

    @Override
    public String prompt() {
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

    @Override
    public Optional<S5Decision> read(AgentReply reply) {
      return decision(reply);
    }

    @Override
    public S5Decision standIn() {
      return new S5Decision(
          false, "unsettled", "S5 unavailable: the conflict stays recorded unsettled", true);
    }
  }

  /** An answer needs {@code approved} or {@code decision}; a decision starting "approve" is yes. */
  private static Optional<S5Decision> decision(AgentReply r) {
    if (!r.has("approved") && !r.has("decision")) {
      return Optional.empty();
    }
    String decision = r.text("decision").orElse(null);
    boolean approved =
        r.flag("approved")
            .orElseGet(
                () -> {
                  String d = decision == null ? "" : decision.toLowerCase(Locale.ROOT);
                  return d.startsWith("approve")
                      || d.equals("accept")
                      || d.equals("ok")
                      || d.equals("yes");
                });
    return Optional.of(
        new S5Decision(
            approved,
            decision == null ? (approved ? "approve" : "reject") : decision,
            r.text("rationale").orElse(""),
            false));
  }
}
