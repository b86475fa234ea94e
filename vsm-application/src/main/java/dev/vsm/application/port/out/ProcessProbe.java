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
          return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
      };
}
