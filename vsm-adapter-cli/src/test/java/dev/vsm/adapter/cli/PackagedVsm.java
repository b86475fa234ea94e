package dev.vsm.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged {@code vsm.jar} (path from failsafe's {@code vsm.jar} property) as a process.
 */
final class PackagedVsm {

  private PackagedVsm() {}

  /**
   * A process builder for {@code vsm ARGS} in {@code cwd}, without the caller's Claude settings.
   */
  static ProcessBuilder builder(Path cwd, List<String> args) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                System.getProperty("vsm.jar")));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().remove("VSM_CLAUDE_COMMAND");
    pb.environment().remove("CLAUDE_SESSION_ID");
    return pb;
  }

  /** What a finished vsm process said. */
  record Result(int code, String out, String err) {}

  /** Runs a process with stdin closed; fails when it takes longer than {@code seconds}. */
  static Result run(ProcessBuilder pb, long seconds) throws Exception {
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("vsm did not finish within " + seconds + " s: " + pb.command());
    }
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
