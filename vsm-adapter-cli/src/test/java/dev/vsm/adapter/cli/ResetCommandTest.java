package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vsm reset} asks on a terminal, takes --yes, and refuses to guess without either. */
class ResetCommandTest {

  @TempDir Path dir;
  private Path task;

  private static final Terminal KEYBOARD = new Terminal(true, true, true, Map.of());

  @BeforeEach
  void someState() throws IOException {
    task = Files.createDirectories(dir.resolve(".claude/vsm-state")).resolve("current-task.json");
    Files.writeString(task, "{\"id\": \"t1\", \"description\": \"x\", \"status\": \"completed\"}");
  }

  @Test
  void without_a_terminal_it_needs_yes() {
    InProcessVsm.Run r = new InProcessVsm(dir).stdin("y\n").run("reset");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("confirm with --yes").contains("not a terminal");
    assertThat(task).exists();

    InProcessVsm.Run yes = new InProcessVsm(dir).run("reset", "--yes");
    assertThat(yes.code()).isZero();
    assertThat(yes.out())
        .contains("Removed 1 state file:", "current-task.json", "The execution log was kept.");
    assertThat(task).doesNotExist();
  }

  @Test
  void on_a_terminal_it_asks_and_deletes_only_on_yes() {
    InProcessVsm.Run no = new InProcessVsm(dir).terminal(KEYBOARD).stdin("n\n").run("reset");
    assertThat(no.code()).isZero();
    assertThat(no.out())
        .contains("(the execution log is kept)? [y/N] ")
        .contains("Nothing was deleted.");
    assertThat(task).exists();

    InProcessVsm.Run enter = new InProcessVsm(dir).terminal(KEYBOARD).stdin("\n").run("reset");
    assertThat(enter.out()).contains("Nothing was deleted.");
    assertThat(task).exists();

    InProcessVsm.Run yes = new InProcessVsm(dir).terminal(KEYBOARD).stdin("yes\n").run("reset");
    assertThat(yes.out()).contains("Removed 1 state file:");
    assertThat(task).doesNotExist();
  }

  @Test
  void the_python_form_never_asks() {
    InProcessVsm.Run r = new InProcessVsm(dir).terminal(KEYBOARD).run("--reset");
    assertThat(r.out()).doesNotContain("[y/N]").contains("Removed 1 state file:");
    assertThat(task).doesNotExist();
  }
}
