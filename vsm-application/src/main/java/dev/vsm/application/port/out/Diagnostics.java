package dev.vsm.application.port.out;

/**
 * What adapters and the cycle must tell the user without printing themselves: a corrupt file moved
 * aside, junk log lines skipped, an agent retried. The CLI prints it on stderr.
 */
@FunctionalInterface
public interface Diagnostics {

  // A class, not a lambda: the first lambda of a process costs a short command ~12 ms of set-up.
  Diagnostics NONE =
      new Diagnostics() {
        @Override
        public void warn(String message) {}
      };

  void warn(String message);
}
