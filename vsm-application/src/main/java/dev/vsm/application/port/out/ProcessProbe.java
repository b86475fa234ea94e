package dev.vsm.application.port.out;

/**
 * Which process runs a cycle and whether a process still lives: how a cycle recognises a task left
 * {@code in_progress} by a vsm process that was killed.
 */
public interface ProcessProbe {

  long currentPid();

  boolean isAlive(long pid);

  /** The operating system's answer, through the JDK. */
  ProcessProbe JDK =
      new ProcessProbe() {
        @Override
        public long currentPid() {
          return ProcessHandle.current().pid();
        }

        @Override
        public boolean isAlive(long pid) {
          // No method reference: `state` and session-start ask this (~12 ms for a first lambda).
          java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid);
          return process.isPresent() && process.get().isAlive();
        }
      };
}
