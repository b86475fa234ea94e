package dev.vsm.application.port.in;

import dev.vsm.domain.cycle.ToolUse;
import java.util.Map;
import java.util.Objects;

/** What a Claude Code hook reports, read from the JSON it hands the hook on standard input. */
public sealed interface HookEvent {

  HookOrigin origin();

  /** A file-changing tool was used ({@code PostToolUse}). */
  record ToolUsed(HookOrigin origin, ToolUse use) implements HookEvent {
    public ToolUsed {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(use, "use");
    }
  }

  /** An agent started ({@code SubagentStart}). */
  record AgentStarted(HookOrigin origin) implements HookEvent {
    public AgentStarted {
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * An agent finished ({@code SubagentStop}).
   *
   * @param lastMessage its final reply ({@code last_assistant_message}), may be empty
   * @param report the JSON object that reply ends with, null when it has none
   */
  record AgentStopped(HookOrigin origin, String lastMessage, Map<String, Object> report)
      implements HookEvent {
    public AgentStopped {
      Objects.requireNonNull(origin, "origin");
      lastMessage = lastMessage == null ? "" : lastMessage;
      // A copy that keeps JSON nulls (Map.copyOf refuses them).
      report =
          report == null
              ? null
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(report));
    }
  }

  /** A session started ({@code SessionStart}); {@code source} is startup, resume, clear, … */
  record SessionStarted(HookOrigin origin, String source) implements HookEvent {
    public SessionStarted {
      Objects.requireNonNull(origin, "origin");
    }
  }

  /** A session ended ({@code SessionEnd}); {@code reason} is Claude Code's. */
  record SessionEnded(HookOrigin origin, String reason) implements HookEvent {
    public SessionEnded {
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * A hook call vsm could not read: not JSON, the wrong event, fields missing or of the wrong type.
   *
   * @param event the event the hook was called for, as given
   * @param problem what was wrong, in one line
   */
  record Unreadable(HookOrigin origin, String event, String problem) implements HookEvent {
    public Unreadable {
      Objects.requireNonNull(origin, "origin");
    }
  }
}
