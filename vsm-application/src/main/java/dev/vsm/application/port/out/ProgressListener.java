package dev.vsm.application.port.out;

/** Hears the cycle advance, for live progress. Called from the cycle's threads; must be quick. */
public interface ProgressListener {

  ProgressListener NONE = new ProgressListener() {};

  default void phaseStarted(String phase) {}

  default void agentStarted(String agent) {}

  default void agentFinished(AgentResult result) {}

  default void cycleFinished(String taskId, boolean success) {}
}
