package dev.vsm.application.port.in;

import dev.vsm.domain.complexity.Complexity;
import java.util.Objects;

/**
 * A task to go on with: its id, whether only a planned task may be taken ({@code vsm apply}), and
 * how its agents run now — the options of {@code options} (its task text and hint are not used: the
 * plan's are). A budget or time limit covers what runs now, not earlier attempts.
 */
public record ResumeCommand(String taskId, boolean plannedOnly, RunCycleCommand options) {

  public ResumeCommand {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(options, "options");
  }

  /** The cycle that goes on: the plan's task and hint, under this command's id and options. */
  public RunCycleCommand forTask(String task, Complexity hint) {
    return new RunCycleCommand(
        task,
        taskId,
        hint,
        options.workingDirectory(),
        options.agentTimeout(),
        options.agentSettings(),
        options.maxBudgetUsd(),
        options.maxParallelAgents(),
        options.cancellation(),
        options.cycleTimeout(),
        options.isolation(),
        options.approval());
  }
}
