package dev.vsm.domain.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A task's summary keeps its first start and the last audit's verdict; an audit that does not say
 * it passed did not pass; entries of other tasks, or without an agent, change nothing.
 */
class TaskSummaryEdgesTest {

  private static LogEntry e(
      String ts, EventType type, String task, String agent, Map<String, Object> data) {
    return LogEntry.of(ts, type, task, agent, data, "s");
  }

  @Test
  void a_task_seen_only_in_other_tasks_entries_is_not_found() {
    TaskSummary s =
        TaskSummary.of("t1", List.of(e("1", EventType.TASK_STARTED, "t2", null, Map.of())));

    assertThat(s.status()).isEqualTo(TaskSummary.NOT_FOUND);
    assertThat(s.startedAt()).isNull();
    assertThat(s.agentsInvoked()).isEmpty();
  }

  @Test
  void a_second_start_keeps_the_first_time() {
    TaskSummary s =
        TaskSummary.of(
            "t",
            List.of(
                e("1", EventType.TASK_STARTED, "t", null, Map.of()),
                e("2", EventType.TASK_STARTED, "t", null, Map.of())));

    assertThat(s.startedAt()).isEqualTo("1");
  }

  @Test
  void an_audit_without_a_yes_or_no_did_not_pass_and_the_last_audit_counts() {
    TaskSummary unclear =
        TaskSummary.of(
            "t", List.of(e("1", EventType.AUDIT_PERFORMED, "t", null, Map.of("passed", "yes"))));
    TaskSummary again =
        TaskSummary.of(
            "t",
            List.of(
                e("1", EventType.AUDIT_PERFORMED, "t", null, Map.of("passed", false)),
                e("2", EventType.AUDIT_PERFORMED, "t", null, Map.of("passed", true))));

    assertThat(unclear.auditPassed()).isFalse();
    assertThat(again.auditPassed()).isTrue();
  }

  @Test
  void an_invocation_without_an_agent_is_not_counted() {
    TaskSummary s =
        TaskSummary.of("t", List.of(e("1", EventType.AGENT_INVOKED, "t", null, Map.of())));

    assertThat(s.agentsInvoked()).isEmpty();
    assertThat(s.auditPassed()).isNull();
  }

  @Test
  void a_completion_without_a_verdict_is_completed_with_its_time() {
    TaskSummary s =
        TaskSummary.of("t", List.of(e("9", EventType.TASK_COMPLETED, "t", null, Map.of())));

    assertThat(s.status()).isEqualTo(TaskSummary.COMPLETED);
    assertThat(s.completedAt()).isEqualTo("9");
  }

  @Test
  void a_failure_entry_records_when_the_task_ended() {
    TaskSummary s =
        TaskSummary.of("t", List.of(e("7", EventType.TASK_FAILED, "t", null, Map.of())));

    assertThat(s.completedAt()).isEqualTo("7");
  }

  @Test
  void the_conflicts_and_adaptations_keep_their_data() {
    TaskSummary s =
        TaskSummary.of(
            "t",
            List.of(
                e("1", EventType.CONFLICT_DETECTED, "t", null, Map.of("type", "c")),
                e("2", EventType.ADAPTATION_APPLIED, "t", null, Map.of("type", "a"))));

    assertThat(s.conflicts()).containsExactly(Map.of("type", "c"));
    assertThat(s.adaptations()).containsExactly(Map.of("type", "a"));
  }
}
