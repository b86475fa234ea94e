package dev.vsm.application.service;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.protocol.AuditProtocol.AuditOutcome;
import dev.vsm.application.protocol.S5Protocol.S5Decision;
import dev.vsm.application.protocol.SystemAgent;
import dev.vsm.application.protocol.Text;
import dev.vsm.domain.cycle.Oscillation;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S3S4Conflict;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.viability.Adaptation;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cycle's log entries, one method per kind: the one place that knows each entry's data keys
 * (and what the current task's metadata holds: its owner, then its totals or why it failed).
 */
final class CycleLog extends LogWriter {

  /** Data key of a task's end: whether it moved the completion rate. */
  static final String COUNTED = "counted";

  CycleLog(ExecutionLog log, Clock clock, String taskId) {
    super(log, clock, taskId, null);
  }

  /** What a cycle spent, for the result, the log and the task's metadata. */
  record Totals(double costUsd, long inputTokens, long outputTokens, long durationMs, int runs) {

    Map<String, Object> data() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("cost_usd", costUsd);
      data.put("input_tokens", inputTokens);
      data.put("output_tokens", outputTokens);
      data.put("duration_ms", durationMs);
      data.put("agent_runs", runs);
      return data;
    }
  }

  /** The current task's metadata while a process works on it. */
  static Map<String, Object> ownedBy(long pid) {
    return Map.of(CurrentTask.OWNER_PID, pid);
  }

  /** The current task's metadata when it failed. */
  static Map<String, Object> failedBecause(String reason) {
    return Map.of("error", reason);
  }

  void taskStarted(String description, String complexity) {
    event(
        EventType.TASK_STARTED, null, Map.of("description", description, "complexity", complexity));
  }

  /**
   * The task ended. {@code counted}: this end moved the completion rate (a resumed task's later end
   * revises the first one's share instead, and says so with {@code revised}).
   */
  void taskCompleted(
      Totals totals,
      boolean success,
      String summary,
      int allocations,
      boolean counted,
      boolean revised) {
    Map<String, Object> data = totals.data();
    data.put("success", success);
    data.put("summary", summary);
    data.put("allocations", allocations);
    data.put(COUNTED, counted);
    if (revised) {
      data.put("revised", true);
    }
    event(EventType.TASK_COMPLETED, null, data);
  }

  /**
   * The task failed; {@code environment}: because no agent can run here (the CLI missing, not
   * logged in), which is not the work's failure, so the viability metrics do not learn from it.
   * {@code counted}: this end moved the completion rate.
   */
  void taskFailed(Totals totals, String reason, boolean environment, boolean counted) {
    Map<String, Object> data = totals.data();
    data.put("error", reason);
    data.put("success", false);
    if (environment) {
      data.put("environment", true);
    }
    data.put(COUNTED, counted);
    event(EventType.TASK_FAILED, null, data);
  }

  /** This log's task was left in progress by a process that is gone. */
  void taskAbandoned(String reason, boolean counted) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("error", reason);
    data.put("abandoned", true);
    data.put("success", false);
    data.put(COUNTED, counted);
    event(EventType.TASK_FAILED, null, data);
  }

  /** The task's plan is saved, waiting to be applied: what planning cost. */
  void taskPlanned(Totals totals, List<String> agents) {
    Map<String, Object> data = totals.data();
    data.put("agents", agents);
    event(EventType.TASK_PLANNED, null, data);
  }

  /** Another attempt at the task starts from its saved plan. */
  void taskResumed(int attempt, String previousStatus, List<String> agentsDone) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("attempt", attempt);
    data.put("previous_status", previousStatus);
    data.put("agents_done", agentsDone);
    event(EventType.TASK_RESUMED, null, data);
  }

  /**
   * An agent starts in Claude session {@code session} ({@code resumed}: continuing the session an
   * interrupted run left); the session is known even if the run never ends.
   */
  void agentInvoked(String agent, String prompt, String session, boolean resumed) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("prompt_preview", Text.preview(prompt, PREVIEW));
    data.put("claude_session_id", session);
    if (resumed) {
      data.put("resumed_session", true);
    }
    event(EventType.AGENT_INVOKED, agent, data);
  }

  void agentFinished(AgentResult r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("success", r.success());
    if (r.success()) {
      data.put("result_summary", Text.preview(r.output(), PREVIEW));
    } else {
      data.put("error", Text.preview(r.error() == null ? "" : r.error(), 1000));
      data.put("failure", r.failure().name().toLowerCase(Locale.ROOT));
    }
    data.put("duration_ms", r.duration().toMillis());
    data.put("cost_usd", r.costUsd());
    data.put("input_tokens", r.inputTokens());
    data.put("output_tokens", r.outputTokens());
    data.put("claude_session_id", r.claudeSessionId());
    event(r.success() ? EventType.AGENT_COMPLETED : EventType.AGENT_ERROR, r.agent(), data);
  }

  /** {@code adaptation_applied} or {@code adaptation_cleared}. */
  void adaptation(EventType type, Adaptation a) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", a.type().label());
    data.put("trigger", a.trigger());
    data.put("effect", a.effect());
    data.put("parameters", a.parameters());
    event(type, null, data);
  }

  void allocationMade(S3Allocation allocation) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("complexity", allocation.complexity());
    data.put("agents", allocation.agentNames());
    data.put("rationale", allocation.rationale());
    data.put("parallel_execution", allocation.parallelExecution());
    event(EventType.ALLOCATION_MADE, SystemAgent.S3_CONTROL.agentName(), data);
  }

  /** S5's decision on {@code subject} ({@code allocation} or {@code conflict}). */
  void policyDecision(S5Decision d, String subject) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decision", d.decision());
    data.put("rationale", d.rationale());
    data.put("approved", d.approved());
    data.put("subject", subject);
    data.put("stand_in", d.standIn());
    event(EventType.POLICY_DECISION, null, data);
  }

  void auditPerformed(AuditOutcome audit, boolean tightened) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("passed", audit.passed());
    data.put("findings", audit.issues());
    data.put("score", audit.score());
    data.put("tightened", tightened);
    event(EventType.AUDIT_PERFORMED, SystemAgent.S3_STAR_AUDIT.agentName(), data);
  }

  /** Oscillation S3*'s audit reported. */
  void oscillationDetected(String evidence) {
    event(
        EventType.OSCILLATION_DETECTED,
        null,
        Map.of("evidence", evidence == null ? "" : evidence, "source", "audit"));
  }

  /** Oscillation vsm measured: agents that changed the same files. */
  void oscillationMeasured(Oscillation o) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("evidence", o.evidence());
    data.put("source", o.conflicting() ? "merge_conflict" : "changed_files");
    data.put("agents", o.agents());
    data.put("files", o.files());
    event(EventType.OSCILLATION_DETECTED, null, data);
  }

  void conflictDetected(S3S4Conflict c) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", c.type());
    data.put("s3_position", c.s3Position());
    data.put("s4_position", c.s4Position());
    event(EventType.CONFLICT_DETECTED, null, data);
  }

  /** A system agent gave nothing usable; {@code system} is its short name (S4, S3*…). */
  void standInUsed(String system, String reason) {
    stateChanged("stand_in_used", Map.of("system", system, "reason", reason));
  }

  /** Worktrees a run that is gone left behind were removed before a parallel step. */
  void worktreesRemoved(int count) {
    stateChanged(
        "worktrees_removed", Map.of("count", count, "reason", "left by a run that is gone"));
  }

  /** An agent named by S3 or the rules will not run ({@code replacement} null: dropped). */
  void agentReplaced(String agent, String replacement, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("agent", Text.preview(agent, 80));
    if (replacement != null) {
      data.put("replacement", replacement);
    }
    data.put("reason", reason);
    stateChanged(replacement == null ? "agent_dropped" : "agent_replaced", data);
  }
}
