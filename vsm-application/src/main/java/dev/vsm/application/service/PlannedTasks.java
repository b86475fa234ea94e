package dev.vsm.application.service;

import dev.vsm.application.port.in.PlannedTask;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.ExecutionStep;
import dev.vsm.domain.cycle.TaskPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A saved plan as a person reviews it: agents and steps, S2's file owners, what it cost. */
final class PlannedTasks {

  private PlannedTasks() {}

  static PlannedTask of(
      TaskPlan plan, List<ExecutionStep> steps, boolean parallel, List<String> notes) {
    List<PlannedTask.PlannedAgent> agents = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      for (AllocatedAgent a : steps.get(i).agents()) {
        agents.add(new PlannedTask.PlannedAgent(a.agent(), a.role(), a.taskFocus(), i + 1));
      }
    }
    return new PlannedTask(
        plan.taskId(),
        plan.description(),
        plan.allocation().complexity(),
        plan.allocation().rationale(),
        plan.intelligence() == null ? null : plan.intelligence().approach(),
        agents,
        steps.stream().map(ExecutionStep::agentNames).toList(),
        parallel,
        fileOwners(plan.coordination()),
        plan.adaptations(),
        plan.costUsd(),
        plan.inputTokens(),
        plan.outputTokens(),
        notes);
  }

  /** S2's {@code conflict_zones}: who owns which files (entries that say neither are skipped). */
  private static List<PlannedTask.FileOwner> fileOwners(Map<String, Object> coordination) {
    List<PlannedTask.FileOwner> out = new ArrayList<>();
    if (coordination == null || !(coordination.get("conflict_zones") instanceof List<?> zones)) {
      return out;
    }
    for (Object zone : zones) {
      if (zone instanceof Map<?, ?> z
          && z.get("owner") instanceof String owner
          && z.get("files") instanceof List<?> files) {
        List<String> names = files.stream().map(String::valueOf).toList();
        if (!owner.isBlank() && !names.isEmpty()) {
          out.add(new PlannedTask.FileOwner(owner, names));
        }
      }
    }
    return out;
  }
}
