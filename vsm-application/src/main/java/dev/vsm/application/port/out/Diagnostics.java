package dev.vsm.application.port.out;

/**
 * What adapters and the cycle must tell the user without printing themselves: a corrupt file moved
 * aside, junk log lines skipped, an agent retried. The CLI prints it on stderr.
 */
@FunctionalInterface
public interface Diagnostics {

  Diagnostics NONE = message -> {};

  void warn(String message);
}
