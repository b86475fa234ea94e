package dev.vsm.application.port.out;

import dev.vsm.domain.cycle.ToolCall;

/**
 * Hears what a running agent does, as it does it: each tool it uses. Called from the runner's
 * threads while the agent runs; must be quick.
 */
@FunctionalInterface
public interface AgentActivity {

  AgentActivity NONE = call -> {};

  void toolUsed(ToolCall call);
}
