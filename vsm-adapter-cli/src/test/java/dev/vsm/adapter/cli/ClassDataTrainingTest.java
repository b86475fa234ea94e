package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher's start-up archive is trained on every command, and the training really runs. */
class ClassDataTrainingTest {

  @TempDir Path scratch;

  @Test
  void theTrainingNamesEverySubcommand() {
    Set<String> commands = new TreeSet<>();
    VsmCommand.SUBCOMMANDS.stream()
        .map(c -> c.getAnnotation(CommandLine.Command.class).name())
        .forEach(commands::add);

    assertThat(ClassDataTraining.commandsCovered()).containsAll(commands);
  }

  @Test
  void theTrainingRunsACycleAgainstItsStandInAndLeavesNoState() throws IOException {
    assertThat(ClassDataTraining.run(scratch, false)).isZero();

    Path state = scratch.resolve(".claude/vsm-state");
    String log = Files.readString(state.resolve("execution-log.jsonl"));
    assertThat(log).contains("\"description\":\"Add validation\"");
    assertThat(log).contains("task_completed");
    // Every agent answered in its schema: S3's allocation, S4's disagreeing with it (so S5 was
    // asked), and the audit's verdict were read.
    assertThat(log)
        .contains("\"rationale\":\"one area\"")
        .contains("\"agent\":\"system5-policy\"")
        .contains("\"event_type\":\"audit_performed\"")
        .contains("\"passed\":true,\"findings\":[],\"score\":0.9");
    assertThat(state.resolve("current-task.json")).doesNotExist();
  }

  @Test
  void theShortTrainingRunsTheQuickPathAndTheHooksButNoCycle() throws IOException {
    assertThat(ClassDataTraining.run(scratch, true)).isZero();

    String log = Files.readString(scratch.resolve(".claude/vsm-state/execution-log.jsonl"));
    assertThat(log).contains("session_completed").doesNotContain("Add validation");
  }
}
