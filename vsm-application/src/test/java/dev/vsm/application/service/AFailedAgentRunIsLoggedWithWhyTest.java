package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A failed agent run is an {@code agent_error} entry that says why (at most 1000 characters) and
 * what kind of failure it was, with what it cost like any other run, and no result summary.
 */
class AFailedAgentRunIsLoggedWithWhyTest extends CycleTest {

  @Test
  void the_entry_holds_the_error_its_kind_and_the_run_s_figures() {
    runner.on(
        "s1-tester",
        r ->
            new AgentResult(
                r.agent(),
                false,
                "partial output",
                java.util.Optional.empty(),
                "x".repeat(1200),
                AgentResult.Failure.TIMEOUT,
                Duration.ofMillis(1500),
                0.02,
                7,
                3,
                "session-t"));

    run(TASK);

    LogEntry e = log.ofType(EventType.AGENT_ERROR).get(0);
    assertThat(e.agent()).isEqualTo("s1-tester");
    assertThat(e.data())
        .containsEntry("success", false)
        .containsEntry("failure", "timeout")
        .containsEntry("duration_ms", 1500L)
        .containsEntry("cost_usd", 0.02)
        .containsEntry("input_tokens", 7L)
        .containsEntry("output_tokens", 3L)
        .containsEntry("claude_session_id", "session-t")
        .doesNotContainKey("result_summary");
    assertThat((String) e.data().get("error")).hasSize(1000).endsWith("…");
  }

  @Test
  void a_failure_without_a_message_is_logged_with_an_empty_error() {
    runner.on(
        "s1-tester",
        r -> AgentResult.failed(r.agent(), AgentResult.Failure.ERROR, null, Duration.ZERO));

    run(TASK);

    assertThat(log.ofType(EventType.AGENT_ERROR).get(0).data())
        .containsEntry("error", "")
        .containsEntry("failure", "error");
  }
}
