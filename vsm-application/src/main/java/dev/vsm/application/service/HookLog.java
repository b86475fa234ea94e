package dev.vsm.application.service;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.protocol.Text;
import dev.vsm.domain.log.EventType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The entries only Claude Code's hooks report: agents it ran, sessions, unreadable input. */
final class HookLog extends LogWriter {

  HookLog(ExecutionLog log, Clock clock, String taskId, String sessionId) {
    super(log, clock, taskId, sessionId);
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
      data.put("result_summary", Text.preview(message, PREVIEW));
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
    details.put("hook_event", Text.preview(hookEvent, 80));
    details.put("problem", Text.preview(problem, PREVIEW));
    stateChanged("hook_input_unreadable", details);
  }
}
