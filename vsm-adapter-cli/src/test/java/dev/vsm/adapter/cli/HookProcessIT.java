package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vsm hook EVENT} as Claude Code runs it: the packaged jar as a separate process, the hook's
 * JSON (the fixtures, shaped as the hooks reference shows) on standard input, the project named by
 * {@code CLAUDE_PROJECT_DIR}. It always exits 0; what it records is read back from the log file.
 */
class HookProcessIT {

  @TempDir Path tmp;
  private Path project;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
  }

  private Run hook(String stdin, Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb =
        PackagedVsm.builder(
            tmp,
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("hook"), List.of(args).stream())
                .toList());
    pb.environment().put("CLAUDE_PROJECT_DIR", project.toString());
    pb.environment().putAll(env);
    return run(pb, stdin);
  }

  static Run run(ProcessBuilder pb, String stdin) throws Exception {
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException closedEarly) {
      // a hook that does not read its input is allowed to
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the hook finished").isTrue();
    return new Run(p.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fixture(String name) {
    return HookInputTest.fixture(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object o) {
    return (Map<String, Object>) o;
  }

  private List<Map<String, Object>> log() throws IOException {
    Path file = project.resolve(".claude/vsm-state/execution-log.jsonl");
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file).stream()
        .map(line -> object(JsonMapper.builder().build().readValue(line, Map.class)))
        .toList();
  }

  private Map<String, Object> onlyEntry() throws IOException {
    assertThat(log()).hasSize(1);
    return log().get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "post-tool-use-edit.json, Edit, /home/dev/shop/src/cart.py",
    "post-tool-use-write.json, Write, /home/dev/shop/tests/test_cart.py",
    "post-tool-use-multiedit.json, MultiEdit, /home/dev/shop/src/cart.py",
    "post-tool-use-notebookedit.json, NotebookEdit, /home/dev/shop/notebooks/sales.ipynb"
  })
  void post_tool_use_of_a_file_tool_logs_the_file(String fixture, String tool, String file)
      throws Exception {
    Run r = hook(fixture(fixture), Map.of(), "post-tool-use", "--plugin");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    Map<String, Object> e = onlyEntry();
    assertThat(e.get("event_type")).isEqualTo("tool_used");
    assertThat(e.get("session_id")).isEqualTo("1cdc3699-f505-4e06-8f6d-56efa7e98754");
    assertThat(object(e.get("data"))).containsEntry("tool", tool).containsEntry("file_path", file);
  }

  @Test
  void post_tool_use_of_bash_logs_a_command_preview_and_the_plugin_agent() throws Exception {
    Run r = hook(fixture("post-tool-use-bash.json"), Map.of(), "post-tool-use", "--plugin");

    assertThat(r.code()).isZero();
    Map<String, Object> e = onlyEntry();
    assertThat(e.get("agent")).isEqualTo("s1-code-writer");
    assertThat(object(e.get("data")))
        .containsEntry("tool", "Bash")
        .containsEntry("agent_type", "vsm:s1-code-writer")
        .containsKey("command_preview");
  }

  @Test
  void post_tool_use_inside_one_of_vsms_agents_carries_its_task_and_agent() throws Exception {
    Run r =
        hook(
            fixture("post-tool-use-edit.json"),
            Map.of("VSM_TASK_ID", "cafe0001", "VSM_AGENT", "s1-backend"),
            "post-tool-use");

    assertThat(r.code()).isZero();
    Map<String, Object> e = onlyEntry();
    assertThat(e.get("task_id")).isEqualTo("cafe0001");
    assertThat(e.get("agent")).isEqualTo("s1-backend");
  }

  @Test
  void the_plugins_hook_inside_one_of_vsms_agents_records_nothing() throws Exception {
    Run r =
        hook(
            fixture("post-tool-use-edit.json"),
            Map.of("VSM_TASK_ID", "cafe0001", "VSM_AGENT", "s1-backend"),
            "post-tool-use",
            "--plugin");

    assertThat(r.code()).isZero();
    assertThat(log()).isEmpty();
  }

  @Test
  void subagent_start_and_stop_log_the_agent_and_its_report_moves_its_error_rate()
      throws Exception {
    Run start = hook(fixture("subagent-start.json"), Map.of(), "subagent-start", "--plugin");
    Run stop = hook(fixture("subagent-stop.json"), Map.of(), "subagent-stop", "--plugin");

    assertThat(start.code()).isZero();
    assertThat(stop.code()).isZero();
    assertThat(log())
        .extracting(e -> e.get("event_type"), e -> e.get("agent"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("agent_invoked", "s1-tester"),
            org.assertj.core.groups.Tuple.tuple("agent_error", "s1-tester"));
    Map<String, Object> metrics =
        object(
            JsonMapper.builder()
                .build()
                .readValue(
                    project.resolve(".claude/vsm-state/viability-metrics.json").toFile(),
                    Map.class));
    assertThat(object(metrics.get("agent_errors"))).containsEntry("tester", 0.2);
  }

  @Test
  void a_subagent_that_completes_logs_its_completion_and_lowers_its_error_rate() throws Exception {
    hook(fixture("subagent-stop.json"), Map.of(), "subagent-stop", "--plugin");

    Run stop = hook(fixture("subagent-stop-completed.json"), Map.of(), "subagent-stop", "--plugin");

    assertThat(stop.code()).isZero();
    assertThat(log())
        .extracting(e -> e.get("event_type"), e -> e.get("agent"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("agent_error", "s1-tester"),
            org.assertj.core.groups.Tuple.tuple("agent_completed", "s1-tester"));
    Map<String, Object> metrics =
        object(
            JsonMapper.builder()
                .build()
                .readValue(
                    project.resolve(".claude/vsm-state/viability-metrics.json").toFile(),
                    Map.class));
    // α = 0.2: a failure moves 0 to 0.2, the success after it to 0.8 × 0.2.
    assertThat((Double) object(metrics.get("agent_errors")).get("tester"))
        .isCloseTo(0.16, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void session_start_answers_with_the_health_verdict_as_additional_context() throws Exception {
    Run r = hook(fixture("session-start.json"), Map.of(), "session-start", "--plugin");

    assertThat(r.code()).isZero();
    Map<String, Object> answer = object(JsonMapper.builder().build().readValue(r.out(), Map.class));
    Map<String, Object> specific = object(answer.get("hookSpecificOutput"));
    assertThat(specific.get("hookEventName")).isEqualTo("SessionStart");
    assertThat((String) specific.get("additionalContext"))
        .contains("healthy")
        .contains("Active adaptations: none");
    assertThat(log()).isEmpty();
    // The same answer every time, keys in the order the hooks reference shows.
    assertThat(r.out()).startsWith("{\"hookSpecificOutput\":{\"hookEventName\":\"SessionStart\",");
    assertThat(hook(fixture("session-start.json"), Map.of(), "session-start", "--plugin").out())
        .isEqualTo(r.out());
  }

  @Test
  void session_end_logs_session_completed_and_creates_the_missing_state_directory()
      throws Exception {
    assertThat(project.resolve(".claude")).doesNotExist();

    Run r = hook(fixture("session-end.json"), Map.of(), "session-end", "--plugin");

    assertThat(r.code()).isZero();
    Map<String, Object> e = onlyEntry();
    assertThat(e.get("event_type")).isEqualTo("session_completed");
    assertThat(object(e.get("data"))).containsEntry("reason", "prompt_input_exit");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all | post-tool-use",
        "{\"hook_event_name\": \"SessionEnd\"} | session-start",
        "{\"hook_event_name\": \"PostToolUse\", \"tool_name\": \"Write\"} | post-tool-use",
        "{} | pre-compact"
      })
  void malformed_or_unknown_input_exits_0_with_a_warning_in_the_log(String stdin, String event)
      throws Exception {
    Run r = hook(stdin, Map.of(), event, "--plugin");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    Map<String, Object> e = onlyEntry();
    assertThat(e.get("event_type")).isEqualTo("state_changed");
    assertThat(object(e.get("data")))
        .containsEntry("change", "hook_input_unreadable")
        .containsEntry("hook_event", event);
  }

  @Test
  void a_state_directory_it_cannot_create_is_a_one_line_note_on_stderr_and_exit_0()
      throws Exception {
    Files.createDirectories(project.resolve(".claude"));
    Files.writeString(project.resolve(".claude/vsm-state"), "a file where the directory goes");

    Run r = hook(fixture("session-end.json"), Map.of(), "session-end", "--plugin");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("vsm hook: ").contains("nothing recorded");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  // The plugin's own entry point, plugin/bin/vsm, which its hooks.json calls.

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  private Run pluginScript(Path script, Map<String, String> env, String stdin, String... args)
      throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(script.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
    pb.environment().remove("VSM_HOME");
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().put("CLAUDE_PROJECT_DIR", project.toString());
    pb.environment().putAll(env);
    return run(pb, stdin);
  }

  /** A copy of the plugin's script in a clone of vsm that has never been built. */
  private Path unbuiltClone() throws IOException {
    Path clone = tmp.resolve("clone");
    Files.createDirectories(clone.resolve("plugin/bin"));
    Files.createDirectories(clone.resolve("vsm-adapter-cli"));
    Files.writeString(clone.resolve("vsm-adapter-cli/pom.xml"), "<project/>");
    Files.copy(REPOSITORY.resolve("vsm"), clone.resolve("vsm"));
    Files.copy(REPOSITORY.resolve("plugin/bin/vsm"), clone.resolve("plugin/bin/vsm"));
    return clone.resolve("plugin/bin/vsm");
  }

  @Test
  void the_plugins_hook_in_a_clone_not_built_yet_exits_0_with_a_one_line_note() throws Exception {
    Run r =
        pluginScript(
            unbuiltClone(),
            Map.of(),
            fixture("session-end.json"),
            "hook",
            "session-end",
            "--plugin");

    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("vsm plugin: vsm is not built yet (run ")
        .contains("/clone/vsm --version once); hook session-end not recorded");
    assertThat(log()).isEmpty();
  }

  @Test
  void the_plugins_hook_without_any_vsm_exits_0_with_a_one_line_note() throws Exception {
    Path lone = tmp.resolve("lone/bin/vsm");
    Files.createDirectories(lone.getParent());
    Files.copy(REPOSITORY.resolve("plugin/bin/vsm"), lone);

    Run r = pluginScript(lone, Map.of(), "{}", "hook", "post-tool-use", "--plugin");

    assertThat(r.code()).isZero();
    assertThat(r.err().strip())
        .isEqualTo(
            "vsm plugin: vsm was not found (set VSM_HOME to a vsm clone); hook post-tool-use not"
                + " recorded");
  }

  @Test
  void the_plugins_hook_in_the_built_repository_records_through_the_launcher() throws Exception {
    Run r =
        pluginScript(
            REPOSITORY.resolve("plugin/bin/vsm"),
            Map.of(),
            fixture("post-tool-use-write.json"),
            "hook",
            "post-tool-use",
            "--plugin");

    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Object> e = onlyEntry();
    assertThat(e.get("event_type")).isEqualTo("tool_used");
    assertThat(e.get("agent")).isEqualTo("s1-tester");
  }

  @Test
  void the_plugins_vsm_runs_the_repositorys_commands() throws Exception {
    Run r =
        pluginScript(
            REPOSITORY.resolve("plugin/bin/vsm"),
            Map.of("VSM_NO_BUILD", "1"),
            "",
            "state",
            "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"viability_metrics\"");
  }
}
