package dev.vsm.library;

/**
 * A rules file that cannot be used: missing, unreadable, not JSON, or holding a rule that is
 * refused. The message is one line naming the file and the place in it.
 */
public final class InvalidRulesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidRulesException(String message) {
    super(message);
  }
}
