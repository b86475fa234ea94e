package dev.vsm.application.port.in;

/**
 * No agent can run here (the claude command is missing, it is not logged in, an agent definition
 * cannot be used). Found before the cycle starts, no task exists ({@code taskId} null); found by an
 * agent, the cycle stopped there and its task is recorded failed — in both cases without moving any
 * viability metric. The message says how to fix it.
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
