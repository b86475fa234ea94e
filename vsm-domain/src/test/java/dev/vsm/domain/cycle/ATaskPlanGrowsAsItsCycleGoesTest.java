package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.domain.task.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ATaskPlanGrowsAsItsCycleGoesTest {

  private static final TaskPlan STARTED =
      TaskPlan.started("cafe0001", "Add OAuth2 login", null, "2026-12-07T05:00:00Z", "complex");

  private static TaskPlan.Intelligence s4() {
    return new TaskPlan.Intelligence(
        "reads the code", null, null, null, "small steps", null, null, false);
  }

  @Test
  void a_started_task_is_its_first_attempt_with_nothing_planned_or_spent() {
    assertThat(STARTED.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(STARTED.attempts()).isOne();
    assertThat(STARTED.planned()).isFalse();
    assertThat(STARTED.costUsd()).isZero();
    assertThat(STARTED.agents()).isEmpty();
    assertThat(STARTED.learnedSuccess()).isNull();
  }

  @Test
  void it_is_planned_only_once_s4_s3_and_s2_have_all_decided() {
    TaskPlan s4 = STARTED.withIntelligence(s4());
    TaskPlan s3 = s4.withAllocation(null, 2);
    TaskPlan s2 = s4.withCoordination(Map.of("execution_schedule", List.of()));

    assertThat(s4.planned()).isFalse();
    assertThat(s2.planned()).as("no allocation yet").isFalse();
    assertThat(s3.allocations()).isEqualTo(2);
    assertThat(s4.intelligence().approach()).isEqualTo("small steps");
    assertThat(s2.coordination()).containsKey("execution_schedule");
    S3Allocation allocation =
        new S3Allocation("cafe0001", "complex", List.of(), "auth", "2026-12-07T05:00:00Z", false);
    assertThat(s2.withAllocation(allocation, 1).planned()).isTrue();
  }

  @Test
  void each_change_is_a_copy_that_leaves_the_rest_as_it_was() {
    TaskPlan failed = STARTED.plusSpending(0.25, 1000, 200).withStatus(TaskStatus.FAILED);
    TaskPlan settled = failed.withConflictsSettled().withLearned(false);

    assertThat(STARTED.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.costUsd()).isEqualTo(0.25);
    assertThat(settled.conflictsSettled()).isTrue();
    assertThat(settled.learnedSuccess()).isFalse();
    assertThat(settled)
        .usingRecursiveComparison()
        .ignoringFields("conflictsSettled", "learnedSuccess")
        .isEqualTo(failed);
  }

  @Test
  void spending_adds_up_over_runs() {
    TaskPlan p = STARTED.plusSpending(0.25, 1000, 200).plusSpending(0.5, 30, 4);

    assertThat(p.costUsd()).isEqualTo(0.75);
    assertThat(p.inputTokens()).isEqualTo(1030);
    assertThat(p.outputTokens()).isEqualTo(204);
  }

  @Test
  void an_agents_latest_run_replaces_its_last_and_its_costs_add_up() {
    TaskPlan p =
        STARTED
            .withAgent("tester", new TaskPlan.AgentProgress(false, "no db", "error", "s-1", 0.5))
            .withAgent("backend", new TaskPlan.AgentProgress(true, "done", null, "s-2", 0.25))
            .withAgent("tester", new TaskPlan.AgentProgress(true, "green", null, "s-3", 0.125));

    assertThat(p.agents()).containsOnlyKeys("backend", "tester");
    assertThat(p.agents().get("tester").summary()).isEqualTo("green");
    assertThat(p.agents().get("tester").claudeSessionId()).isEqualTo("s-3");
    assertThat(p.agents().get("tester").costUsd()).isEqualTo(0.625);
    assertThat(p.succeededAgents()).containsExactly("backend", "tester");
    assertThat(STARTED.agents()).isEmpty();
  }

  @Test
  void another_attempt_is_in_progress_again_and_counted() {
    TaskPlan again = STARTED.withStatus(TaskStatus.FAILED).nextAttempt();

    assertThat(again.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(again.attempts()).isEqualTo(2);
  }

  @Test
  void a_run_that_started_and_never_ended_or_was_stopped_is_interrupted_and_a_failure_is_not() {
    assertThat(new TaskPlan.AgentProgress(false, "", "interrupted", "s", 0).interrupted()).isTrue();
    assertThat(new TaskPlan.AgentProgress(false, "", "cancelled", "s", 0).interrupted()).isTrue();
    assertThat(new TaskPlan.AgentProgress(false, "", "timeout", "s", 0).interrupted()).isTrue();
    assertThat(new TaskPlan.AgentProgress(false, "", "error", "s", 0).interrupted()).isFalse();
    assertThat(new TaskPlan.AgentProgress(true, "", "interrupted", "s", 0).interrupted()).isFalse();
    assertThat(new TaskPlan.AgentProgress(false, null, null, null, 0).failure()).isEqualTo("error");
    assertThat(new TaskPlan.AgentProgress(true, null, null, null, 0).failure()).isEqualTo("none");
  }

  @Test
  void only_a_name_a_file_or_a_key_can_hold_is_a_task_id() {
    assertThat(TaskPlan.isValidId("cafe0001")).isTrue();
    assertThat(TaskPlan.isValidId("ISSUE-42_b")).isTrue();
    assertThat(TaskPlan.isValidId("../etc")).isFalse();
    assertThat(TaskPlan.isValidId("-x")).isFalse();
    assertThat(TaskPlan.isValidId("a".repeat(65))).isFalse();
    assertThat(TaskPlan.isValidId(null)).isFalse();
    assertThatThrownBy(() -> TaskPlan.started("a b", "", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
