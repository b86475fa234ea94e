package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentEnvironmentProbe;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.Diagnostics;
import java.util.Map;
import java.util.Optional;

/** The one way in to the Claude CLI adapter. */
public final class ClaudeAdapters {

  private ClaudeAdapters() {}

  /** An agent runner that runs each agent as one {@code claude -p} process. */
  public static AgentRunner agentRunner(ClaudeSettings settings, Diagnostics diagnostics) {
    return new ClaudeProcessRunner(
        settings, new AgentDefinitions(settings.pluginRoot()), diagnostics);
  }

  /**
   * The report at the end of an agent's message (a hook's {@code last_assistant_message}), read as
   * the runner reads reply text: the last complete JSON object; empty when there is none.
   */
  public static Optional<Map<String, Object>> reportIn(String message) {
    return new ReplyText().lastObject(message);
  }

  /**
   * Asks the Claude Code CLI of {@code settings} for its version and login, each answer within
   * {@code timeout}; nothing is cached between calls of different probes.
   */
  public static AgentEnvironmentProbe environmentProbe(
      ClaudeSettings settings, java.time.Duration timeout) {
    return new ClaudeEnvironmentProbe(settings, timeout);
  }

  /**
   * The permission modes of {@code --permission-mode}: those of Claude Code 2.1 ({@code default})
   * and of the versions that call it {@code manual}; the CLI itself refuses what it does not know.
   */
  public static final java.util.List<String> PERMISSION_MODES =
      java.util.List.of(
          "acceptEdits", "auto", "bypassPermissions", "default", "manual", "dontAsk", "plan");
}
