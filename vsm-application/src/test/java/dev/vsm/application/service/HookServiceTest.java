package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.application.port.in.HookEvent;
import dev.vsm.application.port.in.HookOrigin;
import dev.vsm.application.port.in.SessionBriefing;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.application.testing.MutableClock;
import dev.vsm.domain.cycle.ToolUse;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hook events become log entries and metric updates; a session start gets vsm's health. */
class HookServiceTest {

  private final InMemoryStateStore store = new InMemoryStateStore();
  private final InMemoryExecutionLog log = new InMemoryExecutionLog("vsm-process");
  private final HookService hooks =
      new HookService(() -> store, () -> log, MutableClock.at("2026-03-01T10:00:00Z"));

  private static HookOrigin session(String agentType) {
    return new HookOrigin("claude-session-1", null, null, agentType, null, true);
  }

  private static HookOrigin vsmAgent(String task, String agent) {
    return new HookOrigin("claude-child-7", task, agent, agent, null, false);
  }

  private LogEntry only(EventType type) {
    assertThat(log.readAll()).hasSize(1);
    LogEntry e = log.readAll().get(0);
    assertThat(e.eventType()).isEqualTo(type.label());
    return e;
  }

  @Test
  void an_edit_by_one_of_vsms_agents_is_logged_with_its_task_agent_file_and_session() {
    hooks.record(
        new HookEvent.ToolUsed(
            vsmAgent("cafe0001", "s1-code-writer"),
            new ToolUse("Edit", "/work/project/src/app.py", null)));

    LogEntry e = only(EventType.TOOL_USED);
    assertThat(e.taskId()).isEqualTo("cafe0001");
    assertThat(e.agent()).isEqualTo("s1-code-writer");
    assertThat(e.sessionId()).isEqualTo("claude-child-7");
    assertThat(e.data())
        .containsEntry("tool", "Edit")
        .containsEntry("file_path", "/work/project/src/app.py")
        .containsEntry("agent_type", "s1-code-writer")
        .doesNotContainKey("command_preview");
  }

  @Test
  void a_shell_command_is_logged_as_a_preview_of_at_most_200_characters() {
    String command = "echo " + "x".repeat(500) + " > out.txt";

    hooks.record(new HookEvent.ToolUsed(session(null), new ToolUse("Bash", null, command)));

    LogEntry e = only(EventType.TOOL_USED);
    assertThat(e.agent()).isNull();
    assertThat(e.taskId()).isNull();
    assertThat((String) e.data().get("command_preview")).hasSize(200).startsWith("echo xxx");
    assertThat(e.data()).doesNotContainKey("file_path");
  }

  @Test
  void a_tool_use_inside_a_plugin_agent_names_the_vsm_agent_and_keeps_claudes_agent_type() {
    hooks.record(
        new HookEvent.ToolUsed(
            new HookOrigin("s", null, null, "vsm:s1-tester", "agent-42", true),
            new ToolUse("Write", "/p/test_app.py", null)));

    LogEntry e = only(EventType.TOOL_USED);
    assertThat(e.agent()).isEqualTo("s1-tester");
    assertThat(e.data())
        .containsEntry("agent_type", "vsm:s1-tester")
        .containsEntry("agent_id", "agent-42");
  }

  @Test
  void a_plugin_agent_starting_is_an_agent_invocation_and_claudes_own_agents_are_not() {
    hooks.record(new HookEvent.AgentStarted(session("Explore")));
    hooks.record(new HookEvent.AgentStarted(session("vsm:system4-strategy")));

    LogEntry e = only(EventType.AGENT_INVOKED);
    assertThat(e.agent()).isEqualTo("system4-strategy");
    assertThat(e.data()).containsEntry("source", "hook");
  }

  @Test
  void an_s1_agent_reporting_failure_is_an_agent_error_and_raises_its_error_rate() {
    hooks.record(
        new HookEvent.AgentStopped(
            session("vsm:s1-tester"),
            "Tests cannot run.\n{\"status\": \"blocked\", \"blockers\": [\"no database\"]}",
            Map.of("status", "blocked", "blockers", List.of("no database"))));

    LogEntry e = only(EventType.AGENT_ERROR);
    assertThat(e.agent()).isEqualTo("s1-tester");
    assertThat(e.data()).containsEntry("success", false).containsEntry("report_status", "blocked");
    assertThat(store.metrics().agentErrors().get("tester")).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void an_s1_agent_reporting_success_is_completed_and_lowers_its_error_rate() {
    store.putMetrics(ViabilityMetrics.defaults().withAgentResult("tester", false, "t"));

    hooks.record(
        new HookEvent.AgentStopped(
            session("vsm:s1-tester"), "Done.", Map.of("status", "completed")));

    LogEntry e = only(EventType.AGENT_COMPLETED);
    assertThat(e.data()).containsEntry("success", true).containsEntry("result_summary", "Done.");
    assertThat(store.metrics().agentErrors().get("tester")).isCloseTo(0.16, within(1e-9));
  }

  @Test
  void an_agent_without_a_report_or_a_system_agent_moves_no_error_rate() {
    hooks.record(new HookEvent.AgentStopped(session("vsm:s1-backend"), "I stopped.", null));
    hooks.record(
        new HookEvent.AgentStopped(session("vsm:system3-audit"), "", Map.of("status", "failed")));
    hooks.record(
        new HookEvent.AgentStopped(session("general-purpose"), "", Map.of("status", "failed")));

    assertThat(log.readAll())
        .extracting(LogEntry::agent)
        .containsExactly("s1-backend", "system3-audit");
    assertThat(store.metrics().agentErrors()).isEmpty();
  }

  @Test
  void a_session_start_is_answered_with_the_health_verdict_and_the_active_adaptations() {
    Adaptation review =
        new Adaptation(
            AdaptationType.ADD_REVIEW_STEP,
            "tester_errors",
            "Add reviewer before tester",
            "2026-02-01T00:00:00Z",
            Map.of(Adaptation.TARGET_AGENT, "tester"));
    store.putMetrics(
        ViabilityMetrics.defaults()
            .withAgentResult("tester", false, "t")
            .withAgentResult("tester", false, "t")
            .withActiveAdaptations(List.of(review), "t"));

    Optional<SessionBriefing> briefing =
        hooks.record(new HookEvent.SessionStarted(session(null), "startup"));

    assertThat(briefing).isPresent();
    assertThat(briefing.get().healthy()).isFalse();
    assertThat(briefing.get().health())
        .singleElement()
        .satisfies(i -> assertThat(i.problem()).isEqualTo("Agent tester has 36% error rate"));
    assertThat(briefing.get().activeAdaptations()).containsExactly(review);
    assertThat(log.readAll()).isEmpty();
  }

  @Test
  void a_new_project_is_briefed_as_healthy() {
    assertThat(hooks.record(new HookEvent.SessionStarted(session(null), "startup")))
        .hasValueSatisfying(b -> assertThat(b.healthy()).isTrue());
  }

  @Test
  void a_session_end_is_logged_with_its_reason_under_claudes_session_id() {
    hooks.record(new HookEvent.SessionEnded(session(null), "logout"));

    LogEntry e = only(EventType.SESSION_COMPLETED);
    assertThat(e.sessionId()).isEqualTo("claude-session-1");
    assertThat(e.data()).containsEntry("reason", "logout");
  }

  @Test
  void unreadable_input_is_a_warning_in_the_log() {
    hooks.record(
        new HookEvent.Unreadable(session(null), "post-tool-use", "standard input is not JSON"));

    LogEntry e = only(EventType.STATE_CHANGED);
    assertThat(e.data())
        .containsEntry("change", "hook_input_unreadable")
        .containsEntry("hook_event", "post-tool-use")
        .containsEntry("problem", "standard input is not JSON");
  }

  @Test
  void the_plugins_hooks_inside_one_of_vsms_own_agents_record_nothing() {
    HookOrigin pluginInsideCycle =
        new HookOrigin("child", "cafe0001", "s1-code-writer", "s1-code-writer", null, true);

    hooks.record(new HookEvent.ToolUsed(pluginInsideCycle, new ToolUse("Edit", "/p/a.py", null)));
    hooks.record(new HookEvent.SessionEnded(pluginInsideCycle, "other"));

    assertThat(log.readAll()).isEmpty();
  }
}
