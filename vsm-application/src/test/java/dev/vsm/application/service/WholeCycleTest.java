package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.protocol.S1Protocol;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.domain.task.TaskStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A whole cycle, every agent doing its part. */
class WholeCycleTest extends CycleTest {

  @Test
  void a_cycle_runs_the_phases_in_order_and_logs_each_step() {
    CycleResult r = run(TASK);

    assertThat(r.success()).isTrue();
    assertThat(r.taskId()).isEqualTo(FIRST_TASK_ID);
    assertThat(r.summary()).isEqualTo("Completed with 2/2 agents successful. Audit passed.");
    assertThat(r.complexity()).isEqualTo("medium");
    assertThat(r.agentsInvoked()).containsExactly("s1-code-writer", "s1-tester");
    assertThat(r.auditPassed()).isTrue();
    assertThat(r.allocations()).isEqualTo(1);
    assertThat(r.notes()).isEmpty();
    assertThat(runner.invokedAgents())
        .containsExactly(
            "system4-strategy",
            "system3-control",
            "system2-coordination",
            "s1-code-writer",
            "s1-tester",
            "system3-audit");
    assertThat(log.eventTypes())
        .containsExactly(
            "task_started",
            "agent_invoked",
            "agent_completed",
            "agent_invoked",
            "agent_completed",
            "allocation_made",
            "agent_invoked",
            "agent_completed",
            "agent_invoked",
            "agent_completed",
            "agent_invoked",
            "agent_completed",
            "agent_invoked",
            "agent_completed",
            "audit_performed",
            "task_completed");
    assertThat(log.readAll()).allMatch(e -> e.taskId().equals(FIRST_TASK_ID));
    assertThat(progress.events)
        .startsWith("phase adaptation", "phase S4 intelligence", "start system4-strategy")
        .contains("phase S3 control", "phase S2 coordination", "phase S1 operations")
        .contains("phase S3* audit")
        .endsWith("cycle success");
  }

  @Test
  void a_cycle_saves_what_each_phase_decided_and_ends_the_task_completed() {
    run(TASK);

    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(store.currentTask().orElseThrow().assignedAgents())
        .containsExactly("code-writer", "tester");
    assertThat(store.environment().orElseThrow().recommendedApproach())
        .isEqualTo("scripted approach");
    assertThat(store.allocation().orElseThrow().agentNames())
        .containsExactly("code-writer", "tester");
    assertThat(store.coordinationPlan().orElseThrow().plan()).containsKey("execution_schedule");
    assertThat(store.metrics().agentErrors())
        .containsEntry("code-writer", 0.0)
        .containsEntry("tester", 0.0);
    assertThat(store.metrics().completionRate()).isEqualTo(1.0);
    assertThat(store.registry().agents().values())
        .allMatch(a -> a.status() == AgentStatus.AVAILABLE);
  }

  @Test
  void costs_tokens_and_duration_are_totalled_into_the_result_the_log_and_the_task() {
    CycleResult r = run(TASK);

    assertThat(r.costUsd()).isCloseTo(6 * ScriptedAgentRunner.COST_PER_RUN, within(1e-9));
    assertThat(r.inputTokens()).isEqualTo(6 * ScriptedAgentRunner.INPUT_TOKENS_PER_RUN);
    assertThat(r.outputTokens()).isEqualTo(6 * ScriptedAgentRunner.OUTPUT_TOKENS_PER_RUN);
    assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
    Map<String, Object> done = only(EventType.TASK_COMPLETED);
    assertThat((double) done.get("cost_usd")).isCloseTo(0.06, within(1e-9));
    assertThat(done)
        .containsEntry("input_tokens", 600L)
        .containsEntry("output_tokens", 300L)
        .containsEntry("agent_runs", 6)
        .containsEntry("success", true)
        .containsEntry("summary", r.summary())
        .containsEntry("allocations", 1)
        .containsKey("duration_ms");
    assertThat(store.currentTask().orElseThrow().metadata())
        .containsEntry("input_tokens", 600L)
        .containsEntry("agent_runs", 6);
  }

  @Test
  void each_agent_run_is_logged_with_what_it_cost_and_a_preview_of_its_prompt() {
    run(TASK);

    LogEntry completed = log.ofType(EventType.AGENT_COMPLETED).get(0);
    assertThat(completed.agent()).isEqualTo("system4-strategy");
    assertThat(completed.data())
        .containsEntry("success", true)
        .containsEntry("cost_usd", ScriptedAgentRunner.COST_PER_RUN)
        .containsEntry("input_tokens", ScriptedAgentRunner.INPUT_TOKENS_PER_RUN)
        .containsEntry("output_tokens", ScriptedAgentRunner.OUTPUT_TOKENS_PER_RUN)
        .containsEntry("claude_session_id", "session-system4-strategy")
        .containsKeys("result_summary", "duration_ms");
    String preview =
        log.ofType(EventType.AGENT_INVOKED).get(0).data().get("prompt_preview").toString();
    assertThat(preview).hasSizeLessThanOrEqualTo(200).startsWith("You are S4 (intelligence)");
  }

  @Test
  void the_task_summary_folds_the_cycle_log() {
    CycleResult r = run(TASK);

    TaskSummary summary = log.taskSummary(r.taskId());
    assertThat(summary.status()).isEqualTo("completed");
    assertThat(summary.auditPassed()).isTrue();
    assertThat(summary.agentsInvoked()).contains("s1-code-writer", "system3-audit");
  }

  @Test
  void each_agent_gets_the_commands_timeout_and_directory_and_a_reply_schema() {
    service().run(command("Add input validation").withAgentTimeout(Duration.ofSeconds(42)));

    assertThat(runner.requests()).allMatch(r -> r.timeout().equals(Duration.ofSeconds(42)));
    assertThat(runner.requests()).allMatch(r -> r.workingDirectory().equals(dir));
    assertThat(runner.requests())
        .filteredOn(r -> r.agent().startsWith("s1-"))
        .isNotEmpty()
        .allMatch(r -> r.replySchema().equals(S1Protocol.SCHEMA));
    assertThat(runner.requests())
        .filteredOn(r -> r.agent().startsWith("system"))
        .allMatch(r -> r.replySchema().contains("\"type\":\"object\""))
        .allMatch(r -> !r.replySchema().equals(S1Protocol.SCHEMA));
  }
}
