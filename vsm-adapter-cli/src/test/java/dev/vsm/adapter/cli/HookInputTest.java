package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.HookEvent;
import dev.vsm.domain.cycle.ToolUse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hooks' JSON (fixtures shaped as Claude Code's hooks reference shows) read into events. */
class HookInputTest {

  static String fixture(String name) {
    try (InputStream in = HookInputTest.class.getResourceAsStream("/hook-payloads/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static HookEvent read(String event, String json) {
    return HookInput.read(event, json, Map.of(), true).event().orElseThrow();
  }

  @Test
  void session_start_carries_the_session_and_its_source() {
    HookInput in = HookInput.read("session-start", fixture("session-start.json"), Map.of(), true);

    HookEvent.SessionStarted e = (HookEvent.SessionStarted) in.event().orElseThrow();
    assertThat(e.origin().sessionId()).isEqualTo("1cdc3699-f505-4e06-8f6d-56efa7e98754");
    assertThat(e.source()).isEqualTo("startup");
    assertThat(e.origin().viaPlugin()).isTrue();
    assertThat(in.cwd()).isEqualTo("/home/dev/shop");
  }

  @ParameterizedTest
  @CsvSource({
    "post-tool-use-edit.json, Edit, /home/dev/shop/src/cart.py",
    "post-tool-use-write.json, Write, /home/dev/shop/tests/test_cart.py",
    "post-tool-use-multiedit.json, MultiEdit, /home/dev/shop/src/cart.py",
    "post-tool-use-notebookedit.json, NotebookEdit, /home/dev/shop/notebooks/sales.ipynb"
  })
  void a_file_tool_use_names_the_file_it_changed(String fixture, String tool, String file) {
    HookEvent.ToolUsed e = (HookEvent.ToolUsed) read("post-tool-use", fixture(fixture));

    assertThat(e.use()).isEqualTo(new ToolUse(tool, file, null));
  }

  @Test
  void a_shell_use_carries_its_command_and_the_agent_it_ran_in() {
    HookEvent.ToolUsed e =
        (HookEvent.ToolUsed) read("post-tool-use", fixture("post-tool-use-bash.json"));

    assertThat(e.use().command()).startsWith("python -m pytest -q tests/test_cart.py");
    assertThat(e.origin().agentType()).isEqualTo("vsm:s1-code-writer");
    assertThat(e.origin().agentId()).isEqualTo("b81d09aa");
    assertThat(e.origin().agent()).isEqualTo("s1-code-writer");
  }

  @Test
  void the_task_and_agent_of_a_vsm_cycle_come_from_the_environment_vsm_gives_its_agents() {
    HookEvent e =
        HookInput.read(
                "post-tool-use",
                fixture("post-tool-use-edit.json"),
                Map.of("VSM_TASK_ID", "cafe0001", "VSM_AGENT", "s1-backend"),
                false)
            .event()
            .orElseThrow();

    assertThat(e.origin().taskId()).isEqualTo("cafe0001");
    assertThat(e.origin().agent()).isEqualTo("s1-backend");
    assertThat(e.origin().viaPlugin()).isFalse();
  }

  @Test
  void subagent_start_and_stop_carry_the_agent_and_its_last_message() {
    HookEvent start = read("subagent-start", fixture("subagent-start.json"));
    HookEvent.AgentStopped stop =
        (HookEvent.AgentStopped) read("subagent-stop", fixture("subagent-stop.json"));

    assertThat(start).isInstanceOf(HookEvent.AgentStarted.class);
    assertThat(start.origin().agent()).isEqualTo("s1-tester");
    assertThat(stop.origin().agentId()).isEqualTo("a7f3c2e1");
    assertThat(stop.lastMessage()).contains("\"status\": \"blocked\"");
    assertThat(stop.report())
        .containsEntry("status", "blocked")
        .containsEntry("blockers", java.util.List.of("no test database"));
  }

  @Test
  void the_report_is_the_last_json_object_of_the_message_not_one_it_quotes() {
    String json =
        fixture("subagent-stop.json")
            .replace(
                "I wrote tests/test_cart.py",
                "The endpoint answers {\\\"status\\\": \\\"ok\\\"}. I wrote tests/test_cart.py");

    HookEvent.AgentStopped stop = (HookEvent.AgentStopped) read("subagent-stop", json);

    assertThat(stop.lastMessage()).contains("{\"status\": \"ok\"}");
    assertThat(stop.report()).containsEntry("status", "blocked");
  }

  @Test
  void session_end_carries_the_reason() {
    HookEvent.SessionEnded e =
        (HookEvent.SessionEnded) read("session-end", fixture("session-end.json"));

    assertThat(e.reason()).isEqualTo("prompt_input_exit");
  }

  @Test
  void a_tool_that_changes_nothing_or_a_staged_edit_is_nothing_to_record() {
    String read =
        "{\"session_id\":\"s\",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Read\","
            + "\"tool_input\":{\"file_path\":\"/p/a.py\"}}";
    String staged =
        fixture("post-tool-use-edit.json")
            .replace("\"replaceAll\": false", "\"replaceAll\": false, \"staged\": true");

    assertThat(HookInput.read("post-tool-use", read, Map.of(), true).event()).isEmpty();
    assertThat(HookInput.read("post-tool-use", staged, Map.of(), true).event()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1, 2]",
        "{\"hook_event_name\": \"SessionEnd\", \"reason\": \"other\"}",
        "{\"hook_event_name\": \"PostToolUse\", \"tool_name\": \"Edit\"}",
        "{\"hook_event_name\": \"PostToolUse\", \"tool_name\": \"Edit\", \"tool_input\": {}}",
        "{\"hook_event_name\": \"PostToolUse\", \"tool_input\": {\"file_path\": \"/a\"}}",
        "{\"tool_name\": \"Write\", \"tool_input\": {\"file_path\": 7}}"
      })
  void malformed_input_is_an_unreadable_event_naming_the_problem(String json) {
    HookEvent e = read("post-tool-use", json);

    assertThat(e).isInstanceOf(HookEvent.Unreadable.class);
    assertThat(((HookEvent.Unreadable) e).problem()).isNotBlank();
    assertThat(((HookEvent.Unreadable) e).event()).isEqualTo("post-tool-use");
  }

  @Test
  void an_unknown_event_is_unreadable_and_lists_the_known_ones() {
    HookEvent.Unreadable e =
        (HookEvent.Unreadable) read("pre-compact", fixture("session-start.json"));

    assertThat(e.problem())
        .isEqualTo(
            "unknown hook event 'pre-compact' (vsm handles session-start, post-tool-use, "
                + "subagent-start, subagent-stop, session-end)");
  }
}
