package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One grammar: a first word naming a command is that command; any other words are a task, as in the
 * Python implementation; options are read the same way in every form.
 */
class GrammarTest {

  @TempDir Path dir;
  @TempDir Path bin;

  /** A claude that is logged in, but whose first agent finds it is not: the task exists, exit 3. */
  private String claudeLosingItsLogin() {
    return FakeClaude.installIn(bin).mode("system4-strategy", "notloggedin").command().toString();
  }

  private InProcessVsm vsm() {
    return new InProcessVsm(dir);
  }

  /** A cycle whose first agent cannot run: it records the task, then exits 3. */
  private String taskACycleRan(InProcessVsm.Run r) throws IOException {
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("not logged in");
    Map<?, ?> task =
        JsonMapper.builder()
            .build()
            .readValue(
                Files.readString(dir.resolve(".claude/vsm-state/current-task.json")), Map.class);
    return (String) task.get("description");
  }

  private boolean anyCycleStarted() {
    return Files.exists(dir.resolve(".claude/vsm-state/current-task.json"));
  }

  /** Every command but {@code run}, the one that starts cycles: from the model, not a list. */
  static Stream<String> commandsThatStartNoCycle() {
    return Subcommands.names().stream().filter(c -> !c.equals("run"));
  }

  @ParameterizedTest
  @MethodSource("commandsThatStartNoCycle")
  void a_first_word_naming_a_command_never_starts_a_cycle(String command) {
    FakeClaude claude = FakeClaude.installIn(bin).mode("system4-strategy", "notloggedin");
    for (String[] args : List.of(new String[] {command}, new String[] {command, "Fix", "typo"})) {
      InProcessVsm.Run r =
          vsm()
              .env("VSM_CLAUDE_COMMAND", claude.command().toString())
              .stdin("Fix typo\n")
              .run(args);

      String what = String.join(" ", args) + ": " + r.out() + r.err();
      assertThat(anyCycleStarted()).as(what).isFalse();
      assertThat(claude.calls()).as(what).isEmpty();
      assertThat(r.err()).as(what).doesNotContain("not logged in");
    }
  }

  @Test
  void the_names_checked_are_every_command_of_the_command_line() {
    var top =
        Main.commandLine(
            new VsmCommand.Context(
                Map.of(), java.io.InputStream.nullInputStream(), null, Terminal.NONE),
            "help"); // help has every subcommand; a command line has only the one it names
    assertThat(Subcommands.names())
        .isEqualTo(new java.util.TreeSet<>(top.getSubcommands().keySet()));
  }

  @Test
  void help_and_its_command_show_the_commands() {
    for (InProcessVsm.Run r : List.of(vsm().run("help"), vsm().run("--help"))) {
      assertThat(r.code()).isZero();
      assertThat(r.out())
          .contains(
              "Commands:",
              "run ",
              "plan ",
              "state ",
              "log ",
              "reset ",
              "analyze",
              "completion",
              "version");
    }
    assertThat(vsm().run("help", "log").out()).contains("Usage: vsm log");
  }

  @Test
  void words_after_the_first_are_task_words_even_when_they_name_commands() throws IOException {
    String task =
        taskACycleRan(
            vsm().run("--claude-command", claudeLosingItsLogin(), "fix", "the", "state", "log"));
    assertThat(task).isEqualTo("fix the state log");
  }

  @Test
  void a_task_called_like_a_command_goes_after_double_dash() throws IOException {
    assertThat(
            taskACycleRan(
                vsm().run("run", "--claude-command", claudeLosingItsLogin(), "--", "state")))
        .isEqualTo("state");
  }

  @Test
  void the_python_form_also_takes_a_task_after_double_dash() throws IOException {
    assertThat(taskACycleRan(vsm().run("--claude-command", claudeLosingItsLogin(), "--", "log")))
        .isEqualTo("log");
  }

  @Test
  void run_reads_options_after_the_task_too() throws IOException {
    assertThat(
            taskACycleRan(
                vsm()
                    .run("run", "Add a login feature", "--claude-command", claudeLosingItsLogin())))
        .isEqualTo("Add a login feature");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stat", "logs", "rest", "vesion", "pan"})
  void a_one_word_task_one_typo_from_a_command_is_refused_with_the_command_meant(String word) {
    InProcessVsm.Run r = vsm().run("--claude-command", "/nowhere", word);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("is not a command: did you mean 'vsm ")
        .contains("vsm run -- " + word);
    assertThat(anyCycleStarted()).isFalse();
  }

  @Test
  void an_unknown_option_keeps_picoclis_suggestion_on_one_line() {
    InProcessVsm.Run r = vsm().run("--stat");
    assertThat(r.code()).isEqualTo(2);
    // "--stat" is one letter from --state and from --store: picocli names both.
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .containsPattern("did you mean (--state or --store|--store or --state)\\?");
    assertThat(vsm().run("log", "--jsn").err()).contains("did you mean --json?");
  }

  @Test
  void numbers_that_do_not_parse_get_a_sentence() {
    assertThat(vsm().run("--log", "--log-count", "abc").err())
        .contains("'abc' is not a whole number (e.g. 50)")
        .doesNotContain("is not an int");
    assertThat(vsm().run("log", "-n", "-3").err()).contains("must be 0 or more");
    assertThat(vsm().run("log", "-n", "abc").err())
        .contains("option '-n': 'abc' is not a whole number")
        .doesNotContain("--log-count");
    assertThat(vsm().run("log", "--count=x").err()).contains("option '--count': 'x' is not");
    assertThat(vsm().run("run", "--max-budget-usd", "lots", "x").err())
        .contains("'lots' is not an amount of US dollars (e.g. 0.50)");
    assertThat(vsm().run("run", "--max-turns", "0", "x").err()).contains("must be 1 or more");
    assertThat(vsm().run("run", "--max-budget-usd", "1e400", "x").code()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9999999h", "8d", "169h", "99999999999999999999s", "1e400"})
  void an_absurd_time_limit_is_refused_before_anything_starts(String limit) {
    for (String option : List.of("--agent-timeout", "--cycle-timeout")) {
      InProcessVsm.Run r = vsm().run("run", option, limit, "--claude-command", "/nowhere", "x");
      assertThat(r.code()).as(option + " " + limit).isEqualTo(2);
      assertThat(r.err().strip()).doesNotContain("\n").contains(option).contains("'" + limit + "'");
    }
    assertThat(anyCycleStarted()).isFalse();
    assertThat(DurationConverter.parse("7d")).hasDays(7);
  }

  @Test
  void python_forms_do_not_go_with_a_command() {
    InProcessVsm.Run r = vsm().run("--state", "log");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--state does not go with the command 'log'");
  }

  @Test
  void every_command_has_help_with_examples_environment_and_exit_codes() {
    for (String command : Subcommands.names()) {
      if (command.equals("help")) {
        continue;
      }
      InProcessVsm.Run r = vsm().run(command, "--help");
      assertThat(r.code()).as(command).isZero();
      assertThat(r.out())
          .as(command)
          .contains(
              "Usage: vsm ",
              "Examples:",
              "Environment:",
              "VSM_CLAUDE_COMMAND",
              "CLAUDE_PLUGIN_ROOT",
              "CLAUDE_SESSION_ID",
              "Exit codes:",
              "130");
    }
    assertThat(vsm().run("run", "--help").out())
        .contains("Run options:", "--agent-timeout", "Complexity hint:", "--simple");
  }

  @Test
  void inherited_options_go_before_or_after_the_command() {
    Path other = dir.resolve("other");
    InProcessVsm.Run before = new InProcessVsm(dir).exactly("-d", other.toString(), "state");
    InProcessVsm.Run after = new InProcessVsm(dir).exactly("state", "-d", other.toString());
    assertThat(before.err()).contains(other.toString()).contains("does not exist");
    assertThat(after.err()).isEqualTo(before.err());
  }
}
