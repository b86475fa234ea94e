package dev.vsm.domain.viability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

  private static CurrentTask task(TaskStatus status, long ownerPid) {
    return new CurrentTask(
        "abcd1234",
        "t",
        "2026-01-01T00:00:00Z",
        status,
        "medium",
        List.of(),
        Map.of(CurrentTask.OWNER_PID, ownerPid));
  }

  @Test
  void good_metrics_and_no_task_are_healthy() {
    assertThat(HealthCheck.issues(ViabilityMetrics.defaults(), Optional.empty(), pid -> false))
        .isEmpty();
  }

  @Test
  void a_task_left_in_progress_by_a_process_that_is_gone_is_a_problem_no_adaptation_answers() {
    var issues =
        HealthCheck.issues(
            ViabilityMetrics.defaults(),
            Optional.of(task(TaskStatus.IN_PROGRESS, 42)),
            pid -> false);

    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).problem())
        .isEqualTo(
            "Task abcd1234 was left in progress by vsm process 42, which is gone:"
                + " the next cycle records it failed");
    assertThat(issues.get(0).answeredBy()).isNull();
  }

  @Test
  void a_task_in_progress_in_a_live_process_or_ended_is_no_problem() {
    assertThat(
            HealthCheck.issues(
                ViabilityMetrics.defaults(),
                Optional.of(task(TaskStatus.IN_PROGRESS, 42)),
                pid -> pid == 42))
        .isEmpty();
    assertThat(
            HealthCheck.issues(
                ViabilityMetrics.defaults(),
                Optional.of(task(TaskStatus.FAILED, 42)),
                pid -> false))
        .isEmpty();
  }

  @Test
  void the_metrics_problems_follow_the_tasks() {
    ViabilityMetrics low = ViabilityMetrics.defaults();
    for (int i = 0; i < 5; i++) {
      low = low.withTaskCompletion(false, "t");
    }
    var issues = HealthCheck.issues(low, Optional.of(task(TaskStatus.IN_PROGRESS, 7)), p -> false);

    assertThat(issues).hasSize(2);
    assertThat(issues.get(1).answeredBy()).isEqualTo(AdaptationType.LOWER_COMPLEXITY_THRESHOLD);
  }

  @Test
  void percentages_read_as_string_format_writes_them() {
    double[] listed = {0, -0.0, 0.005, 0.125, 0.145, 0.295, 0.3, 0.695, 0.995, 1, 1.5, -0.2};
    Random r = new Random(18);
    for (int i = 0; i < listed.length + 5_000; i++) {
      double v = i < listed.length ? listed[i] : r.nextInt(100_001) / 100_000.0;
      assertThat(HealthCheck.percent(v))
          .as("%s", v)
          .isEqualTo(String.format(Locale.ROOT, "%.0f%%", v * 100));
    }
    assertThat(HealthCheck.percent(Double.NaN)).isEqualTo(String.format("%.0f%%", Double.NaN));
  }
}
