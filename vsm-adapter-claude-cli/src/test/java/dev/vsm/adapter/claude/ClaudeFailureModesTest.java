package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentOptions;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentResult.Failure;
import dev.vsm.application.protocol.S1Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Each way a {@code claude} run can go wrong, against the scripted stand-in. */
class ClaudeFailureModesTest {

  @TempDir Path work;
  private FakeClaude fake;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void install() {
    fake = FakeClaude.installIn(work.resolve("fake"));
  }

  private ClaudeSettings settings() {
    return ClaudeSettings.fromEnvironment(fake.command().toString(), new HashMap<>(System.getenv()))
        .withRetryBackoff(Duration.ofMillis(10))
        .withKillGrace(Duration.ofSeconds(1));
  }

  private AgentResult run(String agent, AgentRole role, Duration timeout) {
    return run(settings(), agent, role, timeout);
  }

  private AgentResult run(ClaudeSettings settings, String agent, AgentRole role, Duration timeout) {
    return ClaudeAdapters.agentRunner(settings, warnings::add)
        .run(
            new AgentRequest(
                agent,
                role,
                "-rf / is not a flag here\nDo it.",
                work,
                timeout,
                AgentOptions.defaults(),
                "{\"type\":\"object\"}"));
  }

  private AgentResult s1(String mode) {
    fake.mode("s1-tester", mode);
    return run("s1-tester", AgentRole.OPERATIONS, Duration.ofSeconds(30));
  }

  @Test
  void a_missing_command_is_an_environment_failure_that_says_how_to_install() {
    AgentResult r =
        run(
            ClaudeSettings.fromEnvironment(work.resolve("nope/claude").toString(), System.getenv()),
            "s1-tester",
            AgentRole.OPERATIONS,
            Duration.ofSeconds(5));

    assertThat(r.failure()).isEqualTo(Failure.COMMAND_NOT_FOUND);
    assertThat(r.failure().isFatal()).isTrue();
    assertThat(r.error())
        .contains("npm install -g @anthropic-ai/claude-code")
        .contains("--claude-command");
  }

  @Test
  void a_command_name_is_looked_up_on_path() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PATH", fake.directory() + ":/usr/bin:/bin");
    AgentResult r =
        run(
            ClaudeSettings.fromEnvironment(null, env),
            "s1-tester",
            AgentRole.OPERATIONS,
            Duration.ofSeconds(30));

    assertThat(r.success()).as(r.error()).isTrue();
  }

  @Test
  void exit_1_with_empty_stdout_reports_stderr() {
    AgentResult r = s1("exit1");

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.error()).contains("exited with code 1").contains("simulated failure of the CLI");
  }

  @Test
  void stdout_that_is_not_json_is_a_failure_quoting_it() {
    AgentResult r = s1("garbage");

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.error()).contains("no JSON result").contains("Welcome to Claude!");
  }

  @Test
  void empty_stdout_is_a_failure() {
    assertThat(s1("empty").error()).contains("claude printed nothing");
  }

  @Test
  void output_over_the_cap_is_truncated_and_marked() {
    AgentResult r = s1("huge");

    assertThat(r.success()).isFalse();
    assertThat(r.error()).contains("exceeded the output cap");
    assertThat(r.output()).endsWith("[output truncated]").hasSizeLessThan(70_000);
  }

  @Test
  void the_array_form_of_verbose_output_is_read() {
    fake.reply("s1-tester", "{\"status\":\"completed\"}");
    AgentResult r = s1("array");

    assertThat(r.success()).as(r.error()).isTrue();
    assertThat(r.reply().orElseThrow().fields()).containsEntry("status", "completed");
  }

  @Test
  void a_successful_run_maps_cost_tokens_session_and_structured_output() {
    AgentResult r = run("system3-audit", AgentRole.SYSTEM, Duration.ofSeconds(30));

    assertThat(r.success()).as(r.error()).isTrue();
    assertThat(r.reply().orElseThrow().flag("audit_passed")).hasValue(true);
    assertThat(r.costUsd()).isEqualTo(0.0123);
    assertThat(r.inputTokens()).isEqualTo(1000);
    assertThat(r.outputTokens()).isEqualTo(200);
    assertThat(r.claudeSessionId()).startsWith("fake-system3-audit-");
  }

  @Test
  void the_agents_tool_uses_are_heard_while_it_still_runs() throws Exception {
    fake.uses("s1-tester", "Read src/login.py", "src/login.py", "Bash pytest -q")
        .mode("s1-tester", "hang");
    java.util.concurrent.CountDownLatch bashSeen = new java.util.concurrent.CountDownLatch(1);
    List<dev.vsm.domain.cycle.ToolCall> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicReference<AgentResult> result =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread agent =
        new Thread(
            () ->
                result.set(
                    ClaudeAdapters.agentRunner(settings(), warnings::add)
                        .run(
                            new AgentRequest(
                                "s1-tester",
                                AgentRole.OPERATIONS,
                                "Do it.",
                                work,
                                Duration.ofMinutes(5),
                                AgentOptions.defaults(),
                                "{\"type\":\"object\"}"),
                            call -> {
                              heard.add(call);
                              if (call.tool().equals("Bash")) {
                                bashSeen.countDown();
                              }
                            })));
    agent.start();

    assertThat(bashSeen.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(agent.isAlive()).isTrue();
    assertThat(heard)
        .extracting(c -> c.tool() + " " + c.target())
        .containsExactly(
            "Read " + work.resolve("src/login.py"),
            "Edit " + work.resolve("src/login.py"),
            "Bash pytest -q");
    assertThat(heard.get(1).change()).isPresent();
    agent.interrupt();
    agent.join(30_000);
    assertThat(result.get().failure()).isEqualTo(Failure.CANCELLED);
  }

  @Test
  void a_run_cut_short_before_its_result_says_so() {
    fake.mode("s1-tester", "hang");
    AgentResult r = s1Crashing();

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.error()).contains("ended without its result").contains("exit code 137");
  }

  private AgentResult s1Crashing() {
    try {
      Path script = fake.command();
      Files.writeString(
          script,
          Files.readString(script).replace("hang) sleep 600; exit 0 ;;", "hang) kill -9 $$ ;;"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return run("s1-tester", AgentRole.OPERATIONS, Duration.ofSeconds(30));
  }

  @Test
  void a_hang_is_stopped_with_its_whole_process_tree() throws Exception {
    AgentResult r = s1Timed("grandchild", Duration.ofMillis(800));

    assertThat(r.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(r.error()).contains("timed out after 800 ms");
    long pid = Long.parseLong(Files.readString(fake.directory().resolve("grandchild.pid")).trim());
    ProcessHandle.of(pid)
        .ifPresent(
            h -> {
              try {
                h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new AssertionError("grandchild " + pid + " still alive", e);
              }
            });
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  private AgentResult s1Timed(String mode, Duration timeout) {
    fake.mode("s1-tester", mode);
    return run("s1-tester", AgentRole.OPERATIONS, timeout);
  }

  @Test
  void a_transient_overload_is_retried_and_said() {
    AgentResult r = s1("overloaded-once");

    assertThat(r.success()).as(r.error()).isTrue();
    assertThat(fake.calls()).containsExactly("s1-tester", "s1-tester");
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("transient API error")
        .contains("retrying");
  }

  @Test
  void a_lasting_overload_fails_after_two_retries() {
    AgentResult r = s1("overloaded");

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.error()).contains("529");
    assertThat(fake.calls()).hasSize(3);
  }

  @Test
  void the_turn_limit_is_a_limit_failure() {
    AgentResult r = s1("max-turns");

    assertThat(r.failure()).isEqualTo(Failure.LIMIT);
    assertThat(r.error()).contains("turn limit reached").contains("maximum number of turns");
  }

  @Test
  void the_budget_limit_is_a_limit_failure_with_its_cost() {
    AgentResult r = s1("max-budget");

    assertThat(r.failure()).isEqualTo(Failure.LIMIT);
    assertThat(r.error()).contains("budget limit reached").contains("maximum budget");
    assertThat(r.costUsd()).isEqualTo(1.02);
  }

  @Test
  void not_logged_in_is_fatal_and_says_how_to_log_in() {
    AgentResult r = s1("notloggedin");

    assertThat(r.failure()).isEqualTo(Failure.AUTHENTICATION);
    assertThat(r.error())
        .contains("not logged in")
        .contains("/login")
        .contains("ANTHROPIC_API_KEY");
  }

  @Test
  void an_agent_reporting_an_error_with_exit_1_fails_with_its_result_text() {
    AgentResult r = s1("fail");

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.error()).contains("the agent broke");
  }

  private ClaudeProcessRunner runner(ClaudeSettings s) {
    return new ClaudeProcessRunner(s, new AgentDefinitions(s.pluginRoot()), warnings::add);
  }

  @Test
  void the_command_line_carries_the_agent_its_definition_and_the_options_never_the_prompt() {
    List<String> args =
        runner(settings())
            .arguments(
                new AgentRequest(
                    "s1-backend",
                    AgentRole.OPERATIONS,
                    "--dangerously-skip-permissions",
                    work,
                    Duration.ofMinutes(1),
                    new AgentOptions("sonnet", 7, 1.5, null),
                    S1Protocol.SCHEMA));

    assertThat(args)
        .containsSubsequence("-p", "--output-format", "stream-json", "--verbose", "--agents");
    assertThat(args)
        .containsSubsequence(
            "--agent",
            "s1-backend",
            "--model",
            "sonnet",
            "--max-turns",
            "7",
            "--max-budget-usd",
            "1.5000",
            "--permission-mode",
            "acceptEdits");
    assertThat(args).doesNotContain("--dangerously-skip-permissions");
    assertThat(args).containsSubsequence("--json-schema", S1Protocol.SCHEMA);
    Map<?, ?> agents =
        JsonMapper.builder().build().readValue(args.get(args.indexOf("--agents") + 1), Map.class);
    Map<?, ?> backend = (Map<?, ?>) agents.get("s1-backend");
    assertThat(backend.get("prompt").toString()).contains("S1 (operations) specialist");
    assertThat(List.copyOf((List<?>) backend.get("tools")))
        .map(Object::toString)
        .contains("Edit", "Bash");
  }

  @Test
  void system_agents_get_read_only_tools_a_reply_schema_and_no_permission_mode() {
    List<String> args =
        runner(settings())
            .arguments(
                new AgentRequest(
                    "system3-control",
                    AgentRole.SYSTEM,
                    "x",
                    work,
                    Duration.ofMinutes(1),
                    AgentOptions.defaults(),
                    "{\"type\":\"object\"}"));

    assertThat(args).containsSubsequence("--json-schema", "{\"type\":\"object\"}");
    assertThat(args).doesNotContain("--permission-mode");
    Map<?, ?> agents =
        JsonMapper.builder().build().readValue(args.get(args.indexOf("--agents") + 1), Map.class);
    assertThat(List.copyOf((List<?>) ((Map<?, ?>) agents.get("system3-control")).get("tools")))
        .map(Object::toString)
        .containsExactly("Read", "Grep", "Glob");
  }

  @Test
  void every_built_in_agent_has_a_definition_with_a_json_reply_contract() {
    AgentDefinitions defs = new AgentDefinitions(null);
    for (String name : AgentDefinitions.BUILT_IN) {
      AgentDefinition d = defs.resolve(name, work);
      assertThat(d.name()).isEqualTo(name);
      assertThat(d.description()).isNotBlank();
      assertThat(d.prompt()).contains("Viable System Model").contains("JSON object");
      assertThat(d.tools()).isNotEmpty();
    }
  }

  @Test
  void a_project_agent_file_overrides_the_built_in_definition() throws IOException {
    Path agents = work.resolve(".claude/agents");
    Files.createDirectories(agents);
    Files.writeString(
        agents.resolve("s1-tester.md"),
        "---\nname: s1-tester\ndescription: Our own tester\ntools: Read, Bash\nmodel: haiku\n---\nRun pytest -q.\n");

    AgentDefinition d = new AgentDefinitions(null).resolve("s1-tester", work);

    assertThat(d.description()).isEqualTo("Our own tester");
    assertThat(d.prompt()).isEqualTo("Run pytest -q.");
    assertThat(d.tools()).containsExactly("Read", "Bash");
    assertThat(d.model()).isEqualTo("haiku");
  }

  @Test
  void the_plugin_agents_come_before_the_built_in_ones() throws IOException {
    Path plugin = work.resolve("plugin");
    Files.createDirectories(plugin.resolve("agents/system"));
    Files.writeString(
        plugin.resolve("agents/system/system3-audit.md"),
        "---\nname: system3-audit\ndescription: Plugin audit\ntools: Read\n---\nAudit it.\n");

    assertThat(new AgentDefinitions(plugin).resolve("system3-audit", work).description())
        .isEqualTo("Plugin audit");
    assertThat(new AgentDefinitions(plugin).resolve("system3-control", work).description())
        .startsWith("VSM System 3");
  }

  @Test
  void the_child_environment_drops_claude_codes_nesting_guards_and_keeps_the_session()
      throws IOException {
    Files.writeString(fake.directory().resolve("modes/s1-tester"), "reply");
    Path script = fake.directory().resolve("claude");
    String original = Files.readString(script);
    Files.writeString(
        script,
        original.replace(
            "prompt=\"$(cat)\"",
            "prompt=\"$(cat)\"; printf '%s|%s|%s' \"${CLAUDECODE:-unset}\" \"${CLAUDE_CODE_ENTRYPOINT:-unset}\" \"${CLAUDE_SESSION_ID:-unset}\" > \"$dir/env.txt\""));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("CLAUDECODE", "1");
    env.put("CLAUDE_CODE_ENTRYPOINT", "cli");
    env.put("CLAUDE_SESSION_ID", "sess-42");

    run(
        ClaudeSettings.fromEnvironment(fake.command().toString(), env),
        "s1-tester",
        AgentRole.OPERATIONS,
        Duration.ofSeconds(30));

    assertThat(Files.readString(fake.directory().resolve("env.txt")))
        .isEqualTo("unset|unset|sess-42");
  }
}
