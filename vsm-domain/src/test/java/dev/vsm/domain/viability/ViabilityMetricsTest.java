package dev.vsm.domain.viability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViabilityMetricsTest {

  private final ViabilityMetrics fresh = ViabilityMetrics.defaults();

  @Test
  void defaults_are_those_of_the_reference() {
    assertThat(fresh.window()).isEqualTo("last_10_tasks");
    assertThat(fresh.completionRate()).isEqualTo(1.0);
    assertThat(fresh.agentErrors()).isEmpty();
    assertThat(fresh.oscillationRate()).isZero();
    assertThat(fresh.auditPassRate()).isEqualTo(1.0);
    assertThat(fresh.s3S4Conflicts()).isZero();
    assertThat(fresh.avgCycleIterations()).isEqualTo(1.0);
    assertThat(fresh.activeAdaptations()).isEmpty();
    assertThat(fresh.lastUpdated()).isEmpty();
  }

  @Test
  void an_agent_failure_moves_its_error_rate_by_alpha_0_2_under_the_name_without_prefix() {
    ViabilityMetrics m = fresh.withAgentResult("s1-tester", false, "T1");

    assertThat(m.agentErrors()).containsOnlyKeys("tester");
    assertThat(m.agentErrors().get("tester")).isCloseTo(0.2, within(1e-12));
    assertThat(m.withAgentResult("tester", false, "T2").agentErrors().get("tester"))
        .isCloseTo(0.36, within(1e-12));
    assertThat(m.withAgentResult("tester", true, "T2").agentErrors().get("tester"))
        .isCloseTo(0.16, within(1e-12));
    assertThat(m.lastUpdated()).isEqualTo("T1");
    assertThat(fresh.agentErrors()).as("the old value is unchanged").isEmpty();
  }

  @Test
  void completion_audit_oscillation_and_iterations_use_their_alphas() {
    assertThat(fresh.withTaskCompletion(false, "t").completionRate()).isCloseTo(0.9, within(1e-12));
    assertThat(fresh.withAuditResult(false, "t").auditPassRate()).isCloseTo(0.85, within(1e-12));
    assertThat(fresh.withOscillation("t").oscillationRate()).isCloseTo(0.15, within(1e-12));
    assertThat(fresh.withCycleIterations(2, "t").avgCycleIterations())
        .isCloseTo(1.2, within(1e-12));
    assertThat(fresh.withS3S4Conflict("t").withS3S4Conflict("t").s3S4Conflicts()).isEqualTo(2);
  }

  @Test
  void average_error_rate_is_zero_without_agents() {
    assertThat(fresh.averageAgentErrorRate()).isZero();
    assertThat(
            fresh
                .withAgentResult("a", false, "t")
                .withAgentResult("b", true, "t")
                .averageAgentErrorRate())
        .isCloseTo(0.1, within(1e-12));
  }

  @Test
  void the_conflict_counter_saturates_instead_of_wrapping() {
    ViabilityMetrics m =
        new ViabilityMetrics(
            "last_10_tasks", 1.0, Map.of(), 0.0, 1.0, Integer.MAX_VALUE - 1, 1.0, List.of(), "");

    ViabilityMetrics once = m.withS3S4Conflict("T1");
    ViabilityMetrics twice = once.withS3S4Conflict("T2");

    assertThat(once.s3S4Conflicts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(twice.s3S4Conflicts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(AdaptationPolicy.analyze(twice))
        .extracting(Adaptation::type)
        .contains(AdaptationType.REQUIRE_S5_APPROVAL);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN})
  void no_rate_may_be_a_non_finite_number(double bad) {
    assertThatThrownBy(
            () ->
                new ViabilityMetrics(
                    "last_10_tasks", bad, Map.of(), 0.0, 1.0, 0, 1.0, List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("completion rate");
    assertThatThrownBy(
            () ->
                new ViabilityMetrics(
                    "last_10_tasks", 1.0, Map.of("tester", bad), 0.0, 1.0, 0, 1.0, List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tester");
    assertThatThrownBy(
            () ->
                new ViabilityMetrics(
                    "last_10_tasks", 1.0, Map.of(), 0.0, 1.0, 0, bad, List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("iterations");
  }

  @Test
  void moving_averages_of_extreme_finite_values_stay_finite() {
    ViabilityMetrics m =
        new ViabilityMetrics(
            "last_10_tasks",
            Double.MAX_VALUE,
            Map.of("tester", -Double.MAX_VALUE),
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            0,
            Double.MAX_VALUE,
            List.of(),
            "");

    ViabilityMetrics after =
        m.withTaskCompletion(true, "T")
            .withAgentResult("tester", false, "T")
            .withOscillation("T")
            .withAuditResult(true, "T")
            .withCycleIterations(Integer.MAX_VALUE, "T");

    assertThat(
            List.of(
                after.completionRate(),
                after.agentErrors().get("tester"),
                after.oscillationRate(),
                after.auditPassRate(),
                after.avgCycleIterations()))
        .allMatch(Double::isFinite);
  }

  @Test
  void a_revised_end_gives_the_rate_it_would_have_had_that_end_been_the_first() {
    ViabilityMetrics start = ViabilityMetrics.defaults().withTaskCompletion(false, "t");
    // Then two tasks fail, then one succeeds: three later ends.
    ViabilityMetrics learned =
        start
            .withTaskCompletion(false, "t")
            .withTaskCompletion(false, "t")
            .withTaskCompletion(true, "t");
    ViabilityMetrics shouldBe =
        ViabilityMetrics.defaults()
            .withTaskCompletion(true, "t")
            .withTaskCompletion(false, "t")
            .withTaskCompletion(false, "t")
            .withTaskCompletion(true, "t");

    ViabilityMetrics revised = learned.withTaskCompletionRevised(false, true, 3, "later");

    assertThat(revised.completionRate()).isCloseTo(shouldBe.completionRate(), within(1e-12));
    assertThat(revised.lastUpdated()).isEqualTo("later");
    assertThat(learned.withTaskCompletionRevised(true, true, 3, "x")).isSameAs(learned);
    assertThat(shouldBe.withTaskCompletionRevised(true, false, 3, "x").completionRate())
        .isCloseTo(learned.completionRate(), within(1e-12));
  }
}
