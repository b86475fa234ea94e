package dev.vsm.application.port.in;

import dev.vsm.application.port.out.StateSnapshot;

/** Reads the whole state for display. */
public interface ShowStateUseCase {
  StateSnapshot state();
}
