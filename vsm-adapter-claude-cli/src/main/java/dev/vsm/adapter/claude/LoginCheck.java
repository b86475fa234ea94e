package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentEnvironmentProbe;
import dev.vsm.application.port.out.AgentEnvironmentProbe.Login;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code claude auth status} asked on a daemon thread of its own, so that the second the CLI takes
 * to start passes while vsm sets the cycle up; the cycle waits for the answer before its task
 * exists. A check still running when whoever waits for it is interrupted, or when the JVM exits,
 * has its process stopped as the probe stops it on interruption.
 */
final class LoginCheck {

  /** How long an exit or an interruption waits for the probe to stop its process. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final CompletableFuture<Login> answer = new CompletableFuture<>();
  private final Thread thread;
  private final Thread onExit;

  private LoginCheck(AgentEnvironmentProbe probe) {
    this.thread = new Thread(() -> ask(probe), "vsm-login-check");
    this.thread.setDaemon(true);
    this.onExit = new Thread(this::stop, "vsm-login-check-stop");
  }

  /** A check of {@code probe}'s login, already started. */
  static LoginCheck start(AgentEnvironmentProbe probe) {
    LoginCheck check = new LoginCheck(probe);
    try {
      Runtime.getRuntime().addShutdownHook(check.onExit);
    } catch (IllegalStateException exiting) {
      check.answer.complete(new Login(null, null, "vsm is exiting"));
      return check;
    }
    check.thread.start();
    return check;
  }

  private void ask(AgentEnvironmentProbe probe) {
    try {
      answer.complete(probe.login());
    } catch (RuntimeException | Error e) {
      answer.complete(new Login(null, null, "cannot ask for the login: " + e));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException exiting) {
        // the hook is running or about to: it stops nothing that is still running
      }
    }
  }

  /**
   * The CLI's answer, waited for; an interruption stops the check, keeps the thread's interrupt
   * status and gives an answer that is no problem (the cycle, cancelled, finds its own way out).
   */
  Login answer() {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      stop();
      Thread.currentThread().interrupt();
      return new Login(null, null, "interrupted");
    } catch (ExecutionException e) {
      return new Login(null, null, "cannot ask for the login: " + e.getCause());
    }
  }

  /** Interrupts the check, whose probe then stops its process, and waits for that a little. */
  private void stop() {
    thread.interrupt();
    try {
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
