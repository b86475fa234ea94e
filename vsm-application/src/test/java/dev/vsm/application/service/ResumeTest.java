package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.ResumeCommand;
import dev.vsm.application.port.in.ResumeRefusedException;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A task that did not finish goes on where it stopped: finished phases and S1 agents that succeeded
 * are not run again, an interrupted agent continues its Claude session, the budget covers what runs
 * now, two processes never resume one task, and the metrics count the task once.
 */
class ResumeTest extends CycleTest {

  private CycleResult resume(String taskId) {
    return resume(taskId, command("(the plan's task)"));
  }

  private CycleResult resume(String taskId, RunCycleCommand options) {
    return service().resume(new ResumeCommand(taskId, false, options));
  }

  /** The tester fails its first run only. */
  private void testerFailsOnce() {
    int[] runs = {0};
    runner.on(
        "s1-tester",
        r ->
            runs[0]++ == 0
                ? AgentResult.failed(
                    r.agent(), AgentResult.Failure.ERROR, "tests broke", Duration.ZERO)
                : ScriptedAgentRunner.ok(
                    r.agent(), ScriptedAgentRunner.report("completed", "fixed")));
  }

  @Test
  void resuming_after_an_s1_agent_failed_runs_only_that_agent_then_the_audit() {
    testerFailsOnce();
    assertThat(run(TASK).success()).isFalse();
    int firstAttempt = runner.requests().size();

    CycleResult r = resume(FIRST_TASK_ID);

    assertThat(runner.invokedAgents().subList(firstAttempt, runner.requests().size()))
        .containsExactly("s1-tester", "system3-audit");
    assertThat(r.success()).isTrue();
    assertThat(r.attempt()).isEqualTo(2);
    assertThat(r.agentsInvoked()).containsExactly("s1-code-writer", "s1-tester");
    assertThat(runner.lastPromptTo("system3-audit"))
        .contains("s1-code-writer")
        .contains("s1-tester");
    assertThat(log.taskSummary(FIRST_TASK_ID).status()).isEqualTo("completed");
    assertThat(log.ofType(EventType.TASK_RESUMED).get(0).data())
        .containsEntry("attempt", 2)
        .containsEntry("previous_status", "failed")
        .containsEntry("agents_done", List.of("code-writer"));
  }

  @Test
  void a_resumed_task_is_counted_once_when_it_finally_ends() {
    testerFailsOnce();
    run(TASK);
    assertThat(store.metrics().completionRate()).isCloseTo(0.9, within(1e-9));

    resume(FIRST_TASK_ID);

    assertThat(store.metrics().completionRate())
        .as("as if the task had succeeded the first time")
        .isCloseTo(1.0, within(1e-9));
    List<dev.vsm.domain.log.LogEntry> ends = log.ofType(EventType.TASK_COMPLETED);
    assertThat(ends.get(0).data()).containsEntry("success", false).containsEntry("counted", true);
    assertThat(ends.get(1).data())
        .containsEntry("success", true)
        .containsEntry("counted", false)
        .containsEntry("revised", true);
  }

  @Test
  void the_revision_allows_for_the_tasks_that_ended_since() {
    testerFailsOnce();
    run(TASK); // 1.0 -> 0.9
    runner.replyTo("s1-tester", ScriptedAgentRunner.report("completed", "fine"));
    run("Another task"); // 0.9 -> 0.91

    resume(FIRST_TASK_ID);

    // Had the first task succeeded: 1.0 -> 1.0 -> 1.0.
    assertThat(store.metrics().completionRate()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void resuming_after_the_planning_was_cut_short_runs_only_what_did_not_decide() {
    store.saveTaskPlan(
        TaskPlan.started("5ca1ab1e", TASK, null, "t", "medium")
            .withIntelligence(
                new TaskPlan.Intelligence(
                    "saved analysis",
                    List.of(),
                    List.of(),
                    List.of(),
                    "saved approach",
                    "medium",
                    List.of(),
                    false))
            .withStatus(TaskStatus.IN_PROGRESS));

    CycleResult r = resume("5ca1ab1e");

    assertThat(runner.invokedAgents())
        .containsExactly(
            "system3-control",
            "system2-coordination",
            "s1-code-writer",
            "s1-tester",
            "system3-audit");
    assertThat(runner.lastPromptTo("s1-code-writer")).contains("saved approach");
    assertThat(r.success()).isTrue();
  }

  @Test
  void an_interrupted_agent_continues_its_claude_session() {
    runner.on(
        "s1-tester",
        r ->
            r.resumeSession() == null
                ? AgentResult.failed(
                        r.agent(), AgentResult.Failure.TIMEOUT, "timed out", r.timeout())
                    .withClaudeSession(r.sessionId())
                : ScriptedAgentRunner.ok(
                    r.agent(), ScriptedAgentRunner.report("completed", "done")));
    run(TASK);
    String session =
        store.taskPlan(FIRST_TASK_ID).orElseThrow().agents().get("tester").claudeSessionId();
    assertThat(session).isNotBlank();

    resume(FIRST_TASK_ID);

    AgentRequest continued = runner.requests().get(runner.requests().size() - 2);
    assertThat(continued.agent()).isEqualTo("s1-tester");
    assertThat(continued.resumeSession()).isEqualTo(session);
    assertThat(continued.prompt()).contains("resumes it");
    assertThat(log.readTask(FIRST_TASK_ID))
        .anyMatch(
            e ->
                e.is(EventType.AGENT_INVOKED)
                    && session.equals(e.data().get("claude_session_id"))
                    && Boolean.TRUE.equals(e.data().get("resumed_session")));
  }

  @Test
  void a_session_the_cli_cannot_continue_is_started_afresh_and_not_held_against_the_agent() {
    runner.on(
        "s1-tester",
        r -> {
          if (r.resumeSession() != null) {
            return AgentResult.failed(
                r.agent(), AgentResult.Failure.ERROR, "No conversation found", Duration.ZERO);
          }
          return r.prompt().contains("resumes it") || runner.invokedS1Agents().size() < 3
              ? AgentResult.failed(
                      r.agent(), AgentResult.Failure.CANCELLED, "cancelled", Duration.ZERO)
                  .withClaudeSession(r.sessionId())
              : ScriptedAgentRunner.ok(r.agent(), ScriptedAgentRunner.report("completed", "done"));
        });
    assertThatThrownBy(() -> run(TASK)).isInstanceOf(CycleInterruptedException.class);
    Thread.interrupted();

    CycleResult r = resume(FIRST_TASK_ID);

    List<AgentRequest> tester =
        runner.requests().stream().filter(q -> q.agent().equals("s1-tester")).toList();
    assertThat(tester).hasSize(3);
    assertThat(tester.get(1).resumeSession()).isNotNull();
    assertThat(tester.get(2).resumeSession()).isNull();
    assertThat(tester.get(2).prompt()).doesNotContain("resumes it");
    assertThat(r.success()).isTrue();
    assertThat(r.notes()).anyMatch(n -> n.contains("could not be continued; started afresh"));
  }

  @Test
  void the_budget_given_to_a_resume_covers_what_runs_now() {
    testerFailsOnce();
    run(TASK);

    CycleResult r = resume(FIRST_TASK_ID, command("x").withBudget(0.01));

    // The tester may spend the whole budget; none is left for the audit.
    assertThat(r.costUsd()).isCloseTo(ScriptedAgentRunner.COST_PER_RUN, within(1e-9));
    assertThat(
            runner.invokedAgents().subList(runner.requests().size() - 1, runner.requests().size()))
        .containsExactly("s1-tester");
    assertThat(runner.requests().get(runner.requests().size() - 1).options().maxBudgetUsd())
        .isCloseTo(0.01, within(1e-9));
  }

  @Test
  void two_processes_never_resume_one_task_at_once() {
    testerFailsOnce();
    run(TASK);
    StateStore.TaskClaim other = store.claimTask(FIRST_TASK_ID).orElseThrow();

    assertThatThrownBy(() -> resume(FIRST_TASK_ID))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessage("task 00000001 is being run by another vsm process right now")
        .satisfies(e -> assertThat(((ResumeRefusedException) e).busy()).isTrue());
    assertThat(runner.requests().stream().filter(q -> q.agent().equals("s1-tester"))).hasSize(1);

    other.close();
    assertThat(resume(FIRST_TASK_ID).success()).isTrue();
  }

  @Test
  void a_task_a_killed_process_left_in_progress_goes_on_without_being_called_abandoned() {
    testerFailsOnce();
    run(TASK);
    // As if the process had been killed during the tester: in progress, its owner gone.
    store.saveTaskPlan(
        store.taskPlan(FIRST_TASK_ID).orElseThrow().withStatus(TaskStatus.IN_PROGRESS));
    store.saveCurrentTask(
        new CurrentTask(
            FIRST_TASK_ID,
            TASK,
            "t",
            TaskStatus.IN_PROGRESS,
            "medium",
            List.of(),
            Map.of("owner_pid", 99L)));

    CycleResult r =
        serviceIn(2, Set.of(2L)).resume(new ResumeCommand(FIRST_TASK_ID, false, command("x")));

    assertThat(r.success()).isTrue();
    assertThat(log.readTask(FIRST_TASK_ID))
        .noneMatch(e -> Boolean.TRUE.equals(e.data().get("abandoned")));
    assertThat(store.currentTask().orElseThrow().metadata()).containsEntry("owner_pid", 2L);
  }
}
