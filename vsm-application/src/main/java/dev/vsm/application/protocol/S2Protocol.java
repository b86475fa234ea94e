package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.domain.cycle.S3Allocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** S2 coordination: turns the allocation into an execution plan, or the plan is the steps. */
public final class S2Protocol {

  private S2Protocol() {}

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

  public static String prompt(
      String task, S3Allocation allocation, List<List<String>> steps, boolean coordinateHarder) {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        You are S2 (coordination) in a Viable System Model cycle. Plan how the allocated S1
        agents work together without undoing each other's work: order, which files each one owns
        (locks), and what each hands to the next. Read the code as needed; change nothing.

        TASK:
        %s

        ALLOCATION (%s): %s
        STEPS (agents in one step run at the same time): %s
        """
            .formatted(task, allocation.complexity(), allocation.selectedAgents(), steps));
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

  public static Optional<Map<String, Object>> read(AgentResult result) {
    return Replies.of(result).filter(r -> r.has("execution_schedule")).map(r -> r.fields());
  }

  /** The plan when S2 fails: the steps themselves. */
  public static Map<String, Object> standIn(List<List<String>> steps) {
    Map<String, Object> plan = new LinkedHashMap<>();
    List<Map<String, Object>> schedule = new java.util.ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      schedule.add(Map.of("step", i + 1, "agents", steps.get(i)));
    }
    plan.put("execution_schedule", schedule);
    plan.put("parallel_groups", steps.stream().filter(s -> s.size() > 1).toList());
    plan.put("conflict_zones", List.of());
    plan.put("source", "rule-based stand-in");
    return plan;
  }
}
