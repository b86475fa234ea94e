package dev.vsm.application.port.in;

import dev.vsm.domain.complexity.Complexity;

/** Shows the plan a cycle would follow (rule-based stand-ins for S4 and S3), running no agent. */
public interface PlanCycleUseCase {
  CyclePlan plan(String task, Complexity hint);
}
