package dev.vsm.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSummaryTest {

  private static LogEntry e(
      String ts, EventType type, String task, String agent, Map<String, Object> data) {
    return LogEntry.of(ts, type, task, agent, data, "s");
  }

  @Test
  void an_unknown_task_is_not_found() {
    assertThat(TaskSummary.of("nope", List.of()).status()).isEqualTo("not_found");
  }

  @Test
  void a_started_task_without_an_end_is_in_progress() {
    TaskSummary s =
        TaskSummary.of("t1", List.of(e("1", EventType.TASK_STARTED, "t1", null, Map.of())));
    assertThat(s.status()).isEqualTo("in_progress");
    assertThat(s.startedAt()).isEqualTo("1");
    assertThat(s.completedAt()).isNull();
  }

  @Test
  void the_fold_collects_agents_audit_conflicts_adaptations_and_ignores_other_tasks() {
    List<LogEntry> log =
        List.of(
            e("1", EventType.TASK_STARTED, "t1", null, Map.of()),
            e("2", EventType.AGENT_INVOKED, "t1", "system4-strategy", Map.of()),
            e("3", EventType.AGENT_INVOKED, "t2", "s1-database", Map.of()),
            e("4", EventType.AGENT_INVOKED, "t1", "s1-backend", Map.of()),
            e("5", EventType.AGENT_INVOKED, "t1", "s1-backend", Map.of()),
            e("6", EventType.ADAPTATION_APPLIED, "t1", null, Map.of("type", "tighten_s3_star")),
            e("7", EventType.AUDIT_PERFORMED, "t1", null, Map.of("passed", true)),
            e("8", EventType.CONFLICT_DETECTED, "t1", null, Map.of("s3_position", "x")),
            e("9", EventType.TASK_COMPLETED, "t1", null, Map.of("success", true)),
            new LogEntry("10", "some_future_event", "t1", null, Map.of(), "s"));

    TaskSummary s = TaskSummary.of("t1", log);

    assertThat(s.status()).isEqualTo("completed");
    assertThat(s.startedAt()).isEqualTo("1");
    assertThat(s.completedAt()).isEqualTo("9");
    assertThat(s.agentsInvoked()).containsExactly("system4-strategy", "s1-backend");
    assertThat(s.auditPassed()).isTrue();
    assertThat(s.conflicts()).hasSize(1);
    assertThat(s.adaptations()).hasSize(1);
  }

  @Test
  void an_unsuccessful_completion_or_a_failure_entry_is_failed() {
    assertThat(
            TaskSummary.of(
                    "t",
                    List.of(e("1", EventType.TASK_COMPLETED, "t", null, Map.of("success", false))))
                .status())
        .isEqualTo("failed");
    assertThat(
            TaskSummary.of("t", List.of(e("1", EventType.TASK_FAILED, "t", null, Map.of())))
                .status())
        .isEqualTo("failed");
  }

  @Test
  void a_planned_task_is_planned_and_a_resumed_one_spans_every_attempt() {
    List<LogEntry> log =
        List.of(
            e("1", EventType.TASK_STARTED, "t1", null, Map.of()),
            e("2", EventType.AGENT_INVOKED, "t1", "system4-strategy", Map.of()),
            e("3", EventType.TASK_PLANNED, "t1", null, Map.of()));
    assertThat(TaskSummary.of("t1", log).status()).isEqualTo("planned");

    List<LogEntry> resumed = new java.util.ArrayList<>(log);
    resumed.add(e("4", EventType.TASK_RESUMED, "t1", null, Map.of()));
    resumed.add(e("5", EventType.AGENT_INVOKED, "t1", "s1-tester", Map.of()));
    resumed.add(e("6", EventType.TASK_FAILED, "t1", null, Map.of()));
    resumed.add(e("7", EventType.TASK_RESUMED, "t1", null, Map.of()));
    TaskSummary going = TaskSummary.of("t1", resumed);
    assertThat(going.status()).isEqualTo("in_progress");
    assertThat(going.completedAt()).isNull();

    resumed.add(e("8", EventType.AGENT_INVOKED, "t1", "s1-backend", Map.of()));
    resumed.add(e("9", EventType.TASK_COMPLETED, "t1", null, Map.of("success", true)));
    TaskSummary done = TaskSummary.of("t1", resumed);
    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.startedAt()).isEqualTo("1");
    assertThat(done.completedAt()).isEqualTo("9");
    assertThat(done.agentsInvoked()).containsExactly("system4-strategy", "s1-tester", "s1-backend");
  }
}
