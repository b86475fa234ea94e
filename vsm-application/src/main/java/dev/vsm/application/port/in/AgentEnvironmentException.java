package dev.vsm.application.port.in;

import dev.vsm.application.port.out.AgentResult;

/**
 * No agent can run here (the claude command is missing, or it is not logged in): the cycle stopped
 * at the first agent and its task is recorded failed. The message says how to fix it.
 */
public final class AgentEnvironmentException extends RuntimeException {
  private final AgentResult.Failure failure;
  private final String taskId;

  public AgentEnvironmentException(String taskId, AgentResult.Failure failure, String message) {
    super(message);
    this.taskId = taskId;
    this.failure = failure;
  }

  public AgentResult.Failure failure() {
    return failure;
  }

  public String taskId() {
    return taskId;
  }
}
