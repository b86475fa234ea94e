package dev.vsm.domain.viability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Applying and clearing change the metrics only when something changes: an adaptation already
 * active, or one that is not, leaves the metrics as they were, unstamped.
 */
class ApplyingAndClearingAdaptationsTest {

  private static final Adaptation TIGHTEN =
      new Adaptation(AdaptationType.TIGHTEN_S3_STAR, "low_audit_pass_rate", "x", "", Map.of());

  private final ViabilityMetrics start =
      ViabilityMetrics.defaults().withActiveAdaptations(List.of(TIGHTEN.appliedAt("T0")), "T0");

  @Test
  void applying_what_is_already_active_changes_nothing() {
    AdaptationPolicy.Change change = AdaptationPolicy.apply(start, List.of(TIGHTEN), "T1");

    assertThat(change.changed()).isEmpty();
    assertThat(change.metrics()).isSameAs(start);
  }

  @Test
  void applying_a_new_adaptation_stamps_it_and_the_metrics() {
    Adaptation s5 = new Adaptation(AdaptationType.REQUIRE_S5_APPROVAL, "t", "e", null, Map.of());

    AdaptationPolicy.Change change = AdaptationPolicy.apply(start, List.of(s5, s5), "T1");

    assertThat(change.changed()).containsExactly(s5.appliedAt("T1"));
    assertThat(change.metrics().activeAdaptations())
        .containsExactly(TIGHTEN.appliedAt("T0"), s5.appliedAt("T1"));
    assertThat(change.metrics().lastUpdated()).isEqualTo("T1");
  }

  @Test
  void review_steps_for_different_agents_are_different_adaptations() {
    ViabilityMetrics m =
        AdaptationPolicy.apply(start, List.of(AdaptationPolicy.reviewStep("tester")), "T1")
            .metrics();

    AdaptationPolicy.Change change =
        AdaptationPolicy.apply(
            m,
            List.of(
                AdaptationPolicy.reviewStep("s1-tester"), AdaptationPolicy.reviewStep("backend")),
            "T2");

    assertThat(change.changed()).extracting(Adaptation::targetAgent).containsExactly("backend");
  }

  @Test
  void clearing_a_type_that_is_not_active_changes_nothing() {
    AdaptationPolicy.Change change =
        AdaptationPolicy.clear(start, AdaptationType.PARALLELIZE_S1, "T1");

    assertThat(change.changed()).isEmpty();
    assertThat(change.metrics()).isSameAs(start);
  }

  @Test
  void clearing_a_type_keeps_the_others_and_stamps_the_metrics() {
    ViabilityMetrics m =
        AdaptationPolicy.apply(start, List.of(AdaptationPolicy.reviewStep("tester")), "T1")
            .metrics();

    AdaptationPolicy.Change change =
        AdaptationPolicy.clear(m, AdaptationType.TIGHTEN_S3_STAR, "T2");

    assertThat(change.changed()).containsExactly(TIGHTEN.appliedAt("T0"));
    assertThat(change.metrics().activeAdaptations())
        .extracting(Adaptation::type)
        .containsExactly(AdaptationType.ADD_REVIEW_STEP);
    assertThat(change.metrics().lastUpdated()).isEqualTo("T2");
  }

  @Test
  void clearing_stale_adaptations_while_all_still_hold_changes_nothing() {
    ViabilityMetrics m = start;
    for (int i = 0; i < 3; i++) {
      m = m.withAuditResult(false, "T0");
    }

    AdaptationPolicy.Change change = AdaptationPolicy.clearStale(m, "T1");

    assertThat(change.changed()).isEmpty();
    assertThat(change.metrics()).isSameAs(m);
  }

  @Test
  void a_stale_adaptation_is_cleared_and_the_metrics_stamped() {
    AdaptationPolicy.Change change = AdaptationPolicy.clearStale(start, "T1");

    assertThat(change.changed()).containsExactly(TIGHTEN.appliedAt("T0"));
    assertThat(change.metrics().activeAdaptations()).isEmpty();
    assertThat(change.metrics().lastUpdated()).isEqualTo("T1");
  }

  @Test
  void each_query_answers_for_its_own_adaptation() {
    for (AdaptationType type : AdaptationType.values()) {
      ViabilityMetrics m =
          ViabilityMetrics.defaults()
              .withActiveAdaptations(
                  List.of(new Adaptation(type, "", "", "T", Map.of(Adaptation.TARGET_AGENT, "x"))),
                  "T");

      assertThat(AdaptationPolicy.shouldRequireS5Approval(m))
          .isEqualTo(type == AdaptationType.REQUIRE_S5_APPROVAL);
      assertThat(AdaptationPolicy.shouldIncreaseS2(m))
          .isEqualTo(type == AdaptationType.INCREASE_S2_INVOLVEMENT);
      assertThat(AdaptationPolicy.shouldParallelize(m))
          .isEqualTo(type == AdaptationType.PARALLELIZE_S1);
      assertThat(AdaptationPolicy.shouldTightenAudit(m))
          .isEqualTo(type == AdaptationType.TIGHTEN_S3_STAR);
      assertThat(AdaptationPolicy.shouldAddReviewStep(m, "x"))
          .isEqualTo(type == AdaptationType.ADD_REVIEW_STEP);
      assertThat(AdaptationPolicy.complexityAdjustment(m))
          .isEqualTo(type == AdaptationType.LOWER_COMPLEXITY_THRESHOLD ? -0.15 : 0.0);
      assertThat(m.isActive(type)).isTrue();
    }
  }

  @Test
  void an_adaptation_reads_back_from_its_label_and_missing_texts_are_empty() {
    for (AdaptationType t : AdaptationType.values()) {
      assertThat(AdaptationType.parse(t.label())).contains(t);
    }
    assertThat(AdaptationType.parse("ADD_REVIEW_STEP")).isEmpty();
    Adaptation bare = new Adaptation(AdaptationType.PARALLELIZE_S1, null, null, null, Map.of());
    assertThat(List.of(bare.trigger(), bare.effect(), bare.appliedAt())).containsOnly("");
    assertThat(bare.targetAgent()).isNull();
  }
}
