package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S2 coordination: turns the allocation into an execution plan (free JSON: schedule, parallel
 * groups, file owners); when S2 gives none, the plan is the S1 steps themselves.
 */
public record S2Protocol(
    String task, S3Allocation allocation, List<List<String>> steps, boolean coordinateHarder)
    implements SystemExchange<Map<String, Object>> {

  public S2Protocol {
    steps = steps.stream().map(List::copyOf).toList();
  }

  public static final String SCHEMA =
      """
      {"type":"object","properties":{\
      "execution_schedule":{"type":"array","items":{"type":"object","properties":{\
      "step":{"type":"integer"},"agents":{"type":"array","items":{"type":"string"}},\
      "handoff":{"type":"string"}}}},\
      "parallel_groups":{"type":"array","items":{"type":"array","items":{"type":"string"}}},\
      "conflict_zones":{"type":"array","items":{"type":"object","properties":{\
      "files":{"type":"array","items":{"type":"string"}},"owner":{"type":"string"}}}}},\
      "required":["execution_schedule"]}""";

  @Override
  public SystemAgent agent() {
    return SystemAgent.S2_COORDINATION;
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
        You are S2 (coordination) in a Viable System Model cycle. Plan how the allocated S1
        agents work together without undoing each other's work: order, which files each one owns
        (locks), and what each hands to the next. Read the code as needed; change nothing.

        TASK:
        %s

        ALLOCATION: %s

        STEPS (agents in one step run at the same time):
        %s
        """
            .formatted(task, PromptText.allocation(allocation), PromptText.steps(steps)));
    if (coordinateHarder) {
      b.append(
          """

          Agents have recently undone each other's work (oscillation). Coordinate more tightly:
          give every file exactly one owner, and spell out each hand-off.
          """);
    }
    b.append(
        """

        Reply with one JSON object and nothing else:
        {"execution_schedule": [{"step": 1, "agents": ["name"], "handoff": "what passes on"}],
         "parallel_groups": [["names that may run together"]],
         "conflict_zones": [{"files": ["path"], "owner": "agent name"}]}
        """);
    return b.toString();
  }

  @Override
  public Optional<Map<String, Object>> read(AgentReply reply) {
    return reply.has("execution_schedule") ? Optional.of(reply.fields()) : Optional.empty();
  }

  /** The steps themselves as the plan. */
  @Override
  public Map<String, Object> standIn() {
    return CoordinationPlan.ofSteps(steps);
  }
}
