package dev.vsm.application.port.in;

/** Runs one VSM cycle on a task. */
public interface RunCycleUseCase {

  /**
   * Runs the cycle. A failed cycle is a result, not an exception.
   *
   * @throws CycleInterruptedException when cancelled (the task is recorded failed first)
   * @throws AgentEnvironmentException when no agent can run (claude missing, not logged in)
   */
  CycleResult run(RunCycleCommand command);
}
