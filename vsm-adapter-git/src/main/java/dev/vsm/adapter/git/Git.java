package dev.vsm.adapter.git;

import dev.vsm.application.port.out.Workspaces.WorkspaceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code git} as a child process in one directory: no shell, nothing on standard input, no prompt
 * (no terminal, no pager, no editor), the user's and the system's configuration read as usual but
 * no hook run by what vsm asks. Waits out an interrupt (the cycle was cancelled) so that cleaning
 * up still completes, and keeps the interrupt for the caller.
 */
final class Git {

  /** The most one git command may take; none of vsm's reaches the network. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** What a git command printed and how it ended. */
  record Result(int exit, String out, String err) {}

  private final String command;
  private final Map<String, String> environment;
  private final Path directory;

  Git(String command, Map<String, String> environment, Path directory) {
    this.command = command;
    this.environment = environment;
    this.directory = directory;
  }

  Git in(Path dir) {
    return new Git(command, environment, dir);
  }

  Path directory() {
    return directory;
  }

  /** Runs {@code args}; a non-zero exit is an error naming the command and what git said. */
  String run(String... args) {
    return run(Map.of(), args);
  }

  String run(Map<String, String> env, String... args) {
    Result r = call(env, args);
    if (r.exit() != 0) {
      throw new WorkspaceException(
          "git " + String.join(" ", args) + " failed in " + directory + ": " + firstLine(r));
    }
    return r.out();
  }

  /** Runs {@code args} and returns how it ended, whatever the exit code. */
  Result call(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(command);
    cmd.add("-c");
    cmd.add("core.hooksPath=/dev/null");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(directory.toFile());
    Map<String, String> e = pb.environment();
    e.clear();
    e.putAll(environment);
    // A git environment of the caller's (a hook running vsm) must not point these commands at it.
    List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR")
        .forEach(e::remove);
    e.put("GIT_TERMINAL_PROMPT", "0");
    e.put("GIT_PAGER", "cat");
    e.put("GIT_EDITOR", "true");
    e.put("GIT_AUTHOR_NAME", "vsm");
    e.put("GIT_AUTHOR_EMAIL", "vsm@localhost");
    e.put("GIT_COMMITTER_NAME", "vsm");
    e.put("GIT_COMMITTER_EMAIL", "vsm@localhost");
    e.putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p;
    try {
      p = pb.start();
    } catch (IOException ex) {
      throw new WorkspaceException(
          "cannot run " + command + " (" + ex.getMessage() + "): install git or put it on PATH");
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread drain = drain(p.getErrorStream(), err);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean interrupted = false;
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    } catch (IOException ex) {
      // the process ended; what it printed is kept
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          p.destroyForcibly();
          throw new WorkspaceException("git " + String.join(" ", args) + " took over " + TIMEOUT);
        }
        drain.join(TimeUnit.SECONDS.toMillis(5));
        break;
      } catch (InterruptedException ex) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return new Result(
        p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              try (in) {
                in.transferTo(sink);
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "vsm-git-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String firstLine(Result r) {
    String text = r.err().isBlank() ? r.out() : r.err();
    String line = text.strip().lines().findFirst().orElse("exit code " + r.exit());
    return line.length() <= 300 ? line : line.substring(0, 299) + "…";
  }
}
