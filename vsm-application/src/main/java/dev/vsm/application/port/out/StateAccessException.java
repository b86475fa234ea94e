package dev.vsm.application.port.out;

/**
 * The state or log cannot be read or written (directory not writable, disk full, a corrupt file
 * that cannot be moved aside). The message names the path and what to do.
 */
public class StateAccessException extends RuntimeException {
  public StateAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
