package dev.vsm.application.port.out;

import dev.vsm.domain.cycle.ToolCall;

/** Hears the cycle advance, for live progress. Called from the cycle's threads; must be quick. */
public interface ProgressListener {

  ProgressListener NONE = new ProgressListener() {};

  default void phaseStarted(String phase) {}

  default void agentStarted(String agent) {}

  /** A running agent used a tool; its target is relative to the project when inside it. */
  default void toolUsed(String agent, ToolCall call) {}

  default void agentFinished(AgentResult result) {}

  default void cycleFinished(String taskId, boolean success) {}
}
