package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.HookEvent;
import dev.vsm.application.port.in.HookOrigin;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.domain.cycle.ToolUse;
import dev.vsm.json.JsonValues;
import dev.vsm.library.Vsm;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON a Claude Code hook hands {@code vsm hook <event>} on standard input, read into a {@link
 * HookEvent}: the fields of Claude Code's hooks reference ({@code session_id}, {@code cwd}, {@code
 * hook_event_name}, {@code tool_name}, {@code tool_input}, {@code tool_response}, {@code agent_id},
 * {@code agent_type}, {@code last_assistant_message}, …), plus the vsm task and agent from the
 * environment vsm gives its own agents ({@code VSM_TASK_ID}, {@code VSM_AGENT}). Whatever is not
 * readable becomes {@link HookEvent.Unreadable}, never an exception.
 *
 * @param event what to record; empty when there is nothing to record (a tool that changes no file)
 * @param cwd the session's working directory ({@code cwd}), null when not given
 */
record HookInput(Optional<HookEvent> event, String cwd) {

  /** The hook events vsm handles: the name {@code vsm hook} takes, and Claude Code's. */
  enum Event {
    SESSION_START("session-start", "SessionStart"),
    POST_TOOL_USE("post-tool-use", "PostToolUse"),
    SUBAGENT_START("subagent-start", "SubagentStart"),
    SUBAGENT_STOP("subagent-stop", "SubagentStop"),
    SESSION_END("session-end", "SessionEnd");

    final String argument;
    final String claudeName;

    Event(String argument, String claudeName) {
      this.argument = argument;
      this.claudeName = claudeName;
    }

    // A loop: a hook runs on every tool use, and the first lambda or stream of a process costs
    // it ~12 ms of set-up (HookProcessIT#post_tool_use_starts_no_lambda).
    static Optional<Event> of(String argument) {
      for (Event e : values()) {
        if (e.argument.equals(argument)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    static String names() {
      return Arrays.stream(values()).map(e -> e.argument).collect(Collectors.joining(", "));
    }
  }

  /** Bigger input is refused unread: a hook must stay fast. */
  static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

  private static final int MAX_NAME = 200;
  private static final int MAX_PATH = 4096;

  /**
   * Reads the input of {@code vsm hook <event>}.
   *
   * @param viaPlugin true when the plugin's hooks made the call
   */
  static HookInput read(String event, String stdin, Map<String, String> env, boolean viaPlugin) {
    Object root = null;
    String problem = null;
    Optional<Event> known = Event.of(event);
    if (known.isEmpty()) {
      problem = "unknown hook event '" + event + "' (vsm handles " + Event.names() + ")";
    } else if (stdin == null || stdin.isBlank()) {
      problem = "no JSON on standard input";
    } else {
      try {
        root = JsonValues.read(stdin);
        if (!(root instanceof Map)) {
          problem = "standard input is JSON but not an object";
        }
      } catch (JsonValues.MalformedJson e) {
        problem = "standard input is not JSON: " + firstLine(e.getMessage());
      }
    }
    Map<?, ?> in = root instanceof Map<?, ?> m ? m : Map.of();
    HookOrigin origin =
        new HookOrigin(
            text(in, "session_id", MAX_NAME),
            env.get(AgentRequest.TASK_VARIABLE),
            env.get(AgentRequest.AGENT_VARIABLE),
            text(in, "agent_type", MAX_NAME),
            text(in, "agent_id", MAX_NAME),
            viaPlugin);
    String cwd = text(in, "cwd", MAX_PATH);
    if (problem == null) {
      String named = text(in, "hook_event_name", MAX_NAME);
      if (named != null && !named.equals(known.get().claudeName)) {
        problem = "the input is a " + named + " event, not " + known.get().claudeName;
      }
    }
    if (problem != null) {
      return new HookInput(Optional.of(new HookEvent.Unreadable(origin, event, problem)), cwd);
    }
    return new HookInput(event(known.get(), in, origin), cwd);
  }

  /** A call whose input could not be read at all. */
  static HookInput unreadable(
      String event, Map<String, String> env, boolean viaPlugin, String problem) {
    HookOrigin origin =
        new HookOrigin(
            null,
            env.get(AgentRequest.TASK_VARIABLE),
            env.get(AgentRequest.AGENT_VARIABLE),
            null,
            null,
            viaPlugin);
    return new HookInput(Optional.of(new HookEvent.Unreadable(origin, event, problem)), null);
  }

  private static Optional<HookEvent> event(Event kind, Map<?, ?> in, HookOrigin origin) {
    return switch (kind) {
      case SESSION_START ->
          Optional.of(new HookEvent.SessionStarted(origin, text(in, "source", MAX_NAME)));
      case SESSION_END ->
          Optional.of(new HookEvent.SessionEnded(origin, text(in, "reason", MAX_NAME)));
      case SUBAGENT_START -> Optional.of(new HookEvent.AgentStarted(origin));
      case SUBAGENT_STOP -> {
        String message = text(in, "last_assistant_message", Integer.MAX_VALUE);
        yield Optional.of(
            new HookEvent.AgentStopped(origin, message, Vsm.agentReport(message).orElse(null)));
      }
      case POST_TOOL_USE -> toolUse(in, origin);
    };
  }

  private static Optional<HookEvent> toolUse(Map<?, ?> in, HookOrigin origin) {
    String tool = text(in, "tool_name", MAX_NAME);
    Object input = in.get("tool_input");
    if (tool == null) {
      return unreadable(origin, "PostToolUse input has no tool_name");
    }
    if (!ToolUse.CHANGING_TOOLS.contains(tool)) {
      return Optional.empty(); // it changed nothing
    }
    if (!(input instanceof Map)) {
      return unreadable(origin, tool + " input has no tool_input object");
    }
    if (in.get("tool_response") instanceof Map<?, ?> response
        && Boolean.TRUE.equals(response.get("staged"))) {
      return Optional.empty(); // held for review: the file is unchanged
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = (Map<String, Object>) input;
    Optional<ToolUse> use = ToolUse.of(tool, fields);
    if (use.isEmpty()) {
      return unreadable(origin, tool + " input names no file or command");
    }
    ToolUse u = use.get();
    if (u.filePath() != null && u.filePath().length() > MAX_PATH) {
      return unreadable(origin, tool + " names a path longer than " + MAX_PATH + " characters");
    }
    return Optional.of(new HookEvent.ToolUsed(origin, u));
  }

  private static Optional<HookEvent> unreadable(HookOrigin origin, String problem) {
    return Optional.of(new HookEvent.Unreadable(origin, Event.POST_TOOL_USE.argument, problem));
  }

  /** A string field, cut to {@code max} characters; null when absent, not text or blank. */
  private static String text(Map<?, ?> in, String field, int max) {
    if (!(in.get(field) instanceof String s) || s.isBlank()) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
