package dev.vsm.domain.cycle;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One use of a tool that changes the project, as Claude Code reports it: the file an edit changed
 * ({@code Edit}, {@code Write}, {@code MultiEdit}, {@code NotebookEdit}) or the command a shell ran
 * ({@code Bash}, which may change anything). Other tools only read, and are not recorded.
 *
 * @param filePath the changed file as the tool named it (absolute in Claude Code), null for Bash
 * @param command the shell command, null for the file tools
 */
public record ToolUse(String tool, String filePath, String command) {

  /** The tools whose uses are recorded: they change files. */
  public static final Set<String> CHANGING_TOOLS =
      Set.of("Edit", "Write", "MultiEdit", "NotebookEdit", "Bash");

  public ToolUse {
    Objects.requireNonNull(tool, "tool");
  }

  /**
   * The use of {@code tool} with the given input (the tool's {@code tool_input} object), when the
   * tool changes files and its input names what it changed; empty otherwise.
   */
  public static Optional<ToolUse> of(String tool, Map<String, ?> input) {
    if (tool == null || !CHANGING_TOOLS.contains(tool) || input == null) {
      return Optional.empty();
    }
    String key =
        switch (tool) {
          case "Bash" -> "command";
          case "NotebookEdit" -> "notebook_path";
          default -> "file_path";
        };
    if (!(input.get(key) instanceof String value) || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        tool.equals("Bash") ? new ToolUse(tool, null, value) : new ToolUse(tool, value, null));
  }

  /** True when this use names the file it changed. */
  public boolean changesFile() {
    return filePath != null;
  }

  /**
   * This use as if made in {@code to} rather than {@code from}: an agent working in a separate
   * checkout of the project names files there, and they are the project's files. Files outside
   * {@code from} and commands stay as they are.
   */
  public ToolUse movedTo(Path from, Path to) {
    if (filePath == null || from.equals(to)) {
      return this;
    }
    String relative = within(filePath, from);
    return relative.equals(filePath)
        ? this
        : new ToolUse(tool, to.resolve(relative).toString(), null);
  }

  /**
   * {@code path} relative to {@code directory} when it is an absolute path inside it, else itself.
   */
  static String within(String path, Path directory) {
    if (path == null || !path.startsWith("/")) {
      return path;
    }
    try {
      Path p = Path.of(path).normalize();
      return p.startsWith(directory) && !p.equals(directory)
          ? directory.relativize(p).toString()
          : path;
    } catch (InvalidPathException e) {
      return path;
    }
  }

  /**
   * The changed file relative to {@code directory} when inside it, else as named; null for Bash.
   */
  public String fileWithin(Path directory) {
    return filePath == null ? null : within(filePath, directory);
  }
}
