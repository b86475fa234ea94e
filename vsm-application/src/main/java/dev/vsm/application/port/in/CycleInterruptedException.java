package dev.vsm.application.port.in;

/** The cycle was cancelled; its task is recorded failed. */
public final class CycleInterruptedException extends RuntimeException {
  private final String taskId;

  public CycleInterruptedException(String taskId) {
    super("cycle for task " + taskId + " was interrupted; the task is marked failed");
    this.taskId = taskId;
  }

  public String taskId() {
    return taskId;
  }
}
