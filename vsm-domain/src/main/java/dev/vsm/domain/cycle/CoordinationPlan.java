package dev.vsm.domain.cycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** S2's execution plan for the S1 agents (free JSON: schedule, parallel groups, conflict zones). */
public record CoordinationPlan(String taskId, Map<String, Object> plan, String createdAt) {

  public CoordinationPlan {
    plan = Collections.unmodifiableMap(new LinkedHashMap<>(plan == null ? Map.of() : plan));
    createdAt = createdAt == null ? "" : createdAt;
  }
}
