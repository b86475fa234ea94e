package dev.vsm.adapter.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
