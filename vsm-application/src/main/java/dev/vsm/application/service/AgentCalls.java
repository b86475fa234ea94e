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
 *
 * <p>Money: an agent is handed a cap out of what is left of the budget, and that cap is held for it
 * until it ends, so the caps of agents that run at the same time add up to no more than what was
 * left. Agents of one step split what is left between those not yet started; a cap is a whole
 * number of {@link RunCycleCommand#SMALLEST_BUDGET_USD}, and a share smaller than that counts as
 * spent.
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

  /**
   * What the agents running now hold of the budget, in {@link RunCycleCommand#SMALLEST_BUDGET_USD}.
   */
  private long held;

  private static final double UNITS_PER_USD = Math.rint(1 / RunCycleCommand.SMALLEST_BUDGET_USD);

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
    Admission admission = admit(agent, Share.alone());
    return admission.refused().orElseGet(() -> invoke(admission, role, prompt, schema));
  }

  /**
   * The agents that split what is left of the budget: one agent alone, or those of a step that run
   * at the same time — each, as it starts, gets an equal part of what the others have not taken.
   */
  static final class Share {
    private int waiting;

    Share(int agents) {
      this.waiting = Math.max(1, agents);
    }

    static Share alone() {
      return new Share(1);
    }

    /** How many agents split what is left now, this one included; it is then no longer waiting. */
    private int claim() {
      return waiting > 1 ? waiting-- : 1;
    }
  }

  /**
   * Whether an agent may start, and what it may spend: refused (the budget or the time is spent),
   * or admitted with a cap held for it until {@link #invoke} ends, in whole {@link
   * RunCycleCommand#SMALLEST_BUDGET_USD} ({@code capUnits} null: no budget).
   */
  record Admission(String agent, Optional<AgentResult> refused, Long capUnits) {

    Double capUsd() {
      return capUnits == null ? null : capUnits / UNITS_PER_USD;
    }
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
   * Admits {@code agent}, one of {@code share}: refused when the budget is spent or the cycle's
   * time is up (logged and reported like a run that failed at once), else with its cap held.
   */
  Admission admit(String agent, Share share) {
    Double budget = command.maxBudgetUsd();
    AgentResult refused = null;
    Long cap = null;
    synchronized (this) {
      int sharing = share.claim();
      if (budget != null) {
        double spent = cost();
        cap = (units(budget - spent) - held) / sharing;
        if (cap < 1) {
          String reason =
              held > 0
                  ? String.format(
                      Locale.ROOT,
                      "not started: the rest of the budget of $%.2f is held by the agents running"
                          + " ($%.4f spent)",
                      budget,
                      spent)
                  : String.format(
                      Locale.ROOT, "not started: budget of $%.2f spent ($%.2f)", budget, spent);
          refused = AgentResult.failed(agent, AgentResult.Failure.LIMIT, reason, Duration.ZERO);
        }
      }
      if (refused == null
          && command.cycleTimeout() != null
          && remaining().compareTo(Duration.ZERO) <= 0) {
        String reason =
            "not started: the cycle's time limit of " + command.cycleTimeout() + " has passed";
        refused = AgentResult.failed(agent, AgentResult.Failure.TIMEOUT, reason, Duration.ZERO);
      }
      if (refused == null && cap != null) {
        held += cap;
      }
    }
    if (refused != null) {
      log.agentFinished(refused);
      progress.agentFinished(refused);
      return new Admission(agent, Optional.of(refused), null);
    }
    return new Admission(agent, Optional.empty(), cap);
  }

  /** {@code usd} in whole {@link RunCycleCommand#SMALLEST_BUDGET_USD}, rounded down. */
  private static long units(double usd) {
    // The tiny allowance keeps 0.03 (0.0299999…) at 300 units.
    return Math.max(0, (long) Math.floor(usd * UNITS_PER_USD + 1e-6));
  }

  /** Time left before the cycle's limit (the agent timeout bounds it when there is none). */
  private Duration remaining() {
    return command.cycleTimeout() == null
        ? command.agentTimeout()
        : command.cycleTimeout().minus(Duration.between(started, clock.instant()));
  }

  /** The user's settings, with the agent's spending capped at {@code cap}. */
  private AgentOptions options(Double cap) {
    AgentSettings s = command.agentSettings();
    return new AgentOptions(s.model(), s.maxTurns(), cap, s.permissionMode());
  }

  /**
   * Runs an admitted agent now; its result is logged, reported and totalled, and its cap is no
   * longer held.
   */
  AgentResult invoke(Admission admitted, AgentRole role, String prompt, String schema) {
    String agent = admitted.agent();
    AgentResult result = null;
    try {
      checkCancelled();
      log.agentInvoked(agent, prompt);
      progress.agentStarted(agent);
      // An agent gets its own limit, cut short by what is left of the cycle's.
      Duration timeout =
          remaining().compareTo(command.agentTimeout()) < 0 ? remaining() : command.agentTimeout();
      result =
          runner
              .run(
                  new AgentRequest(
                      agent,
                      role,
                      prompt,
                      command.workingDirectory(),
                      timeout,
                      options(admitted.capUsd()),
                      schema))
              .withAgent(agent);
    } finally {
      // What it spent is counted, and its cap no longer held, in one step.
      synchronized (this) {
        if (result != null) {
          runs.add(result);
        }
        if (admitted.capUnits() != null) {
          held -= admitted.capUnits();
        }
      }
    }
    // Record the run before acting on an interrupt: file writes fail on interrupted threads.
    boolean interrupted = Thread.interrupted();
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
