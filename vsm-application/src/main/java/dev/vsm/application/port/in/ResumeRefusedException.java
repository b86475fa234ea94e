package dev.vsm.application.port.in;

/**
 * A task cannot be applied or resumed: it has no saved plan, it completed, it is not waiting to be
 * applied, or ({@code busy}) another process is running it right now. The message says which and
 * what to do.
 */
public final class ResumeRefusedException extends RuntimeException {
  private final String taskId;
  private final boolean busy;

  public ResumeRefusedException(String taskId, boolean busy, String message) {
    super(message);
    this.taskId = taskId;
    this.busy = busy;
  }

  public String taskId() {
    return taskId;
  }

  /** Another process is running the task: try again when it has finished. */
  public boolean busy() {
    return busy;
  }
}
