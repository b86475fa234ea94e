package dev.vsm.application.port.in;

/**
 * No agent can run here (the claude command is missing, or it is not logged in): the cycle stopped
 * at the first agent and its task is recorded failed. The message says how to fix it.
 */
public final class AgentEnvironmentException extends RuntimeException {
  private final String taskId;

  public AgentEnvironmentException(String taskId, String message) {
    super(message);
    this.taskId = taskId;
  }

  public String taskId() {
    return taskId;
  }
}
