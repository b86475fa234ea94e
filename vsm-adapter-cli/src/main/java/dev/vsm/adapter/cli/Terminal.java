package dev.vsm.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What vsm knows of the terminal it runs in: which of stdin, stdout and stderr are terminals, and
 * what the environment asks for ({@code NO_COLOR}, {@code TERM=dumb}, {@code CI}). The JDK only
 * tells whether stdin and stdout both are terminals, so on Linux each stream is looked up in {@code
 * /proc/self/fd}.
 */
final class Terminal {

  /** No stream is a terminal: scripts, pipes, tests. */
  static final Terminal NONE = new Terminal(false, false, false, Map.of());

  private final boolean stdin;
  private final boolean stdout;
  private final boolean stderr;
  private final Map<String, String> environment;
  private int columns = -1;

  Terminal(boolean stdin, boolean stdout, boolean stderr, Map<String, String> environment) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.environment = environment;
  }

  /** The streams of this process. */
  static Terminal detect(Map<String, String> environment) {
    boolean console = System.console() != null;
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return new Terminal(console, console, console, environment);
    }
    return new Terminal(isTty(fds, 0), isTty(fds, 1), isTty(fds, 2), environment);
  }

  private static boolean isTty(Path fds, int fd) {
    try {
      String target = Files.readSymbolicLink(fds.resolve(Integer.toString(fd))).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  boolean stdinIsTerminal() {
    return stdin;
  }

  boolean stdoutIsTerminal() {
    return stdout;
  }

  boolean stderrIsTerminal() {
    return stderr;
  }

  private boolean dumb() {
    return "dumb".equals(environment.get("TERM"));
  }

  /**
   * Whether progress may redraw a live line on stderr: stderr is a terminal that understands escape
   * sequences, and no CI system is capturing it.
   */
  boolean liveProgress() {
    return stderr && !dumb() && !set("CI");
  }

  /** Whether stdout may be coloured: a terminal, not dumb, and no {@code NO_COLOR}. */
  boolean color() {
    return stdout && !dumb() && !set("NO_COLOR");
  }

  private boolean set(String name) {
    String v = environment.get(name);
    return v != null && !v.isEmpty();
  }

  /**
   * The width of stdout in columns, or 0 when stdout is no terminal (no line is then cut): {@code
   * COLUMNS} when exported, else what {@code stty} says of the controlling terminal.
   */
  synchronized int columns() {
    if (columns < 0) {
      columns = stdout ? measure() : 0;
    }
    return columns;
  }

  /** The width of stderr in columns when it is a terminal, else 0: where the live line goes. */
  int stderrColumns() {
    return stderr ? (stdout ? columns() : measure()) : 0;
  }

  private int measure() {
    String env = environment.get("COLUMNS");
    if (env != null && env.matches("\\d{1,4}") && Integer.parseInt(env) > 0) {
      return Integer.parseInt(env);
    }
    try {
      Process p =
          new ProcessBuilder("stty", "size")
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String answer;
      try (InputStream in = p.getInputStream()) {
        answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      }
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return 0;
      }
      String[] parts = answer.split(" ");
      return parts.length == 2 ? Math.max(0, Integer.parseInt(parts[1])) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "Terminal[stdin=%s, stdout=%s, stderr=%s]", stdin, stdout, stderr);
  }
}
