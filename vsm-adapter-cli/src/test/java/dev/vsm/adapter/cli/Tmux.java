package dev.vsm.adapter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A real terminal for tests: a detached tmux session on a server of its own, running one shell
 * command; the test reads the screen (capture-pane), the raw bytes the program wrote to it
 * (pipe-pane) and types (send-keys). The command starts only once the recording runs.
 */
final class Tmux implements AutoCloseable {

  /** The terminal's width. */
  static final int COLUMNS = 160;

  private final String socket =
      "vsm-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  private final Path dir;
  private final Path raw;

  /** Skips the test where tmux is missing, except under CI (which installs it). */
  static void require() {
    boolean present;
    try {
      present = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      present = false;
    }
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("CI must install tmux (.ci/run does) for the terminal tests");
    }
    Assumptions.assumeTrue(present, "tmux is not installed");
  }

  /** Starts {@code command} (a shell command line) in a 160x50 terminal in {@code dir}. */
  Tmux(Path dir, String command) throws IOException {
    this.dir = dir;
    this.raw = Files.createTempFile("tmux-raw-", ".txt");
    Path go = raw.resolveSibling(raw.getFileName() + ".go");
    String shell =
        "while [ ! -e '"
            + go
            + "' ]; do sleep 0.02; done; "
            + command
            + "; echo \"[exit $?]\"; sleep 600";
    tmux(
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        String.valueOf(COLUMNS),
        "-y",
        "50",
        "-c",
        dir.toString(),
        shell);
    tmux("pipe-pane", "-t", "t", "-o", "cat >> '" + raw + "'");
    Files.writeString(go, "");
  }

  /** Single quotes for the shell. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  static String quote(List<String> words) {
    return String.join(" ", words.stream().map(Tmux::quote).toList());
  }

  private String tmux(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** What the screen shows now. */
  String screen() throws IOException {
    return tmux("capture-pane", "-p", "-t", "t");
  }

  /** Every byte written to the terminal so far. */
  String raw() throws IOException {
    return Files.readString(raw, StandardCharsets.ISO_8859_1);
  }

  void type(String... keys) throws IOException {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  /**
   * Waits until the screen satisfies {@code condition}, up to {@code limit}; returns the screen.
   */
  String await(Predicate<String> condition, Duration limit) throws IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    String screen = screen();
    while (!condition.test(screen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the terminal never showed what was awaited; it shows:\n" + screen);
      }
      try {
        Thread.sleep(20); // polling tmux: there is no event to wait on
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      screen = screen();
    }
    return screen;
  }

  /** Waits for the command's end and returns its exit code. */
  int awaitExit(Duration limit) throws IOException {
    String screen = await(s -> s.contains("[exit "), limit);
    int at = screen.indexOf("[exit ") + 6;
    return Integer.parseInt(screen.substring(at, screen.indexOf(']', at)));
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() throws IOException {
    try {
      tmux("kill-server");
    } catch (IOException e) {
      // already gone
    }
    Files.deleteIfExists(raw.resolveSibling(raw.getFileName() + ".go"));
    Files.deleteIfExists(raw);
  }
}
