package dev.vsm.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskHistoryTest {

  private final TaskHistory history = new TaskHistory();

  private void log(
      String time, EventType type, String task, String agent, Map<String, Object> data) {
    history.accept(LogEntry.of(time, type, task, agent, data, "s"));
  }

  @Test
  void a_task_is_folded_from_its_start_allocation_s1_agents_and_end() {
    log(
        "2026-11-24T10:00:00Z",
        EventType.TASK_STARTED,
        "a",
        null,
        Map.of("description", "Add login", "complexity", "simple"));
    log("2026-11-24T10:00:01Z", EventType.AGENT_INVOKED, "a", "system4-strategy", Map.of());
    log(
        "2026-11-24T10:00:02Z",
        EventType.ALLOCATION_MADE,
        "a",
        "system3-control",
        Map.of("complexity", "medium"));
    log("2026-11-24T10:00:03Z", EventType.AGENT_INVOKED, "a", "s1-code-writer", Map.of());
    log("2026-11-24T10:00:04Z", EventType.AGENT_INVOKED, "a", "s1-tester", Map.of());
    log("2026-11-24T10:00:05Z", EventType.AGENT_INVOKED, "a", "s1-code-writer", Map.of());
    log("2026-11-24T10:00:06Z", EventType.AGENT_INVOKED, "a", "system3-audit", Map.of());
    log(
        "2026-11-24T10:00:41Z",
        EventType.TASK_COMPLETED,
        "a",
        null,
        Map.of("success", true, "cost_usd", 0.0738, "duration_ms", 41300));

    TaskHistory.Task t = history.tasks().get(0);

    assertThat(t.taskId()).isEqualTo("a");
    assertThat(t.description()).isEqualTo("Add login");
    assertThat(t.complexity()).as("S3's allocation has the last word").isEqualTo("medium");
    assertThat(t.status()).isEqualTo("completed");
    assertThat(t.agents()).containsExactly("s1-code-writer", "s1-tester");
    assertThat(t.costUsd()).isEqualTo(0.0738);
    assertThat(t.durationMs()).isEqualTo(41300);
    assertThat(t.startedAt()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(t.endedAt()).isEqualTo("2026-11-24T10:00:41Z");
  }

  @Test
  void failures_unfinished_tasks_and_the_python_logs_shape() {
    log("2026-11-24T10:00:00Z", EventType.TASK_STARTED, "f", null, Map.of("description", "x"));
    log("2026-11-24T10:00:09Z", EventType.TASK_FAILED, "f", null, Map.of("error", "interrupted"));
    log("2026-11-24T11:00:00Z", EventType.TASK_STARTED, "r", null, Map.of("description", "y"));
    // The Python implementation: complexity "unknown", no times of its own, no zone, no cost.
    log(
        "2026-11-24T22:35:26.354688",
        EventType.TASK_STARTED,
        "p",
        null,
        Map.of("description", "z", "complexity", "unknown"));
    log("2026-11-24T22:35:26.374625", EventType.AGENT_INVOKED, "p", "s1-backend", Map.of());
    log(
        "2026-11-24T22:35:26.399714",
        EventType.TASK_COMPLETED,
        "p",
        null,
        Map.of("success", false, "summary", ""));
    log("2026-11-24T22:36:00Z", EventType.STATE_CHANGED, "p", null, Map.of());
    log("2026-11-24T22:36:00Z", EventType.TASK_STARTED, null, null, Map.of());

    List<TaskHistory.Task> tasks = history.tasks();

    assertThat(tasks).extracting(TaskHistory.Task::taskId).containsExactly("f", "r", "p");
    assertThat(tasks.get(0).status()).isEqualTo("failed");
    assertThat(tasks.get(0).durationMs()).as("from the timestamps").isEqualTo(9000);
    assertThat(tasks.get(1).status()).isEqualTo("in_progress");
    assertThat(tasks.get(1).durationMs()).isNull();
    TaskHistory.Task p = tasks.get(2);
    assertThat(p.status()).isEqualTo("failed");
    assertThat(p.complexity()).isNull();
    assertThat(p.costUsd()).isNull();
    assertThat(p.durationMs()).isEqualTo(45);
    assertThat(p.agents()).containsExactly("s1-backend");

    TaskHistory.Totals totals = TaskHistory.Totals.of(tasks);
    assertThat(totals).isEqualTo(new TaskHistory.Totals(3, 0, 2, 1, 0, 0.0, 9045));
  }

  @Test
  void a_duration_counts_in_whole_milliseconds_from_zero_to_the_longest_a_long_holds() {
    Map<Object, Long> durations = new java.util.LinkedHashMap<>();
    durations.put(1200, 1200L);
    durations.put(12.9, 12L);
    durations.put(0, 0L);
    durations.put(Long.MAX_VALUE, Long.MAX_VALUE);
    durations.put(-0.5, 9000L); // below zero: the time from start to end instead
    durations.put(-1, 9000L);
    durations.put(1e30, 9000L);
    durations.put(new java.math.BigInteger("18446744073709551616"), 9000L); // 2^64
    durations.put(Double.POSITIVE_INFINITY, 9000L);
    durations.put("1200", 9000L);
    int i = 0;
    for (var d : durations.entrySet()) {
      String task = "t" + i++;
      log("2026-11-24T10:00:00Z", EventType.TASK_STARTED, task, null, Map.of());
      log(
          "2026-11-24T10:00:09Z",
          EventType.TASK_COMPLETED,
          task,
          null,
          Map.of("duration_ms", d.getKey()));
    }

    assertThat(history.tasks())
        .extracting(TaskHistory.Task::durationMs)
        .containsExactlyElementsOf(durations.values());
  }

  @Test
  void timestamps_with_or_without_zone() {
    assertThat(TaskHistory.instant("2026-11-24T10:00:00+02:00"))
        .hasToString("2026-11-24T08:00:00Z");
    assertThat(TaskHistory.instant("2026-11-24T10:00:00")).hasToString("2026-11-24T10:00:00Z");
    assertThat(TaskHistory.instant("yesterday")).isNull();
  }

  @Test
  void a_task_planned_then_resumed_sums_what_every_attempt_spent() {
    log("2026-01-01T10:00:00Z", EventType.TASK_STARTED, "t1", null, Map.of("description", "d"));
    log(
        "2026-01-01T10:00:10Z",
        EventType.TASK_PLANNED,
        "t1",
        null,
        Map.of("cost_usd", 0.03, "duration_ms", 10000));
    assertThat(history.tasks().get(0).status()).isEqualTo("planned");
    assertThat(TaskHistory.Totals.of(history.tasks()).planned()).isEqualTo(1);

    log("2026-01-01T11:00:00Z", EventType.TASK_RESUMED, "t1", null, Map.of());
    log("2026-01-01T11:00:01Z", EventType.AGENT_INVOKED, "t1", "s1-tester", Map.of());
    log(
        "2026-01-01T11:01:00Z",
        EventType.TASK_FAILED,
        "t1",
        null,
        Map.of("cost_usd", 0.02, "duration_ms", 60000));
    log("2026-01-01T12:00:00Z", EventType.TASK_RESUMED, "t1", null, Map.of());
    assertThat(history.tasks().get(0).status()).isEqualTo("in_progress");
    log(
        "2026-01-01T12:00:30Z",
        EventType.TASK_COMPLETED,
        "t1",
        null,
        Map.of("success", true, "cost_usd", 0.01, "duration_ms", 30000));

    TaskHistory.Task t = history.tasks().get(0);
    assertThat(t.status()).isEqualTo("completed");
    assertThat(t.costUsd()).isCloseTo(0.06, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(t.durationMs()).isEqualTo(100000);
    assertThat(t.endedAt()).isEqualTo("2026-01-01T12:00:30Z");
    assertThat(t.agents()).containsExactly("s1-tester");
  }
}
