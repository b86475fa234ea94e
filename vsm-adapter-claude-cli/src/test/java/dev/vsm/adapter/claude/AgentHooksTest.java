package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentOptions;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.protocol.S1Protocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * vsm's agents can be told apart by their hooks: each runs with its task and name in its
 * environment, and an S1 agent is handed {@code vsm hook post-tool-use} for its file changes.
 */
class AgentHooksTest {

  private static final List<String> HOOK =
      List.of("/opt/jdk/bin/java", "-cp", "/opt/vsm/vsm.jar", "dev.vsm.adapter.cli.Main", "hook");

  @TempDir Path work;
  private FakeClaude fake;

  @BeforeEach
  void install() {
    fake = FakeClaude.installIn(work.resolve("fake"));
  }

  private ClaudeSettings settings(Map<String, String> env) {
    return ClaudeSettings.fromEnvironment(fake.command().toString(), env);
  }

  private static AgentRequest request(String agent, AgentRole role, String taskId) {
    return new AgentRequest(
        agent,
        role,
        "Do it.",
        Path.of("/tmp"),
        Duration.ofSeconds(30),
        AgentOptions.defaults(),
        S1Protocol.SCHEMA,
        taskId);
  }

  private static List<String> arguments(ClaudeSettings s, AgentRequest request) {
    return new ClaudeProcessRunner(
            s, new AgentDefinitions(null), message -> {}, JsonMapper.builder().build())
        .arguments(request);
  }

  @Test
  void an_s1_agent_gets_a_synchronous_post_tool_use_hook_for_the_file_changing_tools() {
    List<String> args =
        arguments(
            settings(Map.of()).withHookCommand(HOOK),
            request("s1-backend", AgentRole.OPERATIONS, "cafe0001"));

    assertThat(args).contains("--settings");
    Map<?, ?> settings =
        JsonMapper.builder().build().readValue(args.get(args.indexOf("--settings") + 1), Map.class);
    List<?> postToolUse = (List<?>) ((Map<?, ?>) settings.get("hooks")).get("PostToolUse");
    Map<?, ?> matcher = (Map<?, ?>) postToolUse.get(0);
    assertThat(matcher.get("matcher")).isEqualTo("Bash|Edit|MultiEdit|NotebookEdit|Write");
    Map<?, ?> hook = (Map<?, ?>) ((List<?>) matcher.get("hooks")).get(0);
    assertThat(hook.get("type")).isEqualTo("command");
    assertThat(hook.get("command")).isEqualTo("/opt/jdk/bin/java");
    assertThat(((List<?>) hook.get("args")).stream().map(String::valueOf).toList())
        .containsExactly(
            "-cp", "/opt/vsm/vsm.jar", "dev.vsm.adapter.cli.Main", "hook", "post-tool-use");
    assertThat(hook.containsKey("async")).isFalse();
  }

  @Test
  void system_agents_and_runs_without_a_hook_command_get_no_settings() {
    assertThat(
            arguments(
                settings(Map.of()).withHookCommand(HOOK),
                request("system3-audit", AgentRole.SYSTEM, "cafe0001")))
        .doesNotContain("--settings");
    assertThat(arguments(settings(Map.of()), request("s1-backend", AgentRole.OPERATIONS, "t")))
        .doesNotContain("--settings");
  }

  private String childEnvironment(Map<String, String> parent, String taskId) throws IOException {
    Path script = fake.directory().resolve("claude");
    Files.writeString(
        script,
        Files.readString(script)
            .replace(
                "prompt=\"$(cat)\"",
                "prompt=\"$(cat)\"; printf '%s|%s' \"${VSM_TASK_ID:-unset}\" \"${VSM_AGENT:-unset}\""
                    + " > \"$dir/env.txt\""));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(parent);
    ClaudeAdapters.agentRunner(settings(env), message -> {})
        .run(
            new AgentRequest(
                "s1-tester",
                AgentRole.OPERATIONS,
                "Do it.",
                work,
                Duration.ofSeconds(30),
                AgentOptions.defaults(),
                S1Protocol.SCHEMA,
                taskId));
    return Files.readString(fake.directory().resolve("env.txt"));
  }

  @Test
  void the_agent_process_knows_its_task_and_its_name() throws IOException {
    assertThat(childEnvironment(Map.of(), "cafe0001")).isEqualTo("cafe0001|s1-tester");
  }

  @Test
  void a_task_inherited_from_an_outer_vsm_is_not_passed_on_to_a_run_outside_any_task()
      throws IOException {
    assertThat(childEnvironment(Map.of("VSM_TASK_ID", "outer123", "VSM_AGENT", "s1-x"), null))
        .isEqualTo("unset|s1-tester");
  }

  @Test
  void each_file_an_s1_agent_changes_runs_the_hook_with_its_task_agent_and_the_hooks_json()
      throws IOException {
    Path recorder = work.resolve("record-hook");
    Path calls = work.resolve("hook-calls.txt");
    Files.writeString(
        recorder,
        "#!/bin/sh\nprintf '%s|%s|%s|' \"$VSM_TASK_ID\" \"$VSM_AGENT\" \"$*\" >> '"
            + calls
            + "'\ncat >> '"
            + calls
            + "'\necho >> '"
            + calls
            + "'\n");
    recorder.toFile().setExecutable(true);
    fake.edits("s1-tester", "src/app.py", "tests/test_app.py");

    ClaudeAdapters.agentRunner(
            settings(new HashMap<>(System.getenv())).withHookCommand(List.of(recorder.toString())),
            message -> {})
        .run(
            new AgentRequest(
                "s1-tester",
                AgentRole.OPERATIONS,
                "Do it.",
                work,
                Duration.ofSeconds(30),
                AgentOptions.defaults(),
                S1Protocol.SCHEMA,
                "cafe0001"));

    List<String> lines = Files.readAllLines(calls);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("cafe0001|s1-tester|post-tool-use|{");
    Map<?, ?> payload =
        JsonMapper.builder()
            .build()
            .readValue(lines.get(1).substring(lines.get(1).indexOf('{')), Map.class);
    assertThat(payload.get("hook_event_name")).isEqualTo("PostToolUse");
    assertThat(payload.get("tool_name")).isEqualTo("Edit");
    assertThat(((Map<?, ?>) payload.get("tool_input")).get("file_path"))
        .isEqualTo(work.resolve("tests/test_app.py").toString());
    assertThat(work.resolve("src/app.py")).content().contains("changed by s1-tester");
  }
}
