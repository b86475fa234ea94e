package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolUseTest {

  @Test
  void the_file_tools_name_the_file_they_changed() {
    assertThat(ToolUse.of("Edit", Map.of("file_path", "/p/a.py", "old_string", "x")))
        .contains(new ToolUse("Edit", "/p/a.py", null));
    assertThat(ToolUse.of("Write", Map.of("file_path", "/p/b.py", "content", "")))
        .contains(new ToolUse("Write", "/p/b.py", null));
    assertThat(ToolUse.of("MultiEdit", Map.of("file_path", "/p/c.py")))
        .contains(new ToolUse("MultiEdit", "/p/c.py", null));
    assertThat(ToolUse.of("NotebookEdit", Map.of("notebook_path", "/p/n.ipynb")))
        .contains(new ToolUse("NotebookEdit", "/p/n.ipynb", null));
  }

  @Test
  void a_shell_use_carries_its_command_and_no_file() {
    ToolUse bash = ToolUse.of("Bash", Map.of("command", "rm -rf build")).orElseThrow();

    assertThat(bash.command()).isEqualTo("rm -rf build");
    assertThat(bash.changesFile()).isFalse();
  }

  @Test
  void tools_that_only_read_and_inputs_without_their_target_are_not_uses() {
    assertThat(ToolUse.of("Read", Map.of("file_path", "/p/a.py"))).isEmpty();
    assertThat(ToolUse.of("Grep", Map.of("pattern", "x"))).isEmpty();
    assertThat(ToolUse.of("Edit", Map.of("path", "/p/a.py"))).isEmpty();
    assertThat(ToolUse.of("Edit", Map.of("file_path", 42))).isEmpty();
    assertThat(ToolUse.of("Bash", Map.of("command", " "))).isEmpty();
    assertThat(ToolUse.of(null, Map.of())).isEmpty();
    assertThat(ToolUse.of("Write", null)).isEmpty();
  }
}
