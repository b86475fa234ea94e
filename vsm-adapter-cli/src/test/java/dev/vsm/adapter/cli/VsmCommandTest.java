package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The command in-process: parsing, validation, the read-only commands and their layouts. */
class VsmCommandTest {

  @TempDir Path dir;

  private InProcessVsm.Run vsmWithInput(String stdin, String... args) {
    return new InProcessVsm(dir).stdin(stdin).run(args);
  }

  private InProcessVsm.Run vsm(String... args) {
    return vsmWithInput("", args);
  }

  private static Map<?, ?> json(String text) {
    return JsonMapper.builder().build().readValue(text, Map.class);
  }

  @Test
  void version_and_help_exit_0() {
    assertThat(vsm("--version").out()).startsWith("vsm ");
    InProcessVsm.Run help = vsm("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains(
            "--state",
            "--log-count",
            "--analyze",
            "--dry-run",
            "--claude-command",
            "--agent-timeout",
            "--max-budget-usd",
            "--permission-mode",
            "--rules",
            "Exit codes");
  }

  @Test
  void an_unknown_option_is_a_one_line_usage_error() {
    InProcessVsm.Run r = vsm("--bogus", "task");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains("Unknown option: '--bogus'")
        .contains("--help");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void no_task_is_a_usage_error_that_shows_how_to_give_one() {
    InProcessVsm.Run r = vsm();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no task given").contains("vsm \"Add a login feature\"");
  }

  @Test
  void modes_exclude_each_other_and_mode_options_need_their_mode() {
    assertThat(vsm("--state", "--log").code()).isEqualTo(2);
    assertThat(vsm("--log-count", "5").err()).contains("go with --log");
    assertThat(vsm("--state", "some task").err()).contains("take no task");
    assertThat(vsm("--simple", "--complex", "x").code()).isEqualTo(2);
    assertThat(vsm("--agent-timeout", "soon", "x").err()).contains("not a duration");
    assertThat(vsm("--permission-mode", "yolo", "x").err()).contains("acceptEdits");
    assertThat(vsm("--max-budget-usd", "-1", "x").code()).isEqualTo(2);
  }

  @Test
  void a_missing_working_directory_is_a_usage_error() {
    InProcessVsm.Run r =
        new InProcessVsm(dir).exactly("-d", dir.resolve("nope").toString(), "--state");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist");
  }

  @Test
  void analyze_prints_the_reference_attributes_as_json() {
    InProcessVsm.Run r = vsm("--analyze", "--json", "Add user authentication with OAuth2");

    assertThat(r.code()).isZero();
    Map<?, ?> doc = json(r.out());
    assertThat(new ArrayList<Object>(doc.keySet()))
        .containsExactly(
            "schema_version",
            "task",
            "complexity",
            "confidence",
            "rationale",
            "suggested_agents",
            "suggested_agent_types",
            "parallel_possible",
            "keywords_found",
            "domain_signals",
            "scope_estimate",
            "recommendation");
    assertThat(doc.get("complexity")).isEqualTo("complex");
    assertThat(((Map<?, ?>) doc.get("recommendation")).get("primary_agents"))
        .isEqualTo(List.of("backend", "tester"));
    assertThat(Files.exists(dir.resolve(".claude"))).as("analysis touches no state").isFalse();
  }

  @Test
  void analyze_reads_one_task_per_stdin_line_and_prints_one_object_per_line() {
    InProcessVsm.Run r =
        vsmWithInput("Fix typo in README\n\nImplement OAuth2\n", "--analyze", "--json");

    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(json(lines[0]).get("complexity")).isEqualTo("simple");
    assertThat(json(lines[1]).get("task")).isEqualTo("Implement OAuth2");
  }

  @Test
  void stdin_lines_end_at_lf_cr_or_crlf_and_bytes_that_are_not_utf8_read_as_a_replacement() {
    byte[] input = {
      'a', '\r', '\n', 'b', '\r', 'c', '\n', '\n', ' ', 'd', ' ', '\n', 'e', (byte) 0xff
    };
    InProcessVsm.Run r = new InProcessVsm(dir).stdin(input).run("--analyze", "--json");

    assertThat(r.out().strip().split("\n"))
        .extracting(line -> (Object) json(line).get("task"))
        .containsExactly("a", "b", "c", "d", "e\ufffd");
  }

  @Test
  void a_batch_analysed_in_parallel_answers_each_task_in_its_place_as_alone() {
    List<String> kinds =
        List.of(
            "Fix typo in README",
            "Implement OAuth2 login with a token store",
            "Add a REST endpoint for orders and its tests",
            // Characters beyond Latin-1 widen the line builder a thread reuses.
            "Übersetze die README ins Japanische: 日本語 — und prüfe 😀",
            "Migrate the database schema and rewrite the sync across services");
    List<String> tasks = new java.util.ArrayList<>();
    for (int i = 0; tasks.size() < 3 * AnalyzeCommand.IN_PARALLEL_FROM; i++) {
      tasks.add(kinds.get(i % kinds.size()) + " #" + i);
    }
    String[] lines =
        vsmWithInput(String.join("\n", tasks) + "\n", "--analyze", "--json").out().split("\n");

    assertThat(lines).hasSize(tasks.size());
    for (int i : new int[] {0, 1, 2, 3, 4, 5, tasks.size() / 2 + 1, tasks.size() - 1}) {
      assertThat(json(lines[i])).isEqualTo(json(vsm("--analyze", "--json", tasks.get(i)).out()));
    }
    for (int i = 0; i < lines.length; i++) {
      assertThat(json(lines[i]).get("task")).isEqualTo(tasks.get(i));
    }
  }

  @Test
  void analyze_takes_a_hint_and_prints_a_human_layout() {
    InProcessVsm.Run r = vsm("--analyze", "--medium", "Implement OAuth2");
    assertThat(r.out())
        .contains("Complexity: medium (confidence 0.95)")
        .contains("User hint: medium");
  }

  @Test
  void analyze_with_nothing_to_analyse_says_so() {
    assertThat(vsm("--analyze").err()).contains("no task to analyse");
  }

  @Test
  void an_empty_state_shows_defaults_and_json_nulls() {
    InProcessVsm.Run human = vsm("--state");
    assertThat(human.out())
        .contains(
            "VSM State",
            "Current Task:",
            "(none)",
            "Completion Rate: 100.00%",
            "S3/S4 Conflicts: 0",
            "Health:",
            "healthy");

    Map<?, ?> doc = json(vsm("--state", "--json").out());
    assertThat(new ArrayList<Object>(doc.keySet()))
        .containsExactly(
            "schema_version",
            "current_task",
            "viability_metrics",
            "agent_registry",
            "s3_allocation",
            "s4_environment",
            "coordination_plan");
    assertThat(doc.get("current_task")).isNull();
    assertThat(((Map<?, ?>) doc.get("viability_metrics")).get("completion_rate")).isEqualTo(1.0);
  }

  @Test
  void the_state_names_health_problems_and_their_adaptations() throws IOException {
    Path state = dir.resolve(".claude/vsm-state");
    Files.createDirectories(state);
    Files.writeString(
        state.resolve("viability-metrics.json"),
        "{\"completion_rate\": 0.4, \"audit_pass_rate\": 0.5, \"oscillation_rate\": 0.3,"
            + " \"agent_errors\": {\"tester\": 0.5}, \"active_adaptations\": [{\"type\": \"add_review_step\","
            + " \"trigger\": \"tester_errors\", \"effect\": \"Add reviewer before tester\", \"applied_at\": \"\","
            + " \"parameters\": {\"target_agent\": \"tester\"}}]}");

    InProcessVsm.Run r = vsm("--state");

    assertThat(r.out())
        .contains(
            "Completion Rate: 40.00%",
            "tester: 50.00%",
            "- add_review_step: Add reviewer before tester",
            "Low completion rate: 40% (answered by lower_complexity_threshold)",
            "Low audit pass rate: 50% (answered by tighten_s3_star)",
            "High oscillation: 30% (answered by increase_s2_involvement)",
            "Agent tester has 50% error rate (answered by add_review_step)");
  }

  @Test
  void the_log_and_reset_on_an_empty_directory() {
    assertThat(vsm("--log").out()).contains("The execution log is empty.");
    assertThat(json("{\"x\":" + vsm("--log", "--json").out() + "}").get("x")).isEqualTo(List.of());
    assertThat(vsm("--reset").out()).contains("Nothing to reset");
  }

  @Test
  void the_dry_run_shows_the_steps_and_runs_nothing() {
    InProcessVsm.Run r =
        vsm("--dry-run", "Implement role-based access control across the API and admin UI");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "VSM Dry Run",
            "complex",
            "1. s1-frontend, s1-backend",
            "2. s1-tester",
            "3. s1-reviewer");
    Map<?, ?> doc = json(vsm("--dry-run", "--json", "--simple", "Implement OAuth2").out());
    assertThat(doc.get("s1_steps")).isEqualTo(List.of(List.of("generalist-coder")));
  }

  @Test
  void rules_from_a_file_and_from_the_project_extend_the_analysis() throws IOException {
    Path rules = dir.resolve("rules.json");
    Files.writeString(
        rules,
        "{\"keywords\": {\"complex\": [\"\\\\bml\\\\b\", {\"pattern\": \"\\\\bgpu\\\\b\", \"weight\": 0.4}]},"
            + " \"domains\": {\"ml\": [\"\\\\bmodel\\\\b\", \"\\\\btraining\\\\b\"]}}");

    Map<?, ?> doc =
        json(
            vsm(
                    "--rules",
                    rules.toString(),
                    "--analyze",
                    "--json",
                    "Train ML model for predictions")
                .out());
    assertThat(doc.get("domain_signals")).isEqualTo(List.of("ml"));
    assertThat(doc.get("complexity")).isEqualTo("complex");

    Files.createDirectories(dir.resolve(".claude"));
    Files.copy(rules, dir.resolve(".claude/vsm-rules.json"));
    assertThat(json(vsm("--analyze", "--json", "Train ML model").out()).get("domain_signals"))
        .isEqualTo(List.of("ml"));
  }

  @Test
  void the_library_analyses_with_the_projects_rules_as_the_command_line_does() throws IOException {
    Files.createDirectories(dir.resolve(".claude"));
    Files.writeString(
        dir.resolve(".claude/vsm-rules.json"),
        "{\"keywords\": {\"complex\": [\"\\\\bml\\\\b\"]},"
            + " \"domains\": {\"ml\": [\"\\\\bmodel\\\\b\", \"\\\\btraining\\\\b\"]}}");
    String task = "Train ML model for predictions";

    Map<?, ?> cli = json(vsm("analyze", "--json", task).out());
    var library = dev.vsm.library.Vsm.builder().workingDirectory(dir).build().analyze(task);

    assertThat(library.domainSignals()).isEqualTo(cli.get("domain_signals")).containsExactly("ml");
    assertThat(library.complexity().label()).isEqualTo(cli.get("complexity"));
    assertThat(library.keywordsFound()).isEqualTo(cli.get("keywords_found"));
    assertThat(library.confidence()).isEqualTo(cli.get("confidence"));
  }

  @Test
  void a_broken_rules_file_is_a_usage_error_naming_the_file() throws IOException {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"keywords\": {\"huge\": []}}");
    InProcessVsm.Run r = vsm("--rules", rules.toString(), "--analyze", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("rules.json").contains("simple, medium or complex");

    Files.writeString(rules, "{not json");
    assertThat(vsm("--rules", rules.toString(), "--analyze", "x").err()).contains("not valid JSON");
    assertThat(vsm("--rules", dir.resolve("missing.json").toString(), "--analyze", "x").err())
        .contains("does not exist");
    Files.writeString(rules, "{\"keywords\": {\"complex\": [\"(unclosed\"]}}");
    assertThat(vsm("--rules", rules.toString(), "--analyze", "x").err())
        .contains("not a valid pattern");
  }

  @Test
  void a_broken_project_rules_file_stops_a_cycle_with_one_line_before_any_agent_runs()
      throws IOException {
    Files.createDirectories(dir.resolve(".claude"));
    Files.writeString(
        dir.resolve(".claude/vsm-rules.json"),
        "{\"keywords\": {\"complex\": [\"(?:\\\\w|-)+service\"]}}");
    for (String[] args :
        List.of(
            new String[] {"run", "--claude-command", "/nowhere", "Split the user-service"},
            new String[] {"--analyze", "Split the user-service"},
            new String[] {"--dry-run", "Split the user-service"})) {
      InProcessVsm.Run r = vsm(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
      assertThat(r.err().strip().lines())
          .singleElement()
          .asString()
          .contains(".claude/vsm-rules.json: keywords.complex[0]: pattern '(?:\\w|-)+service'");
    }
    assertThat(dir.resolve(".claude/vsm-state/current-task.json")).doesNotExist();
  }

  @Test
  void durations_read_in_the_usual_forms() {
    assertThat(DurationConverter.parse("90s")).hasSeconds(90);
    assertThat(DurationConverter.parse("30m")).hasMinutes(30);
    assertThat(DurationConverter.parse("1h30m")).hasMinutes(90);
    assertThat(DurationConverter.parse("45")).hasSeconds(45);
    assertThat(DurationConverter.parse("PT2M")).hasMinutes(2);
    assertThat(DurationConverter.parse("500ms")).hasMillis(500);
  }

  @Test
  void a_log_count_of_zero_prints_nothing_not_that_the_log_is_empty() {
    for (String[] args :
        List.of(
            new String[] {"--log", "--log-count", "0"},
            new String[] {"log", "-n", "0"},
            new String[] {"log", "-n", "0", "--task", "abc"})) {
      InProcessVsm.Run r = vsm(args);
      assertThat(r.code()).isZero();
      assertThat(r.out()).isEmpty();
    }
    assertThat(vsm("log").out()).isEqualTo("The execution log is empty.\n");
  }

  @Test
  void log_session_shows_one_sessions_entries_and_its_last_n() throws IOException {
    Path stateDir = Files.createDirectories(dir.resolve(".claude/vsm-state"));
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      lines.append(
          String.format(
              "{\"timestamp\":\"2026-01-15T10:00:0%dZ\",\"event_type\":\"state_changed\","
                  + "\"task_id\":\"t%d\",\"agent\":null,\"data\":{\"n\":%d},"
                  + "\"session_id\":\"%s\"}%n",
              i, i, i, i % 2 == 0 ? "even" : "odd"));
    }
    Files.writeString(stateDir.resolve("execution-log.jsonl"), lines);

    Map<?, ?> odd = json(vsm("log", "--session", "odd", "--json").out());
    assertThat(
            ((List<?>) odd.get("entries"))
                .stream().map(e -> (Object) ((Map<?, ?>) e).get("task_id")))
        .containsExactly("t1", "t3", "t5");
    assertThat(vsm("log", "--session", "even", "-n", "1").out())
        .contains("t4")
        .doesNotContain("t2");
    assertThat(vsm("log", "--session", "none").out())
        .isEqualTo("No log entries for session none.\n");
    InProcessVsm.Run both = vsm("log", "--session", "odd", "--task", "t1");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--task and --session do not go together");
  }

  @Test
  void a_broken_rules_file_blocks_only_the_commands_that_analyse() throws IOException {
    Files.createDirectories(dir.resolve(".claude"));
    Files.writeString(dir.resolve(".claude/vsm-rules.json"), "{\"keywords\": oops");

    for (String command : List.of("--state", "state", "--reset", "log", "tasks", "--log")) {
      InProcessVsm.Run r = vsm(command);
      assertThat(r.code()).as(command + ": " + r.err()).isZero();
    }
    assertThat(vsm("reset", "--yes").code()).isZero();
    for (String[] args :
        List.of(
            new String[] {"analyze", "x"},
            new String[] {"plan", "x"},
            new String[] {"--analyze", "x"})) {
      InProcessVsm.Run r = vsm(args);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("vsm-rules.json").contains("not valid JSON");
    }
  }

  @Test
  void human_log_lines_fit_the_terminal_and_only_a_terminal() throws IOException {
    Path state = Files.createDirectories(dir.resolve(".claude/vsm-state"));
    Files.writeString(
        state.resolve("execution-log.jsonl"),
        "{\"timestamp\": \"2026-11-24T10:00:00Z\", \"event_type\": \"agent_completed\", \"task_id\":"
            + " \"t1\", \"agent\": \"s1-tester\", \"data\": {\"result_summary\": \""
            + "all tests pass ".repeat(20)
            + "\"}, \"session_id\": \"s\"}\n");
    Terminal narrow = new Terminal(false, true, false, Map.of("COLUMNS", "72"));

    String onTerminal = new InProcessVsm(dir).terminal(narrow).run("log").out();
    String piped = vsm("log").out();

    assertThat(onTerminal.lines())
        .hasSize(1)
        .allSatisfy(l -> assertThat(l).hasSize(72).endsWith("..."));
    assertThat(piped.lines().findFirst().orElseThrow().length()).isGreaterThan(150);
  }
}
