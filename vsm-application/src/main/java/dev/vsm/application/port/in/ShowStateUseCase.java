package dev.vsm.application.port.in;

import dev.vsm.domain.state.StateSnapshot;

/** Reads the whole state for display. */
public interface ShowStateUseCase {
  StateSnapshot state();
}
