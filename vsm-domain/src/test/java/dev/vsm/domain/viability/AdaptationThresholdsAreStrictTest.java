package dev.vsm.domain.viability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each adaptation's trigger is a strict comparison: a metric exactly at its limit calls for
 * nothing, the smallest step past it calls for the adaptation.
 */
class AdaptationThresholdsAreStrictTest {

  private static ViabilityMetrics metrics(
      double completion,
      Map<String, Double> errors,
      double oscillation,
      double audit,
      int conflicts,
      double iterations) {
    return new ViabilityMetrics(
        "last_10_tasks",
        completion,
        errors,
        oscillation,
        audit,
        conflicts,
        iterations,
        List.of(),
        "");
  }

  private static List<AdaptationType> called(ViabilityMetrics m) {
    return AdaptationPolicy.analyze(m).stream().map(Adaptation::type).toList();
  }

  @Test
  void every_metric_exactly_at_its_limit_calls_for_nothing() {
    ViabilityMetrics atLimits = metrics(0.5, Map.of("tester", 0.3), 0.2, 0.8, 3, 1.5);

    assertThat(AdaptationPolicy.analyze(atLimits)).isEmpty();
  }

  @Test
  void an_agent_error_rate_just_over_the_limit_adds_its_review_step() {
    assertThat(called(metrics(1.0, Map.of("tester", Math.nextUp(0.3)), 0.0, 1.0, 0, 1.0)))
        .containsExactly(AdaptationType.ADD_REVIEW_STEP);
  }

  @Test
  void a_completion_rate_just_under_the_limit_lowers_the_complexity_threshold() {
    assertThat(called(metrics(Math.nextDown(0.5), Map.of(), 0.0, 1.0, 0, 1.0)))
        .containsExactly(AdaptationType.LOWER_COMPLEXITY_THRESHOLD);
  }

  @Test
  void an_oscillation_rate_just_over_the_limit_increases_s2_involvement() {
    assertThat(called(metrics(1.0, Map.of(), Math.nextUp(0.2), 1.0, 0, 1.0)))
        .containsExactly(AdaptationType.INCREASE_S2_INVOLVEMENT);
  }

  @Test
  void a_fourth_conflict_requires_s5_approval() {
    assertThat(called(metrics(1.0, Map.of(), 0.0, 1.0, 4, 1.0)))
        .containsExactly(AdaptationType.REQUIRE_S5_APPROVAL);
  }

  @Test
  void an_audit_pass_rate_just_under_the_limit_tightens_the_audit() {
    assertThat(called(metrics(1.0, Map.of(), 0.0, Math.nextDown(0.8), 0, 1.0)))
        .containsExactly(AdaptationType.TIGHTEN_S3_STAR);
  }

  @Test
  void average_iterations_just_over_the_limit_parallelize_s1() {
    assertThat(called(metrics(1.0, Map.of(), 0.0, 1.0, 0, Math.nextUp(1.5))))
        .containsExactly(AdaptationType.PARALLELIZE_S1);
  }

  @Test
  void every_agent_over_the_limit_gets_a_review_step_of_its_own() {
    ViabilityMetrics m =
        metrics(1.0, Map.of("tester", 0.31, "backend", 0.9, "frontend", 0.1), 0.0, 1.0, 0, 1.0);

    assertThat(AdaptationPolicy.analyze(m))
        .extracting(Adaptation::targetAgent)
        .containsExactlyInAnyOrder("tester", "backend");
  }
}
