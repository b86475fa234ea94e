package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

  @Test
  void a_file_changed_in_a_separate_checkout_is_the_projects_file() {
    Path checkout = Path.of("/tmp/vsm-worktrees/1-s1-a");
    Path project = Path.of("/home/me/project");
    ToolUse use = new ToolUse("Edit", "/tmp/vsm-worktrees/1-s1-a/src/a.py", null);

    assertThat(use.movedTo(checkout, project).filePath()).isEqualTo("/home/me/project/src/a.py");
    assertThat(use.fileWithin(checkout)).isEqualTo("src/a.py");
    assertThat(new ToolUse("Edit", "/etc/hosts", null).movedTo(checkout, project).filePath())
        .isEqualTo("/etc/hosts");
    assertThat(new ToolUse("Edit", "/tmp/vsm-worktrees/1-s1-a/../x", null).fileWithin(checkout))
        .isEqualTo("/tmp/vsm-worktrees/1-s1-a/../x");
    assertThat(new ToolUse("Bash", null, "make").movedTo(checkout, project).command())
        .isEqualTo("make");
  }

  @Test
  void any_tool_call_names_what_it_works_on_and_only_changing_tools_carry_a_change() {
    Path dir = Path.of("/p");
    ToolCall read = ToolCall.of("Read", Map.of("file_path", "/p/src/a.py"));
    ToolCall grep = ToolCall.of("Grep", Map.of("pattern", "TODO", "path", "/p"));
    ToolCall edit = ToolCall.of("Edit", Map.of("file_path", "/p/src/a.py"));
    ToolCall todo = ToolCall.of("TodoWrite", Map.of("todos", java.util.List.of()));

    assertThat(read.relativeTo(dir).target()).isEqualTo("src/a.py");
    assertThat(read.change()).isEmpty();
    assertThat(grep.target()).isEqualTo("TODO");
    assertThat(edit.change()).contains(new ToolUse("Edit", "/p/src/a.py", null));
    assertThat(todo.target()).isEmpty();
    assertThat(ToolCall.of("Bash", null).target()).isEmpty();
  }
}
