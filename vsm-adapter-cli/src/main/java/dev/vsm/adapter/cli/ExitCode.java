package dev.vsm.adapter.cli;

/** The exit codes of §7. */
final class ExitCode {
  static final int SUCCESS = 0;
  static final int CYCLE_FAILED = 1;
  static final int USAGE = 2;
  static final int ENVIRONMENT = 3;
  static final int INTERRUPTED = 130;

  private ExitCode() {}
}
