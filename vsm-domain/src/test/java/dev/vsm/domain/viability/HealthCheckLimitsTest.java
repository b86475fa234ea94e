package dev.vsm.domain.viability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The health verdict shown with the state warns earlier than the adaptations act (completion under
 * 70 %), and like them only strictly past each limit.
 */
class HealthCheckLimitsTest {

  private static ViabilityMetrics metrics(
      double completion, Map<String, Double> errors, double oscillation, double audit) {
    return new ViabilityMetrics(
        "last_10_tasks", completion, errors, oscillation, audit, 0, 1.0, List.of(), "");
  }

  @Test
  void metrics_exactly_at_the_limits_are_healthy() {
    assertThat(HealthCheck.issues(metrics(0.7, Map.of("tester", 0.3), 0.2, 0.8))).isEmpty();
  }

  @Test
  void each_metric_past_its_limit_is_one_issue_answered_by_its_adaptation() {
    List<HealthCheck.Issue> issues =
        HealthCheck.issues(
            metrics(
                Math.nextDown(0.7),
                Map.of("tester", Math.nextUp(0.3)),
                Math.nextUp(0.2),
                Math.nextDown(0.8)));

    assertThat(issues)
        .extracting(HealthCheck.Issue::problem, HealthCheck.Issue::answeredBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Low completion rate: 70%", AdaptationType.LOWER_COMPLEXITY_THRESHOLD),
            org.assertj.core.groups.Tuple.tuple(
                "Low audit pass rate: 80%", AdaptationType.TIGHTEN_S3_STAR),
            org.assertj.core.groups.Tuple.tuple(
                "High oscillation: 20%", AdaptationType.INCREASE_S2_INVOLVEMENT),
            org.assertj.core.groups.Tuple.tuple(
                "Agent tester has 30% error rate", AdaptationType.ADD_REVIEW_STEP));
  }
}
