package dev.vsm.application.service;

import dev.vsm.application.document.Timestamps;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.IdSource;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.protocol.SystemExchange;
import dev.vsm.domain.cycle.TaskPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One run of the cycle, as its phases share it: what was asked, the task's id, the store, the log,
 * progress, the agent calls and the notes the result will carry.
 */
final class Cycle {

  final RunCycleCommand command;
  final String taskId;
  final StateStore store;
  final CycleLog log;

  /** The log as it was written, by every process: for what the cycle must read back. */
  final ExecutionLog history;

  final ProgressListener progress;
  final AgentCalls agents;
  private final Clock clock;
  private final List<String> notes = new ArrayList<>();
  private TaskPlan plan;

  Cycle(
      RunCycleCommand command,
      String taskId,
      StateStore store,
      ExecutionLog log,
      AgentRunner runner,
      Clock clock,
      ProgressListener progress,
      IdSource ids) {
    this.command = command;
    this.taskId = taskId;
    this.store = store;
    this.log = new CycleLog(log, clock, taskId);
    this.history = log;
    this.progress = progress;
    this.clock = clock;
    this.agents =
        new AgentCalls(command, taskId, this.log, progress, runner, clock, ids, this::spent);
  }

  /** The task's plan as far as it got (null before the task started). */
  synchronized TaskPlan plan() {
    return plan;
  }

  /** The task's plan from now on (a new one, or one saved earlier going on), saved. */
  synchronized TaskPlan beginPlan(TaskPlan begun) {
    plan = begun;
    store.saveTaskPlan(plan);
    return plan;
  }

  /** Changes the task's plan and saves it: each phase's result is kept as soon as it is known. */
  synchronized TaskPlan updatePlan(UnaryOperator<TaskPlan> change) {
    plan = change.apply(plan);
    store.saveTaskPlan(plan);
    return plan;
  }

  /** Every agent run's spending goes into the plan as it ends (also a run that failed). */
  private synchronized void spent(AgentResult run) {
    if (plan != null) {
      updatePlan(p -> p.plusSpending(run.costUsd(), run.inputTokens(), run.outputTokens()));
    }
  }

  String task() {
    return command.task();
  }

  String now() {
    return Timestamps.now(clock);
  }

  synchronized void note(String note) {
    notes.add(note);
  }

  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * Asks a system agent: its reply as a value, or, when it fails or its reply is not usable, the
   * exchange's stand-in, said in the notes and the log.
   */
  <T> T ask(SystemExchange<T> exchange) {
    AgentResult run =
        agents.run(
            exchange.agent().agentName(), AgentRole.SYSTEM, exchange.prompt(), exchange.schema());
    Optional<T> value = run.success() ? run.reply().flatMap(exchange::read) : Optional.empty();
    if (value.isPresent()) {
      return value.get();
    }
    standIn(
        exchange.agent().label(),
        run.success() ? "reply had no usable JSON object" : "agent failed: " + run.error());
    return exchange.standIn();
  }

  /** Says that the rule-based stand-in replaces what {@code system} gave, and why. */
  void standIn(String system, String reason) {
    note(system + " " + reason + "; using the rule-based stand-in");
    log.standInUsed(system, reason);
  }
}
