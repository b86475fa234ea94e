package dev.vsm.domain.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The current task is a value: each change returns a copy with that one part changed, and what a
 * file leaves out reads as a pending task of unknown complexity.
 */
class TheCurrentTaskChangesByCopyTest {

  private final CurrentTask task =
      new CurrentTask(
          "abc",
          "Add login",
          "T0",
          TaskStatus.IN_PROGRESS,
          "medium",
          List.of("tester"),
          Map.of("owner_pid", 42L));

  @Test
  void a_new_status_keeps_everything_else() {
    CurrentTask done = task.withStatus(TaskStatus.COMPLETED);

    assertThat(done)
        .isEqualTo(
            new CurrentTask(
                "abc",
                "Add login",
                "T0",
                TaskStatus.COMPLETED,
                "medium",
                List.of("tester"),
                Map.of("owner_pid", 42L)));
    assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
  }

  @Test
  void new_agents_keep_everything_else() {
    assertThat(task.withAssignedAgents(List.of("backend", "tester")))
        .isEqualTo(
            new CurrentTask(
                "abc",
                "Add login",
                "T0",
                TaskStatus.IN_PROGRESS,
                "medium",
                List.of("backend", "tester"),
                Map.of("owner_pid", 42L)));
  }

  @Test
  void metadata_is_added_to_what_is_there_and_overrides_the_same_keys() {
    CurrentTask more = task.withMetadata(Map.of("cost_usd", 0.5, "owner_pid", 7L));

    assertThat(more.metadata())
        .containsExactly(Map.entry("owner_pid", 7L), Map.entry("cost_usd", 0.5));
    assertThat(more.withMetadata(Map.of()).status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(more.description()).isEqualTo("Add login");
  }

  @Test
  void what_is_left_out_reads_as_a_pending_task_of_unknown_complexity() {
    CurrentTask bare = new CurrentTask("x", null, null, null, " ", List.of(), Map.of());

    assertThat(bare.description()).isEmpty();
    assertThat(bare.createdAt()).isEmpty();
    assertThat(bare.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(bare.complexity()).isEqualTo("unknown");
    assertThat(new CurrentTask("x", "", "", null, null, List.of(), Map.of()).complexity())
        .isEqualTo("unknown");
  }

  @Test
  void every_status_reads_back_from_its_label_and_anything_else_is_pending() {
    for (TaskStatus s : TaskStatus.values()) {
      assertThat(TaskStatus.parse(" " + s.label().toUpperCase() + " ")).isEqualTo(s);
    }
    assertThat(TaskStatus.IN_PROGRESS.label()).isEqualTo("in_progress");
    assertThat(TaskStatus.parse("done")).isEqualTo(TaskStatus.PENDING);
    assertThat(TaskStatus.parse(null)).isEqualTo(TaskStatus.PENDING);
  }
}
