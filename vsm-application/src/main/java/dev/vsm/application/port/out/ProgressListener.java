package dev.vsm.application.port.out;

import dev.vsm.application.port.in.CycleResult;

/** Hears the cycle advance, for live progress. Called from the cycle's threads; must be quick. */
public interface ProgressListener {

  ProgressListener NONE = new ProgressListener() {};

  default void phaseStarted(String phase) {}

  default void agentStarted(String agent) {}

  default void agentFinished(AgentResult result) {}

  default void cycleFinished(CycleResult result) {}
}
