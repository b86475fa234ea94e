package dev.vsm.domain.cycle;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One tool use of a running agent, as its stream reports it: the tool, what it works on (a file, a
 * command, a pattern; empty when the input names nothing) and, for the tools that change the
 * project, the change ({@link ToolUse}).
 */
public record ToolCall(String tool, String target, Optional<ToolUse> change) {

  /** Where a tool's input names what it works on, most telling first. */
  private static final List<String> TARGET_KEYS =
      List.of(
          "file_path",
          "notebook_path",
          "command",
          "pattern",
          "path",
          "url",
          "query",
          "description",
          "skill");

  public ToolCall {
    Objects.requireNonNull(tool, "tool");
    target = target == null ? "" : target;
    change = change == null ? Optional.empty() : change;
  }

  /** The call of {@code tool} with {@code input} (the tool's input object; null for none). */
  public static ToolCall of(String tool, Map<String, ?> input) {
    Optional<ToolUse> change = ToolUse.of(tool, input);
    String target = "";
    if (input != null) {
      for (String key : TARGET_KEYS) {
        if (input.get(key) instanceof String s && !s.isBlank()) {
          target = s;
          break;
        }
      }
    }
    return new ToolCall(tool, target, change);
  }

  /**
   * This call as seen from {@code directory}: a target that is a path inside it is made relative
   * ({@code src/auth/login.py}), anything else stays as it is.
   */
  public ToolCall relativeTo(Path directory) {
    return new ToolCall(tool, ToolUse.within(target, directory), change);
  }
}
