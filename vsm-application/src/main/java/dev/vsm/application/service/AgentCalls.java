package dev.vsm.application.service;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.AgentSettings;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.AgentOptions;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every agent run of one cycle goes through here: refused once the budget is spent or the cycle's
 * time is up, given what is left of both, logged and reported before and after, totalled, and
 * stopped short when no agent can run (not logged in, no CLI) or the cycle is cancelled.
 */
final class AgentCalls {

  private final RunCycleCommand command;
  private final String taskId;
  private final CycleLog log;
  private final ProgressListener progress;
  private final AgentRunner runner;
  private final Clock clock;
  private final Instant started;
  private final long startNanos = System.nanoTime();
  private final List<AgentResult> runs = new ArrayList<>();

  AgentCalls(
      RunCycleCommand command,
      String taskId,
      CycleLog log,
      ProgressListener progress,
      AgentRunner runner,
      Clock clock) {
    this.command = command;
    this.taskId = taskId;
    this.log = log;
    this.progress = progress;
    this.runner = runner;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Runs {@code agent} unless the budget or the time is spent (then a failed, unstarted run). */
  AgentResult run(String agent, AgentRole role, String prompt, String schema) {
    return refusal(agent).orElseGet(() -> invoke(agent, role, prompt, schema));
  }

  /** The agents the runner has a definition for where this cycle works. */
  Set<String> definedAgents() {
    return runner.definedAgents(command.workingDirectory());
  }

  /** What every agent run of this cycle cost so far, and how long the cycle has taken. */
  synchronized CycleLog.Totals totals() {
    return new CycleLog.Totals(
        cost(),
        runs.stream().mapToLong(AgentResult::inputTokens).sum(),
        runs.stream().mapToLong(AgentResult::outputTokens).sum(),
        elapsed().toMillis(),
        runs.size());
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Throws when the cycle was cancelled: no further agent may start. */
  void checkCancelled() {
    if (command.cancellation().isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new CycleInterruptedException(taskId);
    }
  }

  private synchronized double cost() {
    return runs.stream().mapToDouble(AgentResult::costUsd).sum();
  }

  /**
   * A run that must not start (the budget is spent, or the cycle's time is up): logged and reported
   * like a run that failed at once.
   */
  Optional<AgentResult> refusal(String agent) {
    Double budget = command.maxBudgetUsd();
    AgentResult refused = null;
    if (budget != null && cost() >= budget) {
      String reason =
          String.format(Locale.ROOT, "not started: budget of $%.2f spent ($%.2f)", budget, cost());
      refused = AgentResult.failed(agent, AgentResult.Failure.LIMIT, reason, Duration.ZERO);
    } else if (command.cycleTimeout() != null && remaining().compareTo(Duration.ZERO) <= 0) {
      String reason =
          "not started: the cycle's time limit of " + command.cycleTimeout() + " has passed";
      refused = AgentResult.failed(agent, AgentResult.Failure.TIMEOUT, reason, Duration.ZERO);
    }
    if (refused != null) {
      log.agentFinished(refused);
      progress.agentFinished(refused);
    }
    return Optional.ofNullable(refused);
  }

  /** Time left before the cycle's limit (the agent timeout bounds it when there is none). */
  private Duration remaining() {
    return command.cycleTimeout() == null
        ? command.agentTimeout()
        : command.cycleTimeout().minus(Duration.between(started, clock.instant()));
  }

  /** The user's settings, with the agent's spending capped at what the cycle has left. */
  private AgentOptions options() {
    AgentSettings s = command.agentSettings();
    Double cap = command.maxBudgetUsd() == null ? null : command.maxBudgetUsd() - cost();
    return new AgentOptions(s.model(), s.maxTurns(), cap, s.permissionMode());
  }

  /** Runs {@code agent} now; its result is logged, reported and totalled. */
  AgentResult invoke(String agent, AgentRole role, String prompt, String schema) {
    checkCancelled();
    log.agentInvoked(agent, prompt);
    progress.agentStarted(agent);
    // An agent gets its own limit, cut short by what is left of the cycle's.
    Duration timeout =
        remaining().compareTo(command.agentTimeout()) < 0 ? remaining() : command.agentTimeout();
    AgentResult result =
        runner
            .run(
                new AgentRequest(
                    agent, role, prompt, command.workingDirectory(), timeout, options(), schema))
            .withAgent(agent);
    // Record the run before acting on an interrupt: file writes fail on interrupted threads.
    boolean interrupted = Thread.interrupted();
    synchronized (this) {
      runs.add(result);
    }
    log.agentFinished(result);
    progress.agentFinished(result);
    if (result.failure().isFatal()) {
      throw new AgentEnvironmentException(taskId, result.error());
    }
    if (interrupted
        || result.failure() == AgentResult.Failure.CANCELLED
        || command.cancellation().isCancelled()) {
      Thread.currentThread().interrupt();
      throw new CycleInterruptedException(taskId);
    }
    return result;
  }
}
