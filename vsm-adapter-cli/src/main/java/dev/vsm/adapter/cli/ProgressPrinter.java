package dev.vsm.adapter.cli;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.domain.cycle.ToolCall;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on stderr: one line per phase and per agent with the elapsed seconds and the agent's
 * outcome, and with {@code -v} one line per tool an agent uses. When stderr is a terminal that can
 * take it (see {@link Terminal#liveProgress()}) a live line under them shows each running agent's
 * current tool and its target ({@code s1-backend: Edit src/auth/login.py}) and the time, cut to the
 * terminal's width. Text from tasks and agents is escaped.
 */
final class ProgressPrinter implements ProgressListener, AutoCloseable {

  /** The width of a live line when the terminal's is unknown: a wrapped line cannot be redrawn. */
  static final int DEFAULT_WIDTH = 80;

  private final PrintWriter err;
  private final boolean live;
  private final boolean toolLines;
  private final int width;
  private final long start = System.nanoTime();
  private final Map<String, String> running = new LinkedHashMap<>();
  private final Map<String, Long> began = new LinkedHashMap<>();
  private ScheduledExecutorService ticker;
  private boolean liveLineShown;

  ProgressPrinter(PrintWriter err, boolean live) {
    this(err, live, false, 0);
  }

  /**
   * @param toolLines a line for each tool an agent uses ({@code -v})
   * @param width the terminal's columns, 0 when unknown
   */
  ProgressPrinter(PrintWriter err, boolean live, boolean toolLines, int width) {
    this.err = err;
    this.live = live;
    this.toolLines = toolLines;
    this.width = width > 0 ? width : DEFAULT_WIDTH;
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
    err.print(
        "["
            + HumanFormat.right(HumanFormat.fixed(seconds(start), 1), 6)
            + "s] "
            + HumanFormat.printable(text)
            + "\n");
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
      List<String> agents = new ArrayList<>();
      running.forEach((agent, doing) -> agents.add(doing == null ? agent : agent + ": " + doing));
      String text =
          HumanFormat.printable(
              "  ... "
                  + String.join(" · ", agents)
                  + (running.values().stream().allMatch(d -> d == null) ? " running" : "")
                  + " ("
                  + HumanFormat.fixed(seconds(start), 0)
                  + "s)");
      // One column short of the edge: a line that fills it wraps on some terminals.
      err.print(HumanFormat.shorten(text, width - 1));
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
      running.put(agent, null);
      began.put(agent, System.nanoTime());
    }
    line("  " + agent + " started");
  }

  @Override
  public void toolUsed(String agent, ToolCall call) {
    String doing = doing(call);
    synchronized (this) {
      if (running.containsKey(agent)) {
        running.put(agent, doing);
      }
    }
    if (toolLines) {
      line("    " + agent + ": " + doing);
    } else {
      redraw();
    }
  }

  /** {@code Edit src/auth/login.py}; a command's first line only. */
  private static String doing(ToolCall call) {
    String target = call.target().strip().lines().findFirst().orElse("");
    return target.isEmpty() ? call.tool() : call.tool() + " " + HumanFormat.shorten(target, 100);
  }

  @Override
  public void agentFinished(AgentResult r) {
    Long startedAt;
    synchronized (this) {
      running.remove(r.agent());
      startedAt = began.remove(r.agent());
    }
    String outcome =
        r.success()
            ? "ok"
            : "FAILED ("
                + r.failure().name().toLowerCase(Locale.ROOT)
                + ": "
                + HumanFormat.shorten(r.error() == null ? "" : r.error().replace('\n', ' '), 120)
                + ")";
    double took = startedAt == null ? r.duration().toMillis() / 1000.0 : seconds(startedAt);
    line(
        "  "
            + r.agent()
            + " "
            + outcome
            + " in "
            + HumanFormat.fixed(took, 1)
            + "s"
            + (r.costUsd() > 0 ? ", $" + HumanFormat.fixed(r.costUsd(), 4) : ""));
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
