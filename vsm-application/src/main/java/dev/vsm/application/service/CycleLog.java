package dev.vsm.application.service;

import dev.vsm.application.document.Timestamps;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.protocol.Replies;
import dev.vsm.domain.cycle.ToolUse;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.viability.Adaptation;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the cycle's log entries with the data keys of §6; one method per kind of event. */
final class CycleLog {

  static final int PREVIEW = 200;

  private final ExecutionLog log;
  private final Clock clock;
  private final String taskId;
  private final String sessionId;

  CycleLog(ExecutionLog log, Clock clock, String taskId) {
    this(log, clock, taskId, null);
  }

  /** Entries stamped with {@code sessionId} (a Claude Code session), else the log's own session. */
  CycleLog(ExecutionLog log, Clock clock, String taskId, String sessionId) {
    this.log = log;
    this.clock = clock;
    this.taskId = taskId;
    this.sessionId = sessionId;
  }

  static String timestamp(Clock clock) {
    return Timestamps.now(clock);
  }

  void event(EventType type, String agent, Map<String, Object> data) {
    log.append(
        LogEntry.of(
            timestamp(clock),
            type,
            taskId,
            agent,
            data,
            sessionId == null ? log.sessionId() : sessionId));
  }

  void agentInvoked(String agent, String prompt) {
    event(
        EventType.AGENT_INVOKED, agent, Map.of("prompt_preview", Replies.preview(prompt, PREVIEW)));
  }

  void agentFinished(AgentResult r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("success", r.success());
    if (r.success()) {
      data.put("result_summary", Replies.preview(r.output(), PREVIEW));
    } else {
      data.put("error", Replies.preview(r.error() == null ? "" : r.error(), 1000));
      data.put("failure", r.failure().name().toLowerCase(java.util.Locale.ROOT));
    }
    data.put("duration_ms", r.duration().toMillis());
    data.put("cost_usd", r.costUsd());
    data.put("input_tokens", r.inputTokens());
    data.put("output_tokens", r.outputTokens());
    data.put("claude_session_id", r.claudeSessionId());
    event(r.success() ? EventType.AGENT_COMPLETED : EventType.AGENT_ERROR, r.agent(), data);
  }

  void adaptation(EventType type, Adaptation a) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", a.type().label());
    data.put("trigger", a.trigger());
    data.put("effect", a.effect());
    data.put("parameters", a.parameters());
    event(type, null, data);
  }

  void note(String change, Map<String, Object> details) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("change", change);
    data.putAll(details);
    event(EventType.STATE_CHANGED, null, data);
  }

  /**
   * {@code tool_used}: the tool, the file it changed or a preview of the command it ran, and Claude
   * Code's agent type and id. The one shape of this entry, whoever reports the use.
   */
  void toolUsed(String agent, ToolUse use, String agentType, String agentId) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tool", use.tool());
    if (use.changesFile()) {
      data.put("file_path", use.filePath());
    } else {
      data.put("command_preview", Replies.preview(use.command(), PREVIEW));
    }
    putIfPresent(data, "agent_type", agentType);
    putIfPresent(data, "agent_id", agentId);
    event(EventType.TOOL_USED, agent, data);
  }

  /** {@code agent_invoked} of an agent Claude Code started (a hook saw it; no prompt known). */
  void agentStarted(String agent, String agentType, String agentId) {
    Map<String, Object> data = new LinkedHashMap<>();
    putIfPresent(data, "agent_type", agentType);
    putIfPresent(data, "agent_id", agentId);
    data.put("source", "hook");
    event(EventType.AGENT_INVOKED, agent, data);
  }

  /**
   * {@code agent_completed}, or {@code agent_error} when its report says it failed, of an agent
   * Claude Code ran. {@code status} is its report's, null when it gave no report.
   */
  void agentStopped(
      String agent, boolean failed, String status, String message, String agentType, String id) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("success", !failed);
    if (failed) {
      data.put("error", "agent reported status '" + status + "'");
    } else {
      data.put("result_summary", Replies.preview(message, PREVIEW));
    }
    data.put("report_status", status);
    putIfPresent(data, "agent_type", agentType);
    putIfPresent(data, "agent_id", id);
    data.put("source", "hook");
    event(failed ? EventType.AGENT_ERROR : EventType.AGENT_COMPLETED, agent, data);
  }

  /** {@code session_completed}: a Claude Code session ended, and why. */
  void sessionCompleted(String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reason", reason == null ? "" : reason);
    event(EventType.SESSION_COMPLETED, null, data);
  }

  /** A warning: a hook handed vsm something it could not read. */
  void hookInputUnreadable(String hookEvent, String problem) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("hook_event", Replies.preview(hookEvent, 80));
    details.put("problem", Replies.preview(problem, PREVIEW));
    note("hook_input_unreadable", details);
  }

  private static void putIfPresent(Map<String, Object> data, String key, String value) {
    if (value != null) {
      data.put(key, value);
    }
  }
}
