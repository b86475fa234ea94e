package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar in a real terminal (tmux): the live progress line, where it must not appear, and
 * the confirmations of {@code vsm reset} and {@code vsm run --approve}.
 */
class TerminalIT {

  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path tmp;
  private Path project;
  private FakeClaude claude;

  @BeforeEach
  void setUp() throws IOException {
    Tmux.require();
    project = Files.createDirectories(tmp.resolve("project"));
    claude = FakeClaude.installIn(tmp.resolve("bin"));
  }

  /**
   * {@code env ... java -jar vsm.jar ARGS} as a shell command line, CI unset unless given, and
   * COLUMNS unset: vsm asks the terminal itself for its width.
   */
  private String vsm(List<String> env, String... args) {
    List<String> words =
        new ArrayList<>(
            List.of(
                "env", "-u", "CI", "-u", "NO_COLOR", "-u", "VSM_CLAUDE_COMMAND", "-u", "COLUMNS"));
    words.add("PATH=" + claude.directory() + ":/usr/bin:/bin");
    words.add("FAKE_CLAUDE_SLEEP=2");
    words.addAll(env);
    words.addAll(PackagedVsm.builder(project, List.of(args)).command());
    return Tmux.quote(words);
  }

  @Test
  void the_live_line_shows_the_running_agents_and_is_cleared() throws IOException {
    claude.mode("s1-generalist-coder", "slow");
    try (Tmux t =
        new Tmux(project, vsm(List.of(), "run", "--simple", "Fix the flaky date parsing"))) {
      t.await(s -> s.contains("s1-generalist-coder running ("), LIMIT);
      assertThat(t.awaitExit(LIMIT)).isZero();

      String screen = t.screen();
      assertThat(screen).contains("s1-generalist-coder ok in", "VSM Cycle Complete: SUCCESS");
      assertThat(screen).doesNotContain("running (");
      assertThat(t.raw()).contains("\r\u001b[K");
    }
  }

  @Test
  void the_live_line_shows_what_each_running_agent_is_doing() throws IOException {
    claude.uses("s1-generalist-coder", "Read src/dates.py", "src/dates.py", "Bash pytest -q");
    try (Tmux t =
        new Tmux(
            project,
            vsm(
                List.of("FAKE_CLAUDE_STEP_SLEEP=2"),
                "run",
                "--simple",
                "Fix the flaky date parsing"))) {
      t.await(s -> s.contains("... s1-generalist-coder: Edit src/dates.py ("), LIMIT);
      t.await(s -> s.contains("... s1-generalist-coder: Bash pytest -q ("), LIMIT);
      assertThat(t.awaitExit(LIMIT)).isZero();
      assertThat(t.screen())
          .contains("s1-generalist-coder: src/dates.py")
          .doesNotContain("... s1-");
    }
  }

  @Test
  void no_live_line_when_stderr_goes_to_a_file() throws IOException {
    claude.mode("s1-generalist-coder", "slow");
    Path err = tmp.resolve("err.txt");
    try (Tmux t =
        new Tmux(
            project,
            vsm(List.of(), "run", "--simple", "Fix the flaky date parsing")
                + " 2> "
                + Tmux.quote(err.toString()))) {
      assertThat(t.awaitExit(LIMIT)).isZero();
      assertThat(t.screen()).contains("VSM Cycle Complete: SUCCESS");
    }
    String progress = Files.readString(err);
    assertThat(progress).contains("s1-generalist-coder started", "cycle succeeded");
    assertThat(progress).doesNotContain("\u001b", "\r", "running (");
  }

  @Test
  void no_live_line_under_ci_a_dumb_terminal_or_no_progress() throws IOException {
    claude.mode("s1-generalist-coder", "slow");
    for (List<String> setting :
        List.of(List.of("CI=true"), List.of("TERM=dumb"), List.of("--no-progress"))) {
      boolean option = setting.get(0).startsWith("--");
      List<String> args = new ArrayList<>(List.of("run", "--simple"));
      if (option) {
        args.add(setting.get(0));
      }
      args.add("Fix the flaky date parsing");
      try (Tmux t =
          new Tmux(project, vsm(option ? List.of() : setting, args.toArray(String[]::new)))) {
        assertThat(t.awaitExit(LIMIT)).as(setting.toString()).isZero();
        String raw = t.raw();
        assertThat(raw).as(setting.toString()).doesNotContain("running (", "\u001b[K");
        if (option) {
          assertThat(raw).doesNotContain("S4 intelligence");
        } else {
          assertThat(raw).contains("S4 intelligence");
        }
      }
    }
  }

  @Test
  void reset_asks_and_deletes_only_on_yes() throws IOException {
    Path task =
        Files.createDirectories(project.resolve(".claude/vsm-state")).resolve("current-task.json");
    Files.writeString(task, "{\"id\": \"t1\", \"description\": \"x\", \"status\": \"completed\"}");

    try (Tmux t = new Tmux(project, vsm(List.of(), "reset"))) {
      t.await(s -> s.contains("(the execution log is kept)? [y/N]"), LIMIT);
      t.type("n", "Enter");
      assertThat(t.awaitExit(LIMIT)).isZero();
      assertThat(t.screen()).contains("Nothing was deleted.");
    }
    assertThat(task).exists();

    try (Tmux t = new Tmux(project, vsm(List.of(), "reset"))) {
      t.await(s -> s.contains("[y/N]"), LIMIT);
      t.type("y", "Enter");
      assertThat(t.awaitExit(LIMIT)).isZero();
      assertThat(t.screen()).contains("Removed 1 state file:", "current-task.json");
    }
    assertThat(task).doesNotExist();
  }

  @Test
  void run_approve_asks_after_s2_and_runs_the_s1_agents_only_on_yes() throws IOException {
    try (Tmux t =
        new Tmux(project, vsm(List.of(), "run", "--approve", "Fix the flaky date parsing"))) {
      t.await(s -> s.contains("(they may edit files)? [y/N]"), LIMIT);
      assertThat(claude.calls()).noneMatch(agent -> agent.startsWith("s1-"));
      t.type("n", "Enter");
      assertThat(t.awaitExit(LIMIT)).isZero();
      assertThat(t.screen()).contains("VSM Plan of task", "VSM Cycle Planned: NOT APPROVED");
    }
    assertThat(claude.calls()).noneMatch(agent -> agent.startsWith("s1-"));
    int planned = claude.calls().size();

    try (Tmux t =
        new Tmux(project, vsm(List.of(), "run", "--approve", "Fix the flaky date parsing"))) {
      t.await(s -> s.contains("[y/N]"), LIMIT);
      t.type("y", "Enter");
      assertThat(t.awaitExit(LIMIT)).isZero();
      assertThat(t.screen()).contains("VSM Cycle Complete: SUCCESS");
    }
    assertThat(claude.calls().subList(planned, claude.calls().size()))
        .anyMatch(agent -> agent.startsWith("s1-"));
  }

  @Test
  void log_lines_fit_the_width_the_terminal_reports() throws IOException {
    Path state = Files.createDirectories(project.resolve(".claude/vsm-state"));
    Files.writeString(
        state.resolve("execution-log.jsonl"),
        "{\"timestamp\": \"2026-11-24T10:00:00Z\", \"event_type\": \"agent_completed\", \"task_id\":"
            + " \"t1\", \"agent\": \"s1-tester\", \"data\": {\"result_summary\": \""
            + "all tests pass ".repeat(30)
            + "\"}, \"session_id\": \"s\"}\n");

    try (Tmux t = new Tmux(project, vsm(List.of(), "log"))) {
      assertThat(t.awaitExit(LIMIT)).isZero();
      List<String> lines = t.raw().lines().filter(l -> l.contains("agent_completed")).toList();
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).strip()).hasSize(Tmux.COLUMNS).endsWith("...");
    }
  }

  @Test
  void colour_on_a_terminal_and_none_under_no_color() throws IOException {
    try (Tmux t = new Tmux(project, vsm(List.of(), "doctor"))) {
      t.awaitExit(LIMIT);
      assertThat(t.screen()).contains("✓ Java");
      assertThat(t.raw()).contains("\u001b[32m");
    }
    try (Tmux t = new Tmux(project, vsm(List.of("NO_COLOR=1"), "doctor"))) {
      t.awaitExit(LIMIT);
      assertThat(t.screen()).contains("✓ Java");
      assertThat(t.raw()).doesNotContain("\u001b");
    }
  }
}
