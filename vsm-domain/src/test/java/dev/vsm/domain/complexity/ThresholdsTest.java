package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.domain.agent.AgentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The numbers a rules file may set, and the bounds every assessment keeps. */
class ThresholdsTest {

  private static final double MAX = ComplexityRules.MAX_WEIGHT;

  /** Valid thresholds with the i-th number replaced by {@code v}. */
  private static ComplexityRules.Thresholds with(int i, double v) {
    double[] n = {0, -0.3, 0.4, 0.2, -0.2, 0.1, 0.3, 10, -0.2};
    n[i] = v;
    return new ComplexityRules.Thresholds(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "0, base",
    "1, simple_below",
    "2, complex_at_least",
    "3, cross_module_weight",
    "4, single_file_weight",
    "5, per_extra_domain_weight",
    "6, medium_signal_cap",
    "7, sharpness",
    "8, documentation_only_weight",
  })
  void every_number_is_finite_and_within_the_largest_weight_and_a_refusal_names_it(
      int i, String name) {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, MAX + 1, -MAX - 1}) {
      assertThatThrownBy(() -> with(i, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("thresholds." + name + " must be a finite number within ±1000");
    }
  }

  @Test
  void the_largest_weight_itself_is_allowed() {
    assertThatCode(() -> with(0, MAX)).doesNotThrowAnyException();
    assertThatCode(() -> with(0, -MAX)).doesNotThrowAnyException();
    assertThatCode(() -> with(2, MAX)).doesNotThrowAnyException();
    assertThatCode(() -> with(7, MAX)).doesNotThrowAnyException();
  }

  @Test
  void simple_must_stay_below_complex() {
    assertThatThrownBy(() -> with(1, 0.4))
        .hasMessage("simple_below (0.4) must be lower than complex_at_least (0.4)");
    assertThatThrownBy(() -> with(1, 0.5)).hasMessageContaining("must be lower");
    assertThatCode(() -> with(1, 0.39)).doesNotThrowAnyException();
  }

  @Test
  void sharpness_must_be_more_than_zero() {
    assertThatThrownBy(() -> with(7, 0)).hasMessage("sharpness must be more than 0");
    assertThatThrownBy(() -> with(7, -1)).hasMessage("sharpness must be more than 0");
    assertThatCode(() -> with(7, 0.001)).doesNotThrowAnyException();
  }

  @Test
  void new_bounds_keep_every_other_number() {
    ComplexityRules.Thresholds t = with(0, 0.05).withBounds(-0.1, 0.2);
    assertThat(t)
        .isEqualTo(new ComplexityRules.Thresholds(0.05, -0.1, 0.2, 0.2, -0.2, 0.1, 0.3, 10, -0.2));
    assertThatThrownBy(() -> t.withBounds(0.3, 0.2)).hasMessageContaining("must be lower");
  }

  @Test
  void the_earlier_shape_gets_the_default_sharpness_and_no_documentation_weight() {
    ComplexityRules.Thresholds t =
        new ComplexityRules.Thresholds(0, -0.3, 0.4, 0.2, -0.2, 0.1, 0.3);
    assertThat(t.sharpness()).isEqualTo(ComplexityRules.Thresholds.DEFAULT_SHARPNESS);
    assertThat(t.documentationOnlyWeight()).isZero();
  }

  @Test
  void an_assessments_confidence_is_within_zero_and_one() {
    assertThat(assessment(0).confidence()).isZero();
    assertThat(assessment(1).confidence()).isEqualTo(1);
    assertThatThrownBy(() -> assessment(-0.001))
        .hasMessage("confidence must be within 0..1: -0.001");
    assertThatThrownBy(() -> assessment(1.001)).hasMessage("confidence must be within 0..1: 1.001");
    assertThat(assessment(0.5).rationale()).isEmpty();
  }

  private static ComplexityAssessment assessment(double confidence) {
    return new ComplexityAssessment(
        Complexity.MEDIUM,
        confidence,
        null,
        List.of("backend"),
        List.of(AgentType.DOMAIN),
        false,
        List.of(),
        List.of(),
        ScopeEstimate.MULTI_FILE,
        0);
  }
}
