package dev.vsm.application.service;

import dev.vsm.application.document.Timestamps;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.protocol.Replies;
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

  CycleLog(ExecutionLog log, Clock clock, String taskId) {
    this.log = log;
    this.clock = clock;
    this.taskId = taskId;
  }

  static String timestamp(Clock clock) {
    return Timestamps.now(clock);
  }

  void event(EventType type, String agent, Map<String, Object> data) {
    log.append(LogEntry.of(timestamp(clock), type, taskId, agent, data, log.sessionId()));
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
}
