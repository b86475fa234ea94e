package dev.vsm.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hook event belongs to the agent vsm ran, else to the plugin agent it fired in; blank fields are
 * no fields; an agent's report keeps its JSON nulls.
 */
class WhereAHookEventComesFromTest {

  @Test
  void the_agent_vsm_runs_comes_first() {
    assertThat(new HookOrigin("s", "t", "s1-tester", "vsm:s1-backend", "a1", false).agent())
        .isEqualTo("s1-tester");
  }

  @Test
  void a_plugin_agent_is_named_without_the_plugin_prefix() {
    assertThat(new HookOrigin("s", null, null, "vsm:s1-backend", "a1", true).agent())
        .isEqualTo("s1-backend");
  }

  @Test
  void claude_code_s_own_agents_and_the_main_session_belong_to_no_vsm_agent() {
    assertThat(new HookOrigin("s", null, null, "general-purpose", "a1", true).agent()).isNull();
    assertThat(new HookOrigin("s", null, null, null, null, true).agent()).isNull();
  }

  @Test
  void blank_fields_are_missing() {
    HookOrigin o = new HookOrigin(" ", "", "\t", " ", "", false);

    assertThat(o.sessionId()).isNull();
    assertThat(o.taskId()).isNull();
    assertThat(o.vsmAgent()).isNull();
    assertThat(o.agentType()).isNull();
    assertThat(o.agentId()).isNull();
    assertThat(o.agent()).isNull();
  }

  @Test
  void a_stopped_agent_s_report_keeps_its_nulls_and_a_missing_message_is_empty() {
    Map<String, Object> report = new HashMap<>();
    report.put("status", null);
    HookOrigin o = new HookOrigin("s", null, "s1-tester", null, null, false);

    HookEvent.AgentStopped stopped = new HookEvent.AgentStopped(o, null, report);

    assertThat(stopped.lastMessage()).isEmpty();
    assertThat(stopped.report()).containsEntry("status", null);
    assertThat(new HookEvent.AgentStopped(o, "done", null).report()).isNull();
  }
}
