package dev.vsm.application.testing;

import dev.vsm.application.port.out.IdSource;
import java.util.concurrent.atomic.AtomicInteger;

/** Task ids {@code 00000001}, {@code 00000002}, … */
public final class SequentialIds implements IdSource {
  private final AtomicInteger next = new AtomicInteger();

  @Override
  public String newTaskId() {
    return String.format("%08x", next.incrementAndGet());
  }
}
