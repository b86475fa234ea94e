package dev.vsm.adapter.cli;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.ProgressListener;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on stderr: one line per phase and per agent with the elapsed seconds and the agent's
 * outcome. When stderr is a terminal that can take it (see {@link Terminal#liveProgress()}) a live
 * line under them shows the running agents and the time. Text from tasks and agents is escaped.
 */
final class ProgressPrinter implements ProgressListener, AutoCloseable {

  private final PrintWriter err;
  private final boolean live;
  private final long start = System.nanoTime();
  private final Map<String, Long> running = new LinkedHashMap<>();
  private ScheduledExecutorService ticker;
  private boolean liveLineShown;

  ProgressPrinter(PrintWriter err, boolean live) {
    this.err = err;
    this.live = live;
    if (live) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "vsm-progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::redraw, 250, 250, TimeUnit.MILLISECONDS);
    }
  }

  private double seconds(long fromNanos) {
    return (System.nanoTime() - fromNanos) / 1e9;
  }

  private synchronized void line(String text) {
    clearLive();
    err.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(start), HumanFormat.printable(text));
    err.flush();
    drawLive();
  }

  private void clearLive() {
    if (liveLineShown) {
      err.print("\r\033[K");
      liveLineShown = false;
    }
  }

  private void drawLive() {
    if (live && !running.isEmpty()) {
      err.printf(
          Locale.ROOT,
          "  ... %s running (%.0fs)",
          HumanFormat.printable(String.join(", ", running.keySet())),
          seconds(start));
      err.flush();
      liveLineShown = true;
    }
  }

  private synchronized void redraw() {
    clearLive();
    drawLive();
  }

  @Override
  public void phaseStarted(String phase) {
    line(phase);
  }

  @Override
  public void agentStarted(String agent) {
    synchronized (this) {
      running.put(agent, System.nanoTime());
    }
    line("  " + agent + " started");
  }

  @Override
  public void agentFinished(AgentResult r) {
    Long began;
    synchronized (this) {
      began = running.remove(r.agent());
    }
    String outcome =
        r.success()
            ? "ok"
            : "FAILED ("
                + r.failure().name().toLowerCase(Locale.ROOT)
                + ": "
                + HumanFormat.shorten(r.error() == null ? "" : r.error().replace('\n', ' '), 120)
                + ")";
    line(
        String.format(
            Locale.ROOT,
            "  %s %s in %.1fs%s",
            r.agent(),
            outcome,
            began == null ? r.duration().toMillis() / 1000.0 : seconds(began),
            r.costUsd() > 0 ? String.format(Locale.ROOT, ", $%.4f", r.costUsd()) : ""));
  }

  @Override
  public void cycleFinished(String taskId, boolean success) {
    line("cycle " + (success ? "succeeded" : "failed") + " (task " + taskId + ")");
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    clearLive();
    err.flush();
  }
}
