package dev.vsm.adapter.claude;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How vsm runs {@code claude}: the command (a path, or a name looked up on {@code PATH}), the
 * environment the child starts from, the output cap, the grace between SIGTERM and SIGKILL, and the
 * retries for transient API errors.
 *
 * @param command {@code --claude-command}, {@code VSM_CLAUDE_COMMAND} or {@code claude}
 * @param environment the parent environment (the child drops Claude Code's nesting guards)
 * @param pluginRoot {@code CLAUDE_PLUGIN_ROOT} when vsm runs inside the plugin, else null
 * @param scratchDirectory where each run's standard output is kept while it runs: {@code TMPDIR}
 *     when it names a directory, else Java's temporary directory
 */
public record ClaudeSettings(
    String command,
    Map<String, String> environment,
    Path pluginRoot,
    long outputCapBytes,
    Duration killGrace,
    int transientRetries,
    Duration retryBackoff,
    Path scratchDirectory) {

  public static final long DEFAULT_OUTPUT_CAP = 16L * 1024 * 1024;
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(5);

  public ClaudeSettings {
    command = command == null || command.isBlank() ? "claude" : command;
    environment = Map.copyOf(environment);
    scratchDirectory =
        scratchDirectory == null ? Path.of(System.getProperty("java.io.tmpdir")) : scratchDirectory;
  }

  /** Settings from the process environment, with the given command (null for the default). */
  public static ClaudeSettings fromEnvironment(String command, Map<String, String> env) {
    String cmd = command != null ? command : env.get("VSM_CLAUDE_COMMAND");
    String plugin = env.get("CLAUDE_PLUGIN_ROOT");
    return new ClaudeSettings(
        cmd,
        env,
        plugin == null || plugin.isBlank() ? null : Path.of(plugin),
        DEFAULT_OUTPUT_CAP,
        DEFAULT_KILL_GRACE,
        2,
        Duration.ofSeconds(2),
        scratch(env.get("TMPDIR")));
  }

  /** {@code TMPDIR} when it names a directory (as other Unix programs read it), else null. */
  private static Path scratch(String tmpdir) {
    if (tmpdir == null || tmpdir.isBlank()) {
      return null;
    }
    Path p = Path.of(tmpdir);
    return p.isAbsolute() && Files.isDirectory(p) ? p : null;
  }

  public ClaudeSettings withRetryBackoff(Duration backoff) {
    return new ClaudeSettings(
        command,
        environment,
        pluginRoot,
        outputCapBytes,
        killGrace,
        transientRetries,
        backoff,
        scratchDirectory);
  }

  public ClaudeSettings withKillGrace(Duration grace) {
    return new ClaudeSettings(
        command,
        environment,
        pluginRoot,
        outputCapBytes,
        grace,
        transientRetries,
        retryBackoff,
        scratchDirectory);
  }
}
