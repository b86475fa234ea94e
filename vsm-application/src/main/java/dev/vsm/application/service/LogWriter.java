package dev.vsm.application.service;

import dev.vsm.application.document.Timestamps;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.protocol.Text;
import dev.vsm.domain.cycle.ToolUse;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes log entries for one task: the entries' common frame (time, task, session) and the shapes
 * the cycle and the hooks share. {@link CycleLog} holds the cycle's entries, {@link HookLog} those
 * only Claude Code's hooks report; between them they are the one place that knows each entry's data
 * keys.
 */
abstract class LogWriter {

  static final int PREVIEW = 200;

  private final ExecutionLog log;
  private final Clock clock;
  private final String taskId;
  private final String sessionId;

  /** Entries stamped with {@code sessionId} (a Claude Code session), else the log's own session. */
  LogWriter(ExecutionLog log, Clock clock, String taskId, String sessionId) {
    this.log = log;
    this.clock = clock;
    this.taskId = taskId;
    this.sessionId = sessionId;
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
      data.put("command_preview", Text.preview(use.command(), PREVIEW));
    }
    putIfPresent(data, "agent_type", agentType);
    putIfPresent(data, "agent_id", agentId);
    event(EventType.TOOL_USED, agent, data);
  }

  static void putIfPresent(Map<String, Object> data, String key, String value) {
    if (value != null) {
      data.put(key, value);
    }
  }

  void stateChanged(String change, Map<String, Object> details) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("change", change);
    data.putAll(details);
    event(EventType.STATE_CHANGED, null, data);
  }

  void event(EventType type, String agent, Map<String, Object> data) {
    log.append(
        LogEntry.of(
            Timestamps.now(clock),
            type,
            taskId,
            agent,
            data,
            sessionId == null ? log.sessionId() : sessionId));
  }
}
