package dev.vsm.adapter.filesystem;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps written by this adapter: UTC, microseconds, {@code Z}. */
final class CycleClock {
  private CycleClock() {}

  static String now(Clock clock) {
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS).toString();
  }
}
