package dev.vsm.domain.cycle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** S2's execution plan for the S1 agents (free JSON: schedule, parallel groups, conflict zones). */
public record CoordinationPlan(String taskId, Map<String, Object> plan, String createdAt) {

  public CoordinationPlan {
    plan = Collections.unmodifiableMap(new LinkedHashMap<>(plan == null ? Map.of() : plan));
    createdAt = createdAt == null ? "" : createdAt;
  }

  /** The key that marks a plan the rules made (when S2 gave none), and its value. */
  public static final String SOURCE = "source";

  public static final String RULE_BASED = "rule-based stand-in";

  /**
   * The plan the steps themselves make: one schedule entry per step ({@code step}, {@code agents}),
   * the steps of several agents as parallel groups, no conflict zones.
   */
  public static Map<String, Object> ofSteps(List<List<String>> steps) {
    List<Map<String, Object>> schedule = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("step", i + 1);
      step.put("agents", List.copyOf(steps.get(i)));
      schedule.add(step);
    }
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("execution_schedule", schedule);
    plan.put("parallel_groups", steps.stream().filter(s -> s.size() > 1).toList());
    plan.put("conflict_zones", List.of());
    plan.put(SOURCE, RULE_BASED);
    return plan;
  }
}
