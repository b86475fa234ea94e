package dev.vsm.application.port.in;

import dev.vsm.domain.complexity.Complexity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

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
    return with(f -> f.hint = newHint);
  }

  public RunCycleCommand withBudget(Double budget) {
    return with(f -> f.maxBudgetUsd = budget);
  }

  public RunCycleCommand withCancellation(CycleCancellation c) {
    return with(f -> f.cancellation = c);
  }

  public RunCycleCommand withCycleTimeout(Duration timeout) {
    return with(f -> f.cycleTimeout = timeout);
  }

  public RunCycleCommand withAgentSettings(AgentSettings settings) {
    return with(f -> f.agentSettings = settings);
  }

  public RunCycleCommand withAgentTimeout(Duration timeout) {
    return with(f -> f.agentTimeout = timeout);
  }

  public RunCycleCommand withIsolation(Isolation i) {
    return with(f -> f.isolation = i);
  }

  public RunCycleCommand withApproval(PlanApproval newApproval) {
    return with(f -> f.approval = newApproval);
  }

  /**
   * This command for the task of id {@code id} (a caller's own, e.g. an issue number), or for a new
   * id when null.
   */
  public RunCycleCommand withTaskId(String id) {
    return with(f -> f.taskId = id);
  }

  /** This command with what {@code change} sets on a copy of its fields. */
  private RunCycleCommand with(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return f.command();
  }

  /** A command's fields, set one by one to make a changed copy of it. */
  private static final class Fields {
    private String task;
    private String taskId;
    private Complexity hint;
    private Path workingDirectory;
    private Duration agentTimeout;
    private AgentSettings agentSettings;
    private Double maxBudgetUsd;
    private int maxParallelAgents;
    private CycleCancellation cancellation;
    private Duration cycleTimeout;
    private Isolation isolation;
    private PlanApproval approval;

    Fields(RunCycleCommand c) {
      task = c.task;
      taskId = c.taskId;
      hint = c.hint;
      workingDirectory = c.workingDirectory;
      agentTimeout = c.agentTimeout;
      agentSettings = c.agentSettings;
      maxBudgetUsd = c.maxBudgetUsd;
      maxParallelAgents = c.maxParallelAgents;
      cancellation = c.cancellation;
      cycleTimeout = c.cycleTimeout;
      isolation = c.isolation;
      approval = c.approval;
    }

    RunCycleCommand command() {
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
          approval);
    }
  }
}
