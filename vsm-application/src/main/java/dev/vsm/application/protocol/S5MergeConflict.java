package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.protocol.S5Protocol.S5Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S5 asked whose version of {@code files} stands — that of the agent merged {@code later}, or that
 * of the agents merged before it ({@code earlier}) — when S1 agents that worked at the same time
 * changed them in ways that do not merge. Without an answer the work merged first stands. {@code
 * approved} in the decision means the later agent's version stands; {@code decision} names the
 * agent kept.
 */
public record S5MergeConflict(
    String task,
    String later,
    List<String> earlier,
    List<String> files,
    Map<String, String> reports)
    implements SystemExchange<S5Decision> {

  public S5MergeConflict {
    earlier = List.copyOf(earlier);
    files = List.copyOf(files);
    reports = Map.copyOf(reports);
  }

  @Override
  public SystemAgent agent() {
    return SystemAgent.S5_POLICY;
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
        You are S5 (policy) in a Viable System Model cycle. S1 agents worked at the same time, \
        each in a checkout of its own. Bringing their work together, %s's changes to these \
        files conflict with those of %s, merged before it:
        """
            .formatted(later, String.join(" and ", earlier)));
    files.forEach(f -> b.append("- ").append(f).append('\n'));
    b.append(
        """

        Decide whose version of these files stands; the other's changes to them are dropped \
        (every other file of both is kept).

        TASK:
        %s

        WHAT THEY REPORTED:
        """
            .formatted(task));
    for (String a : order()) {
      b.append("- ")
          .append(a)
          .append(": ")
          .append(reports.getOrDefault(a, "no report"))
          .append('\n');
    }
    b.append(
        """

        Reply with one JSON object and nothing else:
        {"keep": "%s", "rationale": "why"}
        """
            .formatted(String.join("|", order())));
    return b.toString();
  }

  private List<String> order() {
    List<String> all = new ArrayList<>(earlier);
    all.add(later);
    return all;
  }

  @Override
  public Optional<S5Decision> read(AgentReply reply) {
    return reply
        .text("keep")
        .map(String::strip)
        .filter(order()::contains)
        .map(
            kept ->
                new S5Decision(
                    kept.equals(later), "keep " + kept, reply.text("rationale").orElse(""), false));
  }

  @Override
  public S5Decision standIn() {
    return new S5Decision(
        false,
        "keep " + String.join(" and ", earlier),
        "S5 unavailable: the work merged first stands",
        true);
  }

  public static final String SCHEMA =
      """
      {"type":"object","properties":{\
      "keep":{"type":"string"},"rationale":{"type":"string"}},\
      "required":["keep","rationale"]}""";
}
