package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A task starts in progress, owned by its process, and ends completed or failed — also when an
 * agent cannot run, the cycle is cancelled, or something breaks; a task a killed vsm left behind is
 * recorded abandoned by the next cycle.
 */
class TaskLifecycleTest extends CycleTest {

  @Test
  void a_task_starts_in_progress_owned_by_this_process_with_the_rules_complexity() {
    runner.on(
        "system4-strategy",
        r -> {
          CurrentTask t = store.currentTask().orElseThrow();
          assertThat(t.status()).isEqualTo(TaskStatus.IN_PROGRESS);
          assertThat(t.metadata()).containsEntry("owner_pid", 1L);
          return ScriptedAgentRunner.okWithoutReply(r.agent(), "no analysis");
        });

    run(TASK);

    LogEntry started = log.readAll().get(0);
    assertThat(started.eventType()).isEqualTo("task_started");
    assertThat(started.data())
        .containsEntry("description", TASK)
        .containsEntry("complexity", "medium");
    CurrentTask t = store.currentTask().orElseThrow();
    assertThat(t.id()).isEqualTo(FIRST_TASK_ID);
    assertThat(t.description()).isEqualTo(TASK);
    assertThat(t.complexity()).isEqualTo("medium");
    assertThat(t.createdAt()).isEqualTo("2026-01-15T10:00:00Z");
  }

  @Test
  void an_authentication_failure_stops_the_cycle_at_the_first_agent() {
    runner.on(
        "system4-strategy",
        r ->
            AgentResult.failed(
                r.agent(),
                AgentResult.Failure.AUTHENTICATION,
                "Not logged in · Please run /login",
                Duration.ZERO));

    assertThatThrownBy(() -> run(TASK))
        .isInstanceOf(AgentEnvironmentException.class)
        .hasMessageContaining("Not logged in")
        .satisfies(
            e -> assertThat(((AgentEnvironmentException) e).taskId()).isEqualTo(FIRST_TASK_ID));

    assertThat(runner.invokedAgents()).containsExactly("system4-strategy");
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(log.eventTypes()).endsWith("task_failed");
    assertThat(only(EventType.TASK_FAILED).get("error").toString())
        .startsWith("agent environment: Not logged in");
    assertThat(store.metrics().completionRate()).as("not the work's failure").isEqualTo(1.0);
  }

  @Test
  void a_cancelled_cycle_stops_its_agents_and_records_the_task_failed() {
    CycleCancellation cancellation = new CycleCancellation();
    runner.on(
        "s1-code-writer",
        r -> {
          cancellation.cancel();
          return ScriptedAgentRunner.afterLatch(new CountDownLatch(1), x -> null).apply(r);
        });

    assertThatThrownBy(() -> run(command(TASK).withCancellation(cancellation)))
        .isInstanceOf(CycleInterruptedException.class);

    assertThat(Thread.interrupted()).as("interrupt status is left for the caller").isTrue();
    assertThat(runner.invokedAgents()).doesNotContain("s1-tester", "system3-audit");
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(only(EventType.TASK_FAILED)).containsEntry("error", "interrupted");
    assertThat(store.registry().agents().get("code-writer").status())
        .isEqualTo(AgentStatus.AVAILABLE);
  }

  @Test
  void a_cancelled_parallel_step_cancels_every_agent_of_it() {
    CycleCancellation cancellation = new CycleCancellation();
    CountDownLatch bothStarted = new CountDownLatch(2);
    CountDownLatch never = new CountDownLatch(1);
    for (String a : List.of("frontend", "backend")) {
      runner.on(
          "s1-" + a,
          r -> {
            bothStarted.countDown();
            return ScriptedAgentRunner.afterLatch(never, x -> null).apply(r);
          });
    }
    runner.replyTo("system3-control", s3Reply("complex", "parallel", "frontend:1", "backend:1"));
    Thread canceller =
        new Thread(
            () -> {
              try {
                bothStarted.await();
              } catch (InterruptedException e) {
                return;
              }
              cancellation.cancel();
            });
    canceller.start();

    assertThatThrownBy(() -> run(command("Build it").withCancellation(cancellation)))
        .isInstanceOf(CycleInterruptedException.class);
    Thread.interrupted();
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(runner.invokedAgents()).doesNotContain("system3-audit");
  }

  @Test
  void an_unexpected_exception_still_leaves_the_task_failed() {
    runner.on(
        "system2-coordination",
        r -> {
          throw new IllegalStateException("runner bug");
        });

    assertThatThrownBy(() -> run(TASK)).isInstanceOf(IllegalStateException.class);

    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(store.currentTask().orElseThrow().metadata())
        .containsEntry("error", "IllegalStateException: runner bug");
    assertThat(only(EventType.TASK_FAILED))
        .containsEntry("error", "IllegalStateException: runner bug")
        .containsEntry("success", false)
        .containsKey("cost_usd");
    assertThat(log.taskSummary(FIRST_TASK_ID).status()).isEqualTo("failed");
  }

  @Test
  void an_error_is_recorded_and_rethrown() {
    runner.on(
        "system2-coordination",
        r -> {
          throw new OutOfMemoryError("simulated");
        });

    assertThatThrownBy(() -> run(TASK)).isInstanceOf(OutOfMemoryError.class);

    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(only(EventType.TASK_FAILED)).containsEntry("error", "OutOfMemoryError: simulated");
  }

  private void leftInProgress(String id, long pid) {
    store.saveCurrentTask(
        new CurrentTask(
            id,
            "killed midway",
            "t",
            TaskStatus.IN_PROGRESS,
            "medium",
            List.of(),
            Map.of("owner_pid", pid)));
  }

  @Test
  void a_task_left_in_progress_by_a_dead_process_is_logged_as_abandoned_by_the_next_cycle() {
    leftInProgress("deadbeef", 111);

    CycleResult r = serviceIn(222, Set.of(222L)).run(command("Add user validation"));

    assertThat(log.taskSummary("deadbeef").status()).isEqualTo("failed");
    assertThat(log.readTask("deadbeef").get(0).data())
        .containsEntry(
            "error", "abandoned: the vsm process (pid 111) ended without finishing the task")
        .containsEntry("abandoned", true);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("task deadbeef was abandoned"));
    assertThat(store.currentTask().orElseThrow().metadata()).containsEntry("owner_pid", 222L);
    assertThat(store.metrics().completionRate()).isLessThan(1.0);
  }

  @Test
  void a_task_in_progress_in_a_live_process_is_left_alone() {
    leftInProgress("cafebabe", 111);

    CycleResult r = serviceIn(222, Set.of(111L, 222L)).run(command("Add user validation"));

    assertThat(log.readTask("cafebabe")).isEmpty();
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void a_dead_process_whose_task_the_log_shows_ended_is_not_reported_abandoned() {
    leftInProgress("0dd0dd00", 111);
    log.append(
        LogEntry.of("t", EventType.TASK_COMPLETED, "0dd0dd00", null, Map.of("success", true), "s"));

    serviceIn(222, Set.of(222L)).run(command("Add user validation"));

    assertThat(log.readTask("0dd0dd00")).hasSize(1);
    assertThat(log.taskSummary("0dd0dd00").status()).isEqualTo("completed");
  }
}
