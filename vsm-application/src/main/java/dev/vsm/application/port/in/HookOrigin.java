package dev.vsm.application.port.in;

/**
 * Where a Claude Code hook event comes from: the Claude session, the vsm task and agent when the
 * session is one of a vsm cycle's agents ({@code VSM_TASK_ID}, {@code VSM_AGENT} in its
 * environment), and Claude Code's own agent type and id when the event fired inside an agent.
 *
 * @param viaPlugin true when the plugin's hooks reported it (rather than a hook of the user's own)
 */
public record HookOrigin(
    String sessionId,
    String taskId,
    String vsmAgent,
    String agentType,
    String agentId,
    boolean viaPlugin) {

  /** The prefix Claude Code gives the agents of the {@code vsm} plugin: {@code vsm:s1-tester}. */
  public static final String PLUGIN_AGENT_PREFIX = "vsm:";

  public HookOrigin {
    sessionId = blankToNull(sessionId);
    taskId = blankToNull(taskId);
    vsmAgent = blankToNull(vsmAgent);
    agentType = blankToNull(agentType);
    agentId = blankToNull(agentId);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * The vsm agent this event belongs to: the agent vsm runs ({@code VSM_AGENT}), or one of the
   * plugin's agents ({@code vsm:<name>}); null for Claude Code's own agents and the main session.
   */
  public String agent() {
    if (vsmAgent != null) {
      return vsmAgent;
    }
    if (agentType != null && agentType.startsWith(PLUGIN_AGENT_PREFIX)) {
      return agentType.substring(PLUGIN_AGENT_PREFIX.length());
    }
    return null;
  }
}
