package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A task's end is recorded wherever it can be: a log that cannot be written leaves no task {@code
 * in_progress} and no agent {@code busy}, the user hears what could not be written, and the metrics
 * learn the task's end exactly once — also when the next cycle recovers what a killed one left.
 */
class TaskNeverLeftBehindTest extends CycleTest {

  @Test
  void a_log_refusing_the_tasks_end_leaves_the_task_failed_in_its_file_and_says_so() {
    log.refuse(EventType.TASK_COMPLETED, EventType.TASK_FAILED);

    assertThatThrownBy(() -> run(TASK))
        .isInstanceOf(StateAccessException.class)
        .hasMessageContaining("no space left on device");

    CurrentTask t = store.currentTask().orElseThrow();
    assertThat(t.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(t.metadata().get("error").toString()).contains("StateAccessException");
  }

  @Test
  void a_task_whose_end_could_not_be_logged_is_counted_once_and_not_again_by_the_next_cycle() {
    log.refuse(EventType.TASK_COMPLETED, EventType.TASK_FAILED);
    assertThatThrownBy(() -> run(TASK)).isInstanceOf(StateAccessException.class);
    double afterFirst = store.metrics().completionRate();

    log.refuse();
    serviceIn(2, Set.of(2L)).run(command("Add a second field"));

    // The first cycle's work succeeded and was learned as such; only its end could not be logged.
    assertThat(afterFirst).isEqualTo(1.0);
    assertThat(store.metrics().completionRate()).isCloseTo(1.0, within(1e-9));
    assertThat(log.readTask(FIRST_TASK_ID))
        .noneMatch(e -> Boolean.TRUE.equals(e.data().get("abandoned")));
  }

  @Test
  void a_failure_that_cannot_be_logged_still_ends_the_task_failed_and_is_counted_once() {
    log.refuse(EventType.TASK_FAILED);
    runner.on(
        "system2-coordination",
        r -> {
          throw new IllegalStateException("boom");
        });

    assertThatThrownBy(() -> run(TASK))
        .isInstanceOf(StateAccessException.class)
        .satisfies(
            e -> assertThat(e.getSuppressed()).anyMatch(s -> s instanceof IllegalStateException));

    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(store.metrics().completionRate()).isCloseTo(0.9, within(1e-9));
  }

  @Test
  void an_agent_left_busy_by_a_failing_cycle_is_made_available() {
    runner.on(
        "s1-code-writer",
        r -> {
          // As a parallel agent would be when the cycle breaks: busy with this task.
          store.updateRegistry(
              reg -> reg.withStatus("tester", AgentStatus.BUSY, FIRST_TASK_ID, "t"));
          throw new IllegalStateException("the step broke");
        });

    assertThatThrownBy(() -> run(TASK)).isInstanceOf(IllegalStateException.class);

    assertThat(store.registry().agents().values()).noneMatch(p -> p.status() == AgentStatus.BUSY);
  }

  @Test
  void the_next_cycle_frees_the_agents_a_killed_process_left_busy() {
    store.saveCurrentTask(
        new CurrentTask(
            "deadbeef",
            "killed midway",
            "t",
            TaskStatus.IN_PROGRESS,
            "complex",
            List.of("frontend", "backend"),
            Map.of("owner_pid", 111L)));
    store.updateRegistry(
        r ->
            r.withStatus("frontend", AgentStatus.BUSY, "deadbeef", "t")
                .withStatus("backend", AgentStatus.BUSY, "deadbeef", "t")
                .withStatus("database", AgentStatus.BUSY, "0be11ve0", "t"));

    serviceIn(222, Set.of(222L)).run(command("Add user validation"));

    var agents = store.registry().agents();
    assertThat(agents.get("frontend").status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(agents.get("backend").status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(agents.get("database").status())
        .as("busy with another task, maybe of a live process")
        .isEqualTo(AgentStatus.BUSY);
  }
}
