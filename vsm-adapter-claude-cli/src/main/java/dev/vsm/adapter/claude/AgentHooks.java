package dev.vsm.adapter.claude;

import dev.vsm.domain.cycle.ToolUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.ObjectMapper;

/**
 * The hooks vsm hands an S1 agent with {@code claude --settings}: after every use of a
 * file-changing tool, {@code vsm hook post-tool-use} records it. Synchronous on purpose: the
 * agent's last change must be in the log when the agent has exited and the cycle looks for
 * overlaps.
 */
final class AgentHooks {

  /** The PostToolUse matcher: the tools that change files. */
  static final String MATCHER = String.join("|", new TreeSet<>(ToolUse.CHANGING_TOOLS));

  private AgentHooks() {}

  /** The {@code --settings} JSON for {@code hookCommand} (executable first, then arguments). */
  static String settings(ObjectMapper json, List<String> hookCommand) {
    List<String> args = new ArrayList<>(hookCommand.subList(1, hookCommand.size()));
    args.add("post-tool-use");
    Map<String, Object> hook = new LinkedHashMap<>();
    hook.put("type", "command");
    hook.put("command", hookCommand.get(0));
    hook.put("args", args);
    hook.put("timeout", 30);
    Map<String, Object> matcher = new LinkedHashMap<>();
    matcher.put("matcher", MATCHER);
    matcher.put("hooks", List.of(hook));
    return json.writeValueAsString(Map.of("hooks", Map.of("PostToolUse", List.of(matcher))));
  }
}
