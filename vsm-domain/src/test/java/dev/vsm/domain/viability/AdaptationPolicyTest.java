package dev.vsm.domain.viability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptationPolicyTest {

  private static ViabilityMetrics failing(String agent, int times) {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < times; i++) {
      m = m.withAgentResult(agent, false, "t");
    }
    return m;
  }

  @Test
  void healthy_metrics_call_for_nothing() {
    assertThat(AdaptationPolicy.analyze(ViabilityMetrics.defaults())).isEmpty();
  }

  @Test
  void an_agent_over_30_percent_errors_gets_a_review_step_and_not_at_exactly_the_limit() {
    // one failure: 0.2, two: 0.36
    assertThat(AdaptationPolicy.analyze(failing("tester", 1))).isEmpty();
    List<Adaptation> called = AdaptationPolicy.analyze(failing("s1-tester", 2));

    assertThat(called).hasSize(1);
    Adaptation a = called.get(0);
    assertThat(a.type()).isEqualTo(AdaptationType.ADD_REVIEW_STEP);
    assertThat(a.trigger()).isEqualTo("tester_errors");
    assertThat(a.effect()).isEqualTo("Add reviewer before tester");
    assertThat(a.targetAgent()).isEqualTo("tester");
  }

  @Test
  void each_threshold_triggers_its_adaptation_with_the_documented_texts() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 7; i++) {
      m = m.withTaskCompletion(false, "t").withAuditResult(false, "t").withOscillation("t");
    }
    for (int i = 0; i < 4; i++) {
      m = m.withS3S4Conflict("t");
    }
    for (int i = 0; i < 5; i++) {
      m = m.withCycleIterations(2, "t");
    }

    assertThat(AdaptationPolicy.analyze(m))
        .extracting(Adaptation::type, Adaptation::trigger, Adaptation::effect)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AdaptationType.LOWER_COMPLEXITY_THRESHOLD,
                "low_completion_rate",
                "Use specialists earlier for lower complexity tasks"),
            org.assertj.core.groups.Tuple.tuple(
                AdaptationType.INCREASE_S2_INVOLVEMENT,
                "high_oscillation",
                "More coordination between S1 agents"),
            org.assertj.core.groups.Tuple.tuple(
                AdaptationType.REQUIRE_S5_APPROVAL,
                "frequent_s3_s4_conflicts",
                "Require S5 approval for S3 allocation decisions"),
            org.assertj.core.groups.Tuple.tuple(
                AdaptationType.TIGHTEN_S3_STAR,
                "low_audit_pass_rate",
                "More frequent and thorough S3* audits"),
            org.assertj.core.groups.Tuple.tuple(
                AdaptationType.PARALLELIZE_S1,
                "slow_execution",
                "Run compatible S1 agents concurrently"));
  }

  @Test
  void exactly_three_conflicts_is_not_frequent() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 3; i++) {
      m = m.withS3S4Conflict("t");
    }
    assertThat(AdaptationPolicy.analyze(m)).isEmpty();
  }

  @Test
  void apply_adds_once_per_type_and_target_and_stamps_the_time() {
    ViabilityMetrics m =
        failing("tester", 2)
            .withAgentResult("backend", false, "t")
            .withAgentResult("backend", false, "t");
    AdaptationPolicy.Change first = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "T1");

    assertThat(first.changed())
        .extracting(Adaptation::targetAgent)
        .containsExactly("tester", "backend");
    assertThat(first.metrics().activeAdaptations()).allMatch(a -> a.appliedAt().equals("T1"));

    AdaptationPolicy.Change again =
        AdaptationPolicy.apply(first.metrics(), AdaptationPolicy.analyze(first.metrics()), "T2");
    assertThat(again.changed()).isEmpty();
    assertThat(again.metrics().activeAdaptations()).hasSize(2);
  }

  @Test
  void queries_answer_from_the_active_set() {
    ViabilityMetrics m = failing("tester", 2);
    m = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics();

    assertThat(AdaptationPolicy.shouldAddReviewStep(m, "tester")).isTrue();
    assertThat(AdaptationPolicy.shouldAddReviewStep(m, "s1-tester")).isTrue();
    assertThat(AdaptationPolicy.shouldAddReviewStep(m, "backend")).isFalse();
    assertThat(AdaptationPolicy.shouldRequireS5Approval(m)).isFalse();
    assertThat(AdaptationPolicy.shouldIncreaseS2(m)).isFalse();
    assertThat(AdaptationPolicy.shouldParallelize(m)).isFalse();
    assertThat(AdaptationPolicy.shouldTightenAudit(m)).isFalse();
    assertThat(AdaptationPolicy.complexityAdjustment(m)).isZero();
  }

  @Test
  void lower_complexity_threshold_adjusts_by_minus_0_15() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 7; i++) {
      m = m.withTaskCompletion(false, "t");
    }
    m = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics();
    assertThat(AdaptationPolicy.complexityAdjustment(m)).isEqualTo(-0.15);
  }

  @Test
  void adaptations_whose_condition_passed_are_cleared_and_the_others_stay() {
    ViabilityMetrics m =
        failing("tester", 2)
            .withAgentResult("backend", false, "t")
            .withAgentResult("backend", false, "t");
    m = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics();
    for (int i = 0; i < 3; i++) {
      m = m.withAgentResult("tester", true, "t");
    }

    AdaptationPolicy.Change change = AdaptationPolicy.clearStale(m, "T3");

    assertThat(change.changed()).extracting(Adaptation::targetAgent).containsExactly("tester");
    assertThat(change.metrics().activeAdaptations())
        .extracting(Adaptation::targetAgent)
        .containsExactly("backend");
  }

  @Test
  void clear_removes_every_adaptation_of_a_type() {
    ViabilityMetrics m = failing("tester", 2);
    m = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics();

    AdaptationPolicy.Change change = AdaptationPolicy.clear(m, AdaptationType.ADD_REVIEW_STEP, "t");

    assertThat(change.changed()).hasSize(1);
    assertThat(change.metrics().activeAdaptations()).isEmpty();
  }

  @Test
  void the_health_check_names_each_problem_and_its_answer() {
    ViabilityMetrics m = failing("tester", 2);
    for (int i = 0; i < 4; i++) {
      m = m.withTaskCompletion(false, "t");
    }
    assertThat(HealthCheck.issues(ViabilityMetrics.defaults())).isEmpty();
    assertThat(HealthCheck.issues(m))
        .extracting(HealthCheck.Issue::problem, HealthCheck.Issue::answeredBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Low completion rate: 66%", AdaptationType.LOWER_COMPLEXITY_THRESHOLD),
            org.assertj.core.groups.Tuple.tuple(
                "Agent tester has 36% error rate", AdaptationType.ADD_REVIEW_STEP));
  }
}
