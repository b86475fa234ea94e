package dev.vsm.adapter.cli;

/** A mistake in how vsm was called: exit 2 with a one-line message that says the fix. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
