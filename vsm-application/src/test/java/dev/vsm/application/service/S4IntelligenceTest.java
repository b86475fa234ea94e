package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S4 studies the task; its analysis is saved, and the rules stand in when it gives none. */
class S4IntelligenceTest extends CycleTest {

  @Test
  void s4s_analysis_is_saved_as_the_environment_of_the_task() {
    runner.replyTo(
        "system4-strategy",
        Map.of(
            "task_analysis", "touches the login handler",
            "environment_context", List.of("Spring Boot 3"),
            "risks", List.of(Map.of("risk", "lockout", "severity", "high")),
            "opportunities", List.of("reuse the validator"),
            "strategic_recommendation",
                Map.of("approach", "validate in the handler", "complexity_assessment", "medium")));

    run(TASK);

    S4Environment env = store.environment().orElseThrow();
    assertThat(env.taskId()).isEqualTo(FIRST_TASK_ID);
    assertThat(env.analysis()).isEqualTo("touches the login handler");
    assertThat(env.externalContext()).containsExactly("Spring Boot 3");
    assertThat(env.risks()).containsExactly(Map.of("risk", "lockout", "severity", "high"));
    assertThat(env.opportunities()).containsExactly("reuse the validator");
    assertThat(env.recommendedApproach()).isEqualTo("validate in the handler");
    assertThat(env.createdAt()).isEqualTo("2026-01-15T10:00:00Z");
  }

  @Test
  void a_failing_s4_is_replaced_by_the_rule_based_stand_in_and_the_cycle_goes_on() {
    runner.failing("system4-strategy", "S4 crashed");

    CycleResult r = run(TASK);

    assertThat(r.success()).isTrue();
    assertThat(store.environment().orElseThrow().analysis()).startsWith("Rule-based analysis");
    assertThat(store.environment().orElseThrow().recommendedApproach())
        .isEqualTo("Use code-writer, tester for a medium task");
    assertThat(log.ofType(EventType.AGENT_ERROR))
        .extracting(LogEntry::agent)
        .containsExactly("system4-strategy");
    assertThat(stateChanges("stand_in_used"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .containsEntry("system", "S4")
                    .containsEntry("reason", "agent failed: S4 crashed"));
    assertThat(r.notes())
        .containsExactly("S4 agent failed: S4 crashed; using the rule-based stand-in");
  }

  @Test
  void a_reply_without_an_analysis_is_replaced_by_the_stand_in() {
    runner.replyTo("system4-strategy", Map.of("thoughts", "none"));

    CycleResult r = run(TASK);

    assertThat(store.environment().orElseThrow().analysis()).startsWith("Rule-based analysis");
    assertThat(r.notes())
        .containsExactly("S4 reply had no usable JSON object; using the rule-based stand-in");
  }

  @Test
  void the_stand_in_never_disagrees_with_s3_about_complexity() {
    runner.failing("system4-strategy", "down");
    runner.replyTo("system3-control", s3Reply("complex", "sequential", "backend:1"));

    CycleResult r = run(TASK);

    assertThat(r.conflicts()).isEmpty();
  }
}
