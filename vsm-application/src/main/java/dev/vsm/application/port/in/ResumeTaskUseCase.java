package dev.vsm.application.port.in;

/**
 * Goes on with a task from its saved plan: applies a planned task, or resumes one that did not
 * finish (failed, interrupted, abandoned by a killed process, stopped by its budget or time limit).
 * Phases that finished are not run again, nor S1 agents that succeeded.
 */
public interface ResumeTaskUseCase {

  /**
   * @throws ResumeRefusedException when the task has no plan, has completed, is not planned (for an
   *     apply), or is being run by another process
   * @throws AgentEnvironmentException when no agent can run
   * @throws CycleInterruptedException when cancelled
   */
  CycleResult resume(ResumeCommand command);
}
