package dev.vsm.application.port.in;

import java.util.List;

/** Deletes the state files (not the log) and names what it removed. */
public interface ResetStateUseCase {
  List<String> reset();
}
