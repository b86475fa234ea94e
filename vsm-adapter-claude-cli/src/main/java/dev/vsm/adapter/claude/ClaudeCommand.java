package dev.vsm.adapter.claude;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finding the {@code claude} executable: a path as given, or a name searched on {@code PATH}. */
final class ClaudeCommand {

  private ClaudeCommand() {}

  static Path resolve(String command, Map<String, String> env) {
    if (command.contains(File.separator)) {
      Path p = Path.of(command);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? p.toAbsolutePath() : null;
    }
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, command);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toAbsolutePath();
      }
    }
    return null;
  }

  static String notFoundMessage(String command) {
    return "the Claude Code CLI '"
        + command
        + "' was not found: install it with "
        + "`npm install -g @anthropic-ai/claude-code`, or point vsm at it with --claude-command PATH "
        + "or VSM_CLAUDE_COMMAND";
  }
}
