package dev.vsm.application.port.in;

/**
 * Plans a task with the real agents — S4, S3 (and S5 when it must approve) and S2 — and saves the
 * plan under the task's id, running no S1 agent; {@link ResumeTaskUseCase} applies it.
 */
public interface PlanTaskUseCase {

  /**
   * @throws AgentEnvironmentException when no agent can run (nothing is planned or recorded)
   */
  PlannedTask planTask(RunCycleCommand command);
}
