package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged {@code vsm.jar} run as a separate process in a temporary project, with the scripted
 * stand-in for {@code claude} first on PATH.
 */
class EndToEndIT {

  @TempDir Path tmp;
  private Path project;
  private FakeClaude claude;
  private String path;

  record Result(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    claude = FakeClaude.installIn(tmp.resolve("bin"));
    path = claude.directory() + ":/usr/bin:/bin";
  }

  private ProcessBuilder builder(Path cwd, String pathVar, String... args) {
    ProcessBuilder pb = PackagedVsm.builder(cwd, List.of(args));
    pb.environment().put("PATH", pathVar);
    return pb;
  }

  private Result vsm(String... args) throws Exception {
    return vsmIn(project, path, args);
  }

  private Result vsmIn(Path cwd, String pathVar, String... args) throws Exception {
    Process p = builder(cwd, pathVar, args).start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vsm finished").isTrue();
    return new Result(p.exitValue(), out.get(), err.get());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path state(String name) {
    return project.resolve(".claude/vsm-state").resolve(name);
  }

  private static Map<?, ?> json(String text) {
    return JsonMapper.builder().build().readValue(text, Map.class);
  }

  @ParameterizedTest
  @CsvSource({
    "--simple, Fix the flaky date parsing, s1-generalist-coder",
    "--medium, Add input validation to the login form, s1-code-writer s1-tester",
    "--complex, Add user authentication with OAuth2, s1-backend s1-tester s1-reviewer"
  })
  void a_full_cycle_at_each_complexity_level(String hint, String task, String agents)
      throws Exception {
    Result r = vsm(hint, task);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "VSM Cycle Complete: SUCCESS",
            "Task ID: ",
            "Summary: Completed with",
            "Agents invoked: " + String.join(", ", agents.split(" ")),
            "Audit: passed",
            "Conflicts: none",
            "Adaptations: none",
            "Cost: $",
            "Tokens: ");
    assertThat(r.err())
        .contains("S4 intelligence", "system4-strategy ok", "S3* audit", "cycle succeeded");
    assertThat(claude.calls())
        .startsWith("system4-strategy", "system3-control", "system2-coordination")
        .endsWith("system3-audit");
    Map<?, ?> task0 = json(Files.readString(state("current-task.json")));
    assertThat(task0.get("status")).isEqualTo("completed");
    assertThat(task0.get("complexity")).isEqualTo(hint.substring(2));
  }

  @Test
  void a_cycle_shows_what_its_agents_do_and_the_files_each_changed() throws Exception {
    claude.uses("s1-code-writer", "Read src/login.py", "src/login.py", "Bash pytest -q");
    claude.uses("s1-tester", "tests/test_login.py", "src/login.py");

    Result r = vsm("-v", "--medium", "Add input validation to the login form");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            "    s1-code-writer: Read src/login.py",
            "    s1-code-writer: Edit src/login.py",
            "    s1-code-writer: Bash pytest -q",
            "    s1-tester: Edit tests/test_login.py");
    assertThat(r.out())
        .contains(
            "Files changed: \n  s1-code-writer: src/login.py\n  s1-tester: src/login.py, tests/test_login.py\n",
            "Oscillation: \n  - s1-code-writer and s1-tester both changed src/login.py\n");
    assertThat(Files.readString(project.resolve("src/login.py")))
        .isEqualTo("changed by s1-code-writer\nchanged by s1-tester\n");

    Result log = vsm("log", "--json", "-n", "100");
    List<?> entries = (List<?>) json(log.out()).get("entries");
    assertThat(entries)
        .filteredOn(e -> "tool_used".equals(((Map<?, ?>) e).get("event_type")))
        .extracting(
            e ->
                ((Map<?, ?>) e).get("agent")
                    + " "
                    + ((Map<?, ?>) ((Map<?, ?>) e).get("data")).get("tool"))
        .containsExactly(
            "s1-code-writer Edit", "s1-code-writer Bash", "s1-tester Edit", "s1-tester Edit");
    assertThat(entries)
        .filteredOn(e -> "oscillation_detected".equals(((Map<?, ?>) e).get("event_type")))
        .hasSize(1);

    Result again = vsm("--json", "--medium", "Add input validation to the login form");
    List<?> s1 = (List<?>) json(again.out()).get("s1_results");
    assertThat(s1)
        .extracting(x -> String.valueOf(((Map<?, ?>) x).get("files_changed")))
        .containsExactly("[src/login.py]", "[src/login.py, tests/test_login.py]");
    assertThat((List<?>) json(again.out()).get("oscillations")).hasSize(1);
  }

  @Test
  void the_reference_invocations_work_in_order() throws Exception {
    Result run = vsm("Add a login feature");
    assertThat(run.code()).as(run.err()).isZero();
    String taskId =
        run.out()
            .lines()
            .filter(l -> l.startsWith("Task ID: "))
            .findFirst()
            .orElseThrow()
            .substring(9);

    Result verbose = vsm("-v", "Add a login feature");
    assertThat(verbose.out()).contains("Output:", "implemented the change");

    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Result dir =
        vsmIn(elsewhere, path, "-d", project.toString(), "--medium", "Add user validation");
    assertThat(dir.code()).isZero();
    assertThat(Files.exists(elsewhere.resolve(".claude"))).isFalse();

    Result state = vsm("--state");
    assertThat(state.out())
        .contains(
            "VSM State",
            "Current Task:",
            "Status: completed",
            "Completion Rate: 100.00%",
            "Agent Error Rates:",
            "code-writer: 0.00%",
            "Agent Registry:",
            "healthy");
    Map<?, ?> stateJson = json(vsm("--state", "--json").out());
    assertThat(((Map<?, ?>) stateJson.get("current_task")).get("status")).isEqualTo("completed");
    assertThat(stateJson.get("s3_allocation")).isNotNull();

    Result log = vsm("--log");
    assertThat(log.out().lines().count()).isEqualTo(20);
    long entriesInLog = Files.readAllLines(state("execution-log.jsonl")).size();
    assertThat(entriesInLog).isBetween(21L, 49L);
    assertThat(vsm("--log", "--log-count=50").out().lines().count()).isEqualTo(entriesInLog);
    vsm("Add a login feature");
    assertThat(vsm("--log", "--log-count=50").out().lines().count()).isEqualTo(50);
    Result logJson = vsm("--log", "--json", "--log-count", "3");
    List<?> entries = JsonMapper.builder().build().readValue(logJson.out(), List.class);
    assertThat(entries).hasSize(3);
    assertThat(new ArrayList<Object>(((Map<?, ?>) entries.get(2)).keySet()))
        .containsExactlyInAnyOrder(
            "timestamp", "event_type", "task_id", "agent", "data", "session_id");
    Result byTask = vsm("--log", "--task", taskId);
    assertThat(byTask.out()).contains("task_started", "Task " + taskId + ": completed");

    Result reset = vsm("--reset");
    assertThat(reset.out()).contains("Removed", "current-task.json", "The execution log was kept.");
    assertThat(Files.exists(state("current-task.json"))).isFalse();
    assertThat(Files.exists(state("execution-log.jsonl"))).isTrue();
  }

  @Test
  void a_failing_audit_exits_1() throws Exception {
    claude.reply(
        "system3-audit",
        "{\"audit_passed\": false, \"quality_assessment\": {\"issues_found\": [\"no tests\"]}}");

    Result r = vsm("Add a login feature");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("VSM Cycle Complete: FAILED", "Audit: failed");
  }

  @Test
  void an_s1_report_after_a_quoted_example_decides_the_exit_code() throws Exception {
    claude
        .mode("s1-tester", "text-only")
        .reply(
            "s1-tester",
            "The endpoint answers {\"status\": \"ok\"}.\n"
                + "{\"status\": \"failed\", \"summary\": \"red\", \"blockers\": [\"tests\"]}");

    Result failed = vsm("--medium", "Add a login feature");

    assertThat(failed.code()).as(failed.err()).isEqualTo(1);
    assertThat(failed.out()).contains("VSM Cycle Complete: FAILED", "1/2 agents successful");
    claude.reply(
        "s1-tester",
        "First run: {\"status\": \"failed\", \"blockers\": [\"tests\"]}\n"
            + "Fixed. {\"status\": \"ok\"}");

    Result passed = vsm("--medium", "Add a login feature");

    assertThat(passed.code()).as(passed.err()).isZero();
    assertThat(passed.out()).contains("VSM Cycle Complete: SUCCESS");
    assertThat(claude.callsWithoutSchema()).isEmpty();
  }

  /** The rules example of the README, as a user would copy it into a file. */
  private Path readmeRulesExample() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## Configuring complexity rules");
    int start = readme.indexOf("```json\n", section) + "```json\n".length();
    String json = readme.substring(start, readme.indexOf("```", start));
    return Files.writeString(tmp.resolve("rules.json"), json);
  }

  @Test
  void the_readmes_rules_example_runs_a_cycle_whose_ml_domain_has_no_agent_of_its_own()
      throws Exception {
    String rules = readmeRulesExample().toString();
    String task = "Train ML model for predictions";

    assertThat(vsm("--analyze", "--json", "--rules", rules, task).out()).contains("\"ml\"");
    Result plan = vsm("--dry-run", "--rules", rules, task);
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("s1-generalist-coder").doesNotContain("s1-ml");
    claude.mode("system3-control", "fail");

    Result r = vsm("--rules", rules, task);

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("VSM Cycle Complete: SUCCESS", "Agents invoked: s1-generalist-coder, ")
        .contains("agent 'ml' has no definition: generalist-coder runs in its place");
    assertThat(claude.calls()).doesNotContain("s1-ml");
    assertThat(Files.readString(state("execution-log.jsonl")))
        .contains("\"change\":\"agent_replaced\"")
        .contains("\"replacement\":\"generalist-coder\"");
  }

  @Test
  void a_missing_claude_exits_3_with_the_fix_before_any_task_exists() throws Exception {
    Result r = vsmIn(project, "/usr/bin:/bin", "Add a login feature");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains("was not found")
        .contains("npm install -g @anthropic-ai/claude-code")
        .doesNotContain("marked failed")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(state("current-task.json")).doesNotExist();
    assertThat(state("execution-log.jsonl")).doesNotExist();
  }

  @Test
  void eight_attempts_without_claude_change_no_metric_and_switch_on_no_adaptation()
      throws Exception {
    for (int i = 0; i < 8; i++) {
      assertThat(vsmIn(project, "/usr/bin:/bin", "Add a login feature").code()).isEqualTo(3);
    }

    Result state = vsm("state");

    assertThat(state.out())
        .contains("Completion Rate: 100.00%")
        .doesNotContain("lower_complexity_threshold")
        .contains("healthy");
  }

  @Test
  void a_cli_not_logged_in_is_found_before_any_task_and_any_agent() throws Exception {
    claude.mode("auth", "loggedout");

    Result r = vsm("run", "--json", "Add a login feature");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("not logged in").contains("/login");
    assertThat(claude.calls()).isEmpty();
    assertThat(state("current-task.json")).doesNotExist();
    Map<?, ?> doc = json(r.out());
    assertThat(doc.get("task_id")).isNull();
    assertThat(((Map<?, ?>) doc.get("error")).get("kind")).isEqualTo("environment");
  }

  @Test
  void a_login_lost_during_the_cycle_fails_the_task_and_moves_no_metric() throws Exception {
    claude.mode("system4-strategy", "notloggedin");

    Result r = vsm("Add a login feature");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains("not logged in")
        .contains("/login")
        .contains("marked failed; the viability metrics are unchanged");
    assertThat(claude.calls()).containsExactly("system4-strategy");
    assertThat(json(Files.readString(state("current-task.json"))).get("status"))
        .isEqualTo("failed");
    assertThat(vsm("state").out()).contains("Completion Rate: 100.00%");
  }

  @Test
  void an_agent_definition_that_cannot_be_used_stops_vsm_before_any_agent_spends_money()
      throws Exception {
    Path own =
        Files.createDirectories(project.resolve(".claude/agents")).resolve("s1-code-writer.md");
    Files.write(own, new byte[] {'-', '-', '-', '\n', 'a', (byte) 0xff, '\n'});

    Result r = vsm("Add a login feature");

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err().strip())
        .isEqualTo("vsm: " + own + " is not valid UTF-8: save it as UTF-8 or remove it");
    assertThat(claude.calls()).isEmpty();
    assertThat(state("current-task.json")).doesNotExist();
  }

  @Test
  void ctrl_c_during_a_parallel_step_leaves_no_agent_busy() throws Exception {
    claude.structured(
        "system3-control",
        "{\"complexity\":\"complex\",\"execution_mode\":\"parallel\",\"selected_agents\":["
            + "{\"agent\":\"frontend\",\"order\":1},{\"agent\":\"backend\",\"order\":1},"
            + "{\"agent\":\"database\",\"order\":1}]}");
    for (String a : List.of("s1-frontend", "s1-backend", "s1-database")) {
      claude.mode(a, "hang");
    }
    Process p = builder(project, path, "Build the reporting screen").start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    int started = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.matches(".*s1-(frontend|backend|database) started.*") && ++started == 3) {
          new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        }
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    out.get();

    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Files.readString(state("agent-registry.json"))).doesNotContain("\"busy\"");
    assertThat(json(Files.readString(state("current-task.json"))).get("status"))
        .isEqualTo("failed");
  }

  @Test
  void corrupt_state_is_moved_aside_with_a_warning_and_vsm_carries_on() throws Exception {
    Files.createDirectories(state("x").getParent());
    Files.writeString(state("viability-metrics.json"), "{\"completion_rate\": oops");

    Result r = vsm("--state");

    assertThat(r.code()).isZero();
    assertThat(r.err())
        .contains("warning")
        .contains("viability-metrics.json")
        .contains(".corrupt-");
    assertThat(r.out()).contains("Completion Rate: 100.00%");
    try (Stream<Path> files = Files.list(state("x").getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("viability-metrics.json.corrupt-"));
    }
  }

  /** Runs {@code vsm ARGS} and sends it SIGINT once s1-code-writer has started. */
  private Result interruptedOnceTheCodeWriterStarts(String... args) throws Exception {
    claude.mode("s1-code-writer", "hang");
    Process p = builder(project, path, args).start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    StringBuilder err = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        err.append(line).append('\n');
        if (line.contains("s1-code-writer started")) {
          new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        }
      }
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out.get(), err.toString());
  }

  @Test
  void an_interrupted_cycle_exits_130_and_the_task_is_failed() throws Exception {
    Result r = interruptedOnceTheCodeWriterStarts("Add a login feature");

    assertThat(r.code()).as(r.err()).isEqualTo(130);
    assertThat(r.err()).contains("interrupted").contains("marked failed");
    assertThat(json(Files.readString(state("current-task.json"))).get("status"))
        .isEqualTo("failed");
    assertThat(
            Files.readAllLines(state("execution-log.jsonl"))
                .get(Files.readAllLines(state("execution-log.jsonl")).size() - 1))
        .contains("\"task_failed\"")
        .contains("interrupted");
  }

  @Test
  void an_interrupted_cycle_still_prints_one_json_document() throws Exception {
    Result r = interruptedOnceTheCodeWriterStarts("run", "--json", "Add a login feature");

    assertThat(r.code()).as(r.err()).isEqualTo(130);
    Map<?, ?> doc = json(r.out());
    assertThat(doc.get("schema_version")).isEqualTo(1);
    assertThat(doc.get("task_id"))
        .isNotNull()
        .isEqualTo(json(Files.readString(state("current-task.json"))).get("id"));
    Map<?, ?> error = (Map<?, ?>) doc.get("error");
    assertThat(error.get("kind")).isEqualTo("interrupted");
    assertThat((String) error.get("message")).contains("marked failed");
  }

  @Test
  void a_task_beginning_with_a_dash_goes_after_double_dash() throws Exception {
    Result r = vsm("--simple", "--", "-v flag crashes the parser");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(json(Files.readString(state("current-task.json"))).get("description"))
        .isEqualTo("-v flag crashes the parser");
  }

  @Test
  void a_dry_run_runs_no_agent() throws Exception {
    Result r = vsm("--dry-run", "Add user authentication with OAuth2");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("VSM Dry Run", "s1-backend");
    assertThat(claude.calls()).isEmpty();
  }

  @Test
  void the_commands_read_without_starting_a_cycle() throws Exception {
    for (String command : List.of("help", "state", "log", "version", "--state", "--log")) {
      Result r = vsm(command);
      assertThat(r.code()).as(command + ": " + r.err()).isZero();
    }
    assertThat(claude.calls()).isEmpty();
    assertThat(Files.exists(state("current-task.json"))).isFalse();
    assertThat(vsm("version").out()).contains("vsm ", "Java ", "Claude Code CLI 2.1.197");
  }

  @Test
  void the_packaged_version_names_the_commit_it_was_built_from_and_when() throws Exception {
    Process git =
        new ProcessBuilder("git", "rev-parse", "HEAD")
            .directory(Path.of("..").toFile())
            .redirectErrorStream(true)
            .start();
    String head = read(git.getInputStream()).strip();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        git.waitFor() == 0, "built outside a git checkout: the commit is unknown");

    String version = vsm("version").out();

    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "^vsm \\S+ \\(commit ([0-9a-f]{7,})(-dirty)?, built"
                    + " (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)\\)\n")
            .matcher(version);
    assertThat(m.find()).as(version).isTrue();
    assertThat(head).as("the commit of this checkout").startsWith(m.group(1));
    assertThat(java.time.Instant.parse(m.group(3))).isBefore(java.time.Instant.now());
  }

  @Test
  void a_script_runs_a_task_called_like_a_command_and_reads_its_log() throws Exception {
    Result run = vsm("run", "--json", "--no-progress", "--", "state");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("S4 intelligence");
    Map<?, ?> doc = json(run.out());
    assertThat(doc.get("schema_version")).isEqualTo(1);
    assertThat(doc.get("error")).isNull();
    String taskId = (String) doc.get("task_id");
    assertThat(json(Files.readString(state("current-task.json"))).get("description"))
        .isEqualTo("state");

    Map<?, ?> log = json(vsm("log", "--task", taskId, "--json").out());
    assertThat(log.get("schema_version")).isEqualTo(1);
    assertThat(((Map<?, ?>) log.get("task_summary")).get("status")).isEqualTo("completed");
    assertThat((List<?>) log.get("entries")).isNotEmpty();
  }

  @Test
  void a_failure_still_prints_one_json_document() throws Exception {
    Result r = vsmIn(project, "/usr/bin:/bin", "run", "--json", "Add a login feature");

    assertThat(r.code()).isEqualTo(3);
    Map<?, ?> doc = json(r.out());
    assertThat(doc.get("schema_version")).isEqualTo(1);
    assertThat(doc.containsKey("task_id")).isTrue();
    assertThat(doc.get("task_id")).as("no task was created").isNull();
    assertThat(((Map<?, ?>) doc.get("error")).get("kind")).isEqualTo("environment");
    assertThat((String) ((Map<?, ?>) doc.get("error")).get("message")).contains("was not found");
  }

  @Test
  void a_skipped_audit_is_not_called_failed() throws Exception {
    claude.mode("s1-generalist-coder", "fail");

    Result r = vsm("run", "--simple", "Fix the flaky date parsing");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("Summary: Completed with 0/1 agents successful. Audit skipped.")
        .contains("Audit: not performed")
        .doesNotContain("Audit failed");
    assertThat(claude.calls()).doesNotContain("system3-audit");
  }

  @Test
  void control_characters_from_a_task_and_an_agent_never_reach_the_terminal_raw() throws Exception {
    claude.reply("s1-generalist-coder", "done \u001b]0;pwned\u0007 and\rrewritten");
    String task = "Fix \u001b[2Jthe\rparser";

    Result run = vsm("run", "-v", "--simple", task);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("done \\x1b]0;pwned\\x07 and\\rrewritten");
    List<String> shown = new ArrayList<>(List.of(run.out(), run.err()));
    for (String[] command :
        List.of(
            new String[] {"state"},
            new String[] {"log", "-n", "100"},
            new String[] {"--log", "--log-count", "100"},
            new String[] {"tasks"},
            new String[] {"--state"})) {
      Result r = vsm(command);
      assertThat(r.code()).isZero();
      shown.add(r.out());
      shown.add(r.err());
    }
    assertThat(String.join("", shown)).doesNotContain("\u001b", "\r", "\u0007");
    assertThat(shown.get(2)).contains("Fix \\x1b[2Jthe\\rparser");
  }
}
