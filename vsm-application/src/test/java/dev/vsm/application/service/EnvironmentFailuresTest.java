package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A broken environment — no CLI, not logged in, an agent definition that cannot be used — is not a
 * failed task: found before the cycle, no task exists; found by an agent, the task is recorded
 * failed, and no viability metric or adaptation learns from either.
 */
class EnvironmentFailuresTest extends CycleTest {

  private static final String NOT_FOUND =
      "claude was not found on PATH: install it with npm install -g @anthropic-ai/claude-code";

  @Test
  void a_broken_environment_found_before_the_cycle_creates_no_task_and_runs_no_agent() {
    runner.environmentProblem(NOT_FOUND);

    assertThatThrownBy(() -> run(TASK))
        .isInstanceOf(AgentEnvironmentException.class)
        .hasMessage(NOT_FOUND)
        .satisfies(e -> assertThat(((AgentEnvironmentException) e).taskId()).isNull());

    assertThat(runner.requests()).isEmpty();
    assertThat(log.readAll()).isEmpty();
    assertThat(store.currentTask()).isEmpty();
    assertThat(store.snapshot().metricsRecorded()).isFalse();
  }

  @Test
  void every_problem_of_the_environment_is_named_in_one_line() {
    runner.environmentProblem("Claude Code is not logged in: run `claude` and type /login");
    runner.environmentProblem("/p/.claude/agents/s1-tester.md is not valid UTF-8: save it");

    assertThatThrownBy(() -> run(TASK))
        .hasMessage(
            "Claude Code is not logged in: run `claude` and type /login; "
                + "/p/.claude/agents/s1-tester.md is not valid UTF-8: save it");
  }

  @Test
  void eight_attempts_without_claude_leave_the_metrics_and_the_adaptations_as_they_were() {
    runner.environmentProblem(NOT_FOUND);

    for (int i = 0; i < 8; i++) {
      assertThatThrownBy(() -> run(TASK)).isInstanceOf(AgentEnvironmentException.class);
    }

    ViabilityMetrics m = store.metrics();
    assertThat(m.completionRate()).isEqualTo(1.0);
    assertThat(m.activeAdaptations()).isEmpty();
  }

  @Test
  void an_agent_finding_the_environment_broken_fails_the_task_without_moving_a_metric() {
    runner.on(
        "s1-code-writer",
        r ->
            AgentResult.failed(
                r.agent(),
                AgentResult.Failure.AUTHENTICATION,
                "Not logged in · Please run /login",
                Duration.ZERO));

    assertThatThrownBy(() -> run(TASK))
        .isInstanceOf(AgentEnvironmentException.class)
        .satisfies(
            e -> assertThat(((AgentEnvironmentException) e).taskId()).isEqualTo(FIRST_TASK_ID));

    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(only(EventType.TASK_FAILED))
        .containsEntry("environment", true)
        .containsEntry("success", false);
    ViabilityMetrics m = store.metrics();
    assertThat(m.completionRate()).isEqualTo(1.0);
    assertThat(m.agentErrors()).doesNotContainKey("code-writer");
    assertThat(m.activeAdaptations()).isEmpty();
  }
}
