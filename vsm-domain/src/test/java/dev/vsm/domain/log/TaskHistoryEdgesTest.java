package dev.vsm.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The history's fold keeps the first start, takes the end's figures only when they make sense, and
 * otherwise works the duration out from the timestamps (never a negative one).
 */
class TaskHistoryEdgesTest {

  private final TaskHistory history = new TaskHistory();

  private void log(
      String time, EventType type, String task, String agent, Map<String, Object> data) {
    history.accept(LogEntry.of(time, type, task, agent, data, "s"));
  }

  private TaskHistory.Task only() {
    assertThat(history.tasks()).hasSize(1);
    return history.tasks().get(0);
  }

  @Test
  void a_second_start_of_the_same_task_keeps_the_first_time_and_takes_the_new_description() {
    log("2026-01-01T10:00:00Z", EventType.TASK_STARTED, "a", null, Map.of("description", "one"));
    log("2026-01-01T10:05:00Z", EventType.TASK_STARTED, "a", null, Map.of("description", "two"));

    assertThat(only().startedAt()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(only().description()).isEqualTo("two");
    assertThat(only().status()).isEqualTo(TaskSummary.IN_PROGRESS);
  }

  @Test
  void the_start_s_complexity_counts_until_an_allocation_says_otherwise() {
    log("2026-01-01T10:00:00Z", EventType.TASK_STARTED, "a", null, Map.of("complexity", "simple"));

    assertThat(only().complexity()).isEqualTo("simple");
  }

  @Test
  void a_successful_completion_is_completed_and_one_without_a_verdict_too() {
    log("2026-01-01T10:00:00Z", EventType.TASK_COMPLETED, "a", null, Map.of("success", true));
    log("2026-01-01T10:00:00Z", EventType.TASK_COMPLETED, "b", null, Map.of());

    assertThat(history.tasks())
        .extracting(TaskHistory.Task::status)
        .containsExactly(TaskSummary.COMPLETED, TaskSummary.COMPLETED);
  }

  @Test
  void a_cost_that_is_no_finite_number_is_not_taken() {
    log(
        "2026-01-01T10:00:00Z",
        EventType.TASK_COMPLETED,
        "a",
        null,
        Map.of("cost_usd", Double.NaN));
    log("2026-01-01T10:00:00Z", EventType.TASK_COMPLETED, "b", null, Map.of("cost_usd", "0.5"));

    assertThat(history.tasks()).extracting(TaskHistory.Task::costUsd).containsOnlyNulls();
  }

  @Test
  void a_negative_duration_is_replaced_by_the_time_between_start_and_end() {
    log("2026-01-01T10:00:00Z", EventType.TASK_STARTED, "a", null, Map.of());
    log("2026-01-01T10:00:02Z", EventType.TASK_COMPLETED, "a", null, Map.of("duration_ms", -5));

    assertThat(only().durationMs()).isEqualTo(2000);
  }

  @Test
  void a_zero_duration_is_a_duration() {
    log("2026-01-01T10:00:00Z", EventType.TASK_STARTED, "a", null, Map.of());
    log("2026-01-01T10:00:02Z", EventType.TASK_COMPLETED, "a", null, Map.of("duration_ms", 0));

    assertThat(only().durationMs()).isZero();
  }

  @Test
  void an_end_before_the_start_or_an_unreadable_time_gives_no_duration() {
    log("2026-01-01T10:00:02Z", EventType.TASK_STARTED, "a", null, Map.of());
    log("2026-01-01T10:00:00Z", EventType.TASK_COMPLETED, "a", null, Map.of());
    log("soon", EventType.TASK_STARTED, "b", null, Map.of());
    log("2026-01-01T10:00:00Z", EventType.TASK_FAILED, "b", null, Map.of());
    log("2026-01-01T10:00:00Z", EventType.TASK_FAILED, "c", null, Map.of());

    assertThat(history.tasks()).extracting(TaskHistory.Task::durationMs).containsOnlyNulls();
  }

  @Test
  void an_end_at_the_start_lasted_no_time() {
    log("2026-01-01T10:00:00Z", EventType.TASK_STARTED, "a", null, Map.of());
    log("2026-01-01T10:00:00Z", EventType.TASK_COMPLETED, "a", null, Map.of());

    assertThat(only().durationMs()).isZero();
  }

  @Test
  void entries_without_a_task_or_of_unknown_kinds_or_agents_add_nothing() {
    log("2026-01-01T10:00:00Z", EventType.TASK_STARTED, "", null, Map.of());
    history.accept(new LogEntry("2026-01-01T10:00:00Z", "something_new", "x", null, Map.of(), ""));
    log("2026-01-01T10:00:00Z", EventType.AUDIT_PERFORMED, "y", null, Map.of());
    log("2026-01-01T10:00:00Z", EventType.AGENT_INVOKED, "a", null, Map.of());
    Map<String, Object> noComplexity = new HashMap<>();
    noComplexity.put("complexity", null);
    log("2026-01-01T10:00:00Z", EventType.ALLOCATION_MADE, "a", null, noComplexity);

    assertThat(only().taskId()).isEqualTo("a");
    assertThat(only().agents()).isEmpty();
    assertThat(only().complexity()).isNull();
  }

  @Test
  void the_totals_add_up_costs_and_durations_of_every_kind_of_task() {
    TaskHistory.Task done =
        new TaskHistory.Task(
            "a", null, null, null, TaskSummary.COMPLETED, List.of(), 0.25, 1000L, null);
    TaskHistory.Task failed =
        new TaskHistory.Task("b", null, null, null, TaskSummary.FAILED, List.of(), 0.5, 500L, null);
    TaskHistory.Task running =
        new TaskHistory.Task(
            "c", null, null, null, TaskSummary.IN_PROGRESS, List.of(), null, null, null);
    TaskHistory.Task planned =
        new TaskHistory.Task(
            "d", null, null, null, TaskSummary.PLANNED, List.of(), 0.04, 90L, null);

    assertThat(TaskHistory.Totals.of(List.of(done, failed, running, done, planned)))
        .isEqualTo(new TaskHistory.Totals(5, 2, 1, 1, 1, 1.04, 2590));
  }

  @Test
  void no_timestamp_is_no_instant() {
    assertThat(TaskHistory.instant(null)).isNull();
  }
}
