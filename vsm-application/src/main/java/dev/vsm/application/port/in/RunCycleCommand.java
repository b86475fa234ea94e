package dev.vsm.application.port.in;

import dev.vsm.domain.complexity.Complexity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A cycle to run: the task, an optional id and complexity hint, where agents work, how long each
 * may take, the settings of every agent, an optional budget, a handle to cancel it, an optional
 * time limit for the whole cycle (agents are not started past it, and none runs beyond it), whether
 * agents that run at the same time work in checkouts of their own, and an optional approval asked
 * after S2, before any S1 agent edits (null: none is asked).
 */
public record RunCycleCommand(
    String task,
    String taskId,
    Complexity hint,
    Path workingDirectory,
    Duration agentTimeout,
    AgentSettings agentSettings,
    Double maxBudgetUsd,
    int maxParallelAgents,
    CycleCancellation cancellation,
    Duration cycleTimeout,
    Isolation isolation,
    PlanApproval approval) {

  public static final Duration DEFAULT_AGENT_TIMEOUT = Duration.ofMinutes(30);
  public static final int DEFAULT_MAX_PARALLEL = 4;

  /**
   * The smallest budget, and the smallest amount an agent's spending is capped at: $0.0001 (caps
   * are whole numbers of it, so that what is handed out adds up exactly).
   */
  public static final double SMALLEST_BUDGET_USD = 0.0001;

  public RunCycleCommand {
    Objects.requireNonNull(task, "task");
    if (task.isBlank()) {
      throw new IllegalArgumentException("the task is empty: say what should be done");
    }
    if (taskId != null && taskId.isBlank()) {
      throw new IllegalArgumentException("the task id is blank: give one, or null for a new one");
    }
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    agentTimeout = agentTimeout == null ? DEFAULT_AGENT_TIMEOUT : agentTimeout;
    if (agentTimeout.isNegative() || agentTimeout.isZero()) {
      throw new IllegalArgumentException("the agent timeout must be positive");
    }
    agentSettings = agentSettings == null ? AgentSettings.defaults() : agentSettings;
    if (maxBudgetUsd != null
        && !(Double.isFinite(maxBudgetUsd) && maxBudgetUsd >= SMALLEST_BUDGET_USD)) {
      throw new IllegalArgumentException("the budget must be a finite amount of at least $0.0001");
    }
    maxParallelAgents = maxParallelAgents <= 0 ? DEFAULT_MAX_PARALLEL : maxParallelAgents;
    cancellation = cancellation == null ? new CycleCancellation() : cancellation;
    if (cycleTimeout != null && (cycleTimeout.isNegative() || cycleTimeout.isZero())) {
      throw new IllegalArgumentException("the cycle timeout must be positive");
    }
    isolation = isolation == null ? Isolation.AUTO : isolation;
  }

  /** A command whose parallel agents are isolated when the project allows ({@code auto}). */
  public RunCycleCommand(
      String task,
      String taskId,
      Complexity hint,
      Path workingDirectory,
      Duration agentTimeout,
      AgentSettings agentSettings,
      Double maxBudgetUsd,
      int maxParallelAgents,
      CycleCancellation cancellation,
      Duration cycleTimeout) {
    this(
        task,
        taskId,
        hint,
        workingDirectory,
        agentTimeout,
        agentSettings,
        maxBudgetUsd,
        maxParallelAgents,
        cancellation,
        cycleTimeout,
        Isolation.AUTO,
        null);
  }

  /** A command with every default: no id, no hint, 30 min per agent, 4 agents at a time. */
  public static RunCycleCommand of(String task, Path workingDirectory) {
    return new RunCycleCommand(task, null, null, workingDirectory, null, null, null, 0, null, null);
  }

  public RunCycleCommand withHint(Complexity newHint) {
    return new RunCycleCommand(
        task,
        taskId,
        newHint,
        workingDirectory,
        agentTimeout,
        agentSettings,
        maxBudgetUsd,
        maxParallelAgents,
        cancellation,
        cycleTimeout,
        isolation,
        approval);
  }

  public RunCycleCommand withBudget(Double budget) {
    return new RunCycleCommand(
        task,
        taskId,
        hint,
        workingDirectory,
        agentTimeout,
        agentSettings,
        budget,
        maxParallelAgents,
        cancellation,
        cycleTimeout,
        isolation,
        approval);
  }

  public RunCycleCommand withCancellation(CycleCancellation c) {
    return new RunCycleCommand(
        task,
        taskId,
        hint,
        workingDirectory,
        agentTimeout,
        agentSettings,
        maxBudgetUsd,
        maxParallelAgents,
        c,
        cycleTimeout,
        isolation,
        approval);
  }

  public RunCycleCommand withCycleTimeout(Duration timeout) {
    return new RunCycleCommand(
        task,
        taskId,
        hint,
        workingDirectory,
        agentTimeout,
        agentSettings,
        maxBudgetUsd,
        maxParallelAgents,
        cancellation,
        timeout,
        isolation,
        approval);
  }

  public RunCycleCommand withAgentSettings(AgentSettings settings) {
    return new RunCycleCommand(
        task,
        taskId,
        hint,
        workingDirectory,
        agentTimeout,
        settings,
        maxBudgetUsd,
        maxParallelAgents,
        cancellation,
        cycleTimeout,
        isolation,
        approval);
  }

  public RunCycleCommand withAgentTimeout(Duration timeout) {
    return new RunCycleCommand(
        task,
        taskId,
        hint,
        workingDirectory,
        timeout,
        agentSettings,
        maxBudgetUsd,
        maxParallelAgents,
        cancellation,
        cycleTimeout,
        isolation,
        approval);
  }

  public RunCycleCommand withIsolation(Isolation i) {
    return new RunCycleCommand(
        task,
        taskId,
        hint,
        workingDirectory,
        agentTimeout,
        agentSettings,
        maxBudgetUsd,
        maxParallelAgents,
        cancellation,
        cycleTimeout,
        i,
        approval);
  }

  public RunCycleCommand withApproval(PlanApproval newApproval) {
    return new RunCycleCommand(
        task,
        taskId,
        hint,
        workingDirectory,
        agentTimeout,
        agentSettings,
        maxBudgetUsd,
        maxParallelAgents,
        cancellation,
        cycleTimeout,
        isolation,
        newApproval);
  }

  /**
   * This command for the task of id {@code id} (a caller's own, e.g. an issue number), or for a new
   * id when null.
   */
  public RunCycleCommand withTaskId(String id) {
    return new RunCycleCommand(
        task,
        id,
        hint,
        workingDirectory,
        agentTimeout,
        agentSettings,
        maxBudgetUsd,
        maxParallelAgents,
        cancellation,
        cycleTimeout,
        isolation,
        approval);
  }
}
