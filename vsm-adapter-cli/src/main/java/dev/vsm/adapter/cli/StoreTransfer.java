package dev.vsm.adapter.cli;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.state.StateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Moving history between two stores (the state files and a team store), through the ports: the log
 * is appended to the target's, and each state document is copied unless the target already has one
 * (then it is kept, unless told to replace it). A log whose last entry the target already holds was
 * moved before and is not moved again.
 */
final class StoreTransfer {

  private StoreTransfer() {}

  /** One end of a move: its name for messages, its state store and its log. */
  record Side(String name, StateStore state, ExecutionLog log) {}

  /** What was moved: log entries, documents copied, documents kept because the target had them. */
  record Result(
      String from,
      String to,
      long entries,
      boolean logAlreadyThere,
      List<String> copied,
      List<String> kept) {}

  /** Appends a log entry by entry (the file log has no bulk append). */
  static ToLongFunction<ExecutionLog> appendingTo(ExecutionLog target) {
    return source -> {
      long[] n = {0};
      source.forEach(
          e -> {
            target.append(e);
            n[0]++;
          });
      return n[0];
    };
  }

  /** Moves {@code from}'s log (with {@code appendLog}) and documents into {@code to}. */
  static Result copy(Side from, Side to, ToLongFunction<ExecutionLog> appendLog, boolean replace) {
    Optional<LogEntry> last = from.log().recent(1).stream().findFirst();
    boolean already =
        last.isPresent() && to.log().readSession(last.get().sessionId()).contains(last.get());
    long entries = last.isEmpty() || already ? 0 : appendLog.applyAsLong(from.log());

    StateSnapshot source = from.state().snapshot();
    StateSnapshot target = to.state().snapshot();
    List<String> copied = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    if (source.currentTask().isPresent()) {
      if (shouldCopy(target.currentTask().isPresent(), replace, "current task", copied, kept)) {
        to.state().saveCurrentTask(source.currentTask().get());
      }
    }
    if (source.metricsRecorded()) {
      if (shouldCopy(target.metricsRecorded(), replace, "viability metrics", copied, kept)) {
        to.state().updateMetrics(m -> source.metrics());
      }
    }
    if (source.registry().isPresent()) {
      if (shouldCopy(target.registry().isPresent(), replace, "agent registry", copied, kept)) {
        to.state().updateRegistry(r -> source.registry().get());
      }
    }
    if (source.allocation().isPresent()) {
      if (shouldCopy(target.allocation().isPresent(), replace, "S3 allocation", copied, kept)) {
        to.state().saveAllocation(source.allocation().get());
      }
    }
    if (source.environment().isPresent()) {
      if (shouldCopy(target.environment().isPresent(), replace, "S4 environment", copied, kept)) {
        to.state().saveEnvironment(source.environment().get());
      }
    }
    if (source.coordinationPlan().isPresent()) {
      if (shouldCopy(
          target.coordinationPlan().isPresent(), replace, "coordination plan", copied, kept)) {
        to.state().saveCoordinationPlan(source.coordinationPlan().get());
      }
    }
    return new Result(from.name(), to.name(), entries, already, copied, kept);
  }

  /** Records the document as copied (and returns true) or kept. */
  private static boolean shouldCopy(
      boolean targetHasIt, boolean replace, String name, List<String> copied, List<String> kept) {
    if (targetHasIt && !replace) {
      kept.add(name);
      return false;
    }
    copied.add(name);
    return true;
  }
}
