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
import dev.vsm.application.port.out.IdSource;
import dev.vsm.application.port.out.ProgressListener;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every agent run of one cycle goes through here: refused once the budget is spent or the cycle's
 * time is up, given its cap of what is left of the budget ({@link CycleBudget}) and of the time,
 * logged and reported before and after, totalled, and stopped short when no agent can run (not
 * logged in, no CLI) or the cycle is cancelled.
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
  private final CycleBudget budget;
  private final IdSource ids;
  private final Consumer<AgentResult> spent;

  AgentCalls(
      RunCycleCommand command,
      String taskId,
      CycleLog log,
      ProgressListener progress,
      AgentRunner runner,
      Clock clock,
      IdSource ids,
      Consumer<AgentResult> spent) {
    this.command = command;
    this.taskId = taskId;
    this.log = log;
    this.progress = progress;
    this.runner = runner;
    this.clock = clock;
    this.started = clock.instant();
    this.budget = new CycleBudget(command.maxBudgetUsd());
    this.ids = ids;
    this.spent = spent;
  }

  /** Runs {@code agent} unless the budget or the time is spent (then a failed, unstarted run). */
  AgentResult run(String agent, AgentRole role, String prompt, String schema) {
    Admission admission = admit(agent, CycleBudget.Share.alone());
    return admission
        .refused()
        .orElseGet(() -> invoke(admission, role, prompt, schema, null, null, false, null));
  }

  /**
   * Whether an agent may start, and what it may spend: refused (the budget or the time is spent),
   * or admitted with its cap held until {@link #invoke} ends.
   */
  record Admission(String agent, Optional<AgentResult> refused, CycleBudget.Cap cap) {}

  /** A Claude session for a new agent run (a UUID). */
  String newSessionId() {
    return ids.newSessionId();
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
  Admission admit(String agent, CycleBudget.Share share) {
    Optional<CycleBudget.Cap> cap = budget.claim(share);
    AgentResult refused = null;
    if (cap.isEmpty()) {
      refused =
          AgentResult.failed(agent, AgentResult.Failure.LIMIT, budget.refusal(), Duration.ZERO);
    } else if (command.cycleTimeout() != null && remaining().compareTo(Duration.ZERO) <= 0) {
      budget.release(cap.get());
      String reason =
          "not started: the cycle's time limit of " + command.cycleTimeout() + " has passed";
      refused = AgentResult.failed(agent, AgentResult.Failure.TIMEOUT, reason, Duration.ZERO);
    }
    if (refused != null) {
      log.agentFinished(refused);
      progress.agentFinished(refused);
      return new Admission(agent, Optional.of(refused), null);
    }
    return new Admission(agent, Optional.empty(), cap.get());
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
   * Runs an admitted agent now, in {@code checkout} (a separate checkout of the project; null: the
   * project itself) and in Claude session {@code session} (null: a new one; {@code resumed}: one an
   * earlier run left, continued); its tool uses are followed, its result is logged, reported and
   * totalled with the files it changed, and handed to {@code ended} (when given) — also when it
   * stopped the cycle, before that is thrown — and its cap is no longer held.
   */
  AgentResult invoke(
      Admission admitted,
      AgentRole role,
      String prompt,
      String schema,
      Path checkout,
      String session,
      boolean resumed,
      Consumer<AgentResult> ended) {
    String agent = admitted.agent();
    if (session == null) {
      session = newSessionId();
    }
    String resumeSession = resumed ? session : null;
    AgentResult result = null;
    try {
      checkCancelled();
      log.agentInvoked(agent, prompt, session, resumeSession != null);
      progress.agentStarted(agent);
      // An agent gets its own limit, cut short by what is left of the cycle's.
      Duration timeout =
          remaining().compareTo(command.agentTimeout()) < 0 ? remaining() : command.agentTimeout();
      AgentRequest request =
          new AgentRequest(
              agent,
              role,
              prompt,
              command.workingDirectory(),
              timeout,
              options(admitted.cap().usd()),
              schema,
              taskId,
              checkout,
              resumeSession == null ? session : null,
              resumeSession);
      AgentWork work =
          new AgentWork(agent, command.workingDirectory(), request.runsIn(), log, progress);
      result = runner.run(request, work).withAgent(agent).withFilesChanged(work.filesChanged());
      if (result.claudeSessionId() == null) {
        result = result.withClaudeSession(session);
      }
    } finally {
      synchronized (this) {
        if (result != null) {
          runs.add(result);
        }
      }
      budget.settle(admitted.cap(), result == null ? 0 : result.costUsd());
    }
    // Record the run before acting on an interrupt: file writes fail on interrupted threads.
    boolean interrupted = Thread.interrupted();
    log.agentFinished(result);
    progress.agentFinished(result);
    spent.accept(result);
    if (ended != null) {
      ended.accept(result);
    }
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
