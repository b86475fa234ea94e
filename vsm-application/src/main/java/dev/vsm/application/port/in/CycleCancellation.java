package dev.vsm.application.port.in;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a caller stop a running cycle (Ctrl-C): every thread working for the cycle registers here
 * and is interrupted on {@link #cancel()}, which stops its agent.
 */
public final class CycleCancellation {

  private volatile boolean cancelled;
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();

  public void cancel() {
    cancelled = true;
    workers.forEach(Thread::interrupt);
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Registers the current thread until the returned handle is closed. */
  public Registration register() {
    Thread t = Thread.currentThread();
    workers.add(t);
    if (cancelled) {
      t.interrupt();
    }
    return () -> workers.remove(t);
  }

  /** Ends a registration. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
