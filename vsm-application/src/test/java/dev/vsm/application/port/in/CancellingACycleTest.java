package dev.vsm.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cancelling interrupts every thread registered for the cycle, and a thread registering after the
 * cancel is interrupted at once; a closed registration is left alone.
 */
class CancellingACycleTest {

  @Test
  void a_registered_thread_is_interrupted_by_the_cancel() {
    CycleCancellation c = new CycleCancellation();
    try (CycleCancellation.Registration r = c.register()) {
      c.cancel();

      assertThat(Thread.interrupted()).isTrue();
      assertThat(c.isCancelled()).isTrue();
    }
  }

  @Test
  void a_thread_registering_after_the_cancel_is_interrupted_at_once() {
    CycleCancellation c = new CycleCancellation();
    c.cancel();

    try (CycleCancellation.Registration r = c.register()) {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void a_registration_that_was_closed_is_not_interrupted() {
    CycleCancellation c = new CycleCancellation();
    c.register().close();

    c.cancel();

    assertThat(Thread.interrupted()).isFalse();
  }

  @Test
  void a_thread_registering_before_any_cancel_runs_on() {
    CycleCancellation c = new CycleCancellation();
    try (CycleCancellation.Registration r = c.register()) {
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
      assertThat(c.isCancelled()).isFalse();
    }
  }
}
