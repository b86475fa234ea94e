package dev.vsm.domain.viability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every update moves one metric by its moving average, stamps the time, and leaves every other
 * metric as it was; the values must stay the kind a file can hold.
 */
class EachUpdateTouchesOneMetricTest {

  private final ViabilityMetrics start =
      new ViabilityMetrics(
          "last_5_tasks",
          0.6,
          Map.of("tester", 0.4),
          0.1,
          0.7,
          2,
          1.4,
          List.of(AdaptationPolicy.reviewStep("tester").appliedAt("T0")),
          "T0");

  /** The metrics with one value replaced, to compare an update against. */
  private ViabilityMetrics expected(
      double completion,
      Map<String, Double> errors,
      double oscillation,
      double audit,
      int conflicts,
      double iterations) {
    return new ViabilityMetrics(
        "last_5_tasks",
        completion,
        errors,
        oscillation,
        audit,
        conflicts,
        iterations,
        start.activeAdaptations(),
        "T1");
  }

  @Test
  void a_successful_agent_run_lowers_only_its_error_rate() {
    ViabilityMetrics m = start.withAgentResult("s1-tester", true, "T1");

    assertThat(m.agentErrors().get("tester")).isCloseTo(0.32, within(1e-12));
    assertThat(m).isEqualTo(expected(0.6, m.agentErrors(), 0.1, 0.7, 2, 1.4));
  }

  @Test
  void a_new_agent_starts_from_no_errors() {
    assertThat(start.withAgentResult("backend", false, "T1").agentErrors())
        .containsEntry("tester", 0.4)
        .containsEntry("backend", 0.2);
  }

  @Test
  void a_completed_task_raises_only_the_completion_rate() {
    ViabilityMetrics m = start.withTaskCompletion(true, "T1");

    assertThat(m.completionRate()).isCloseTo(0.64, within(1e-12));
    assertThat(m).isEqualTo(expected(m.completionRate(), Map.of("tester", 0.4), 0.1, 0.7, 2, 1.4));
  }

  @Test
  void a_passed_audit_raises_only_the_audit_pass_rate() {
    ViabilityMetrics m = start.withAuditResult(true, "T1");

    assertThat(m.auditPassRate()).isCloseTo(0.745, within(1e-12));
    assertThat(m).isEqualTo(expected(0.6, Map.of("tester", 0.4), 0.1, m.auditPassRate(), 2, 1.4));
  }

  @Test
  void an_oscillation_raises_only_the_oscillation_rate() {
    ViabilityMetrics m = start.withOscillation("T1");

    assertThat(m.oscillationRate()).isCloseTo(0.235, within(1e-12));
    assertThat(m).isEqualTo(expected(0.6, Map.of("tester", 0.4), m.oscillationRate(), 0.7, 2, 1.4));
  }

  @Test
  void a_finished_cycle_moves_only_the_average_iterations() {
    ViabilityMetrics m = start.withCycleIterations(1, "T1");

    assertThat(m.avgCycleIterations()).isCloseTo(1.32, within(1e-12));
    assertThat(m)
        .isEqualTo(expected(0.6, Map.of("tester", 0.4), 0.1, 0.7, 2, m.avgCycleIterations()));
  }

  @Test
  void a_conflict_counts_one_more_and_nothing_else() {
    assertThat(start.withS3S4Conflict("T1"))
        .isEqualTo(expected(0.6, Map.of("tester", 0.4), 0.1, 0.7, 3, 1.4));
  }

  @Test
  void new_active_adaptations_change_nothing_else() {
    ViabilityMetrics m = start.withActiveAdaptations(List.of(), "T1");

    assertThat(m.activeAdaptations()).isEmpty();
    assertThat(m.withActiveAdaptations(start.activeAdaptations(), "T1"))
        .isEqualTo(expected(0.6, Map.of("tester", 0.4), 0.1, 0.7, 2, 1.4));
  }

  @Test
  void the_average_error_rate_is_the_mean_over_agents() {
    assertThat(start.withAgentResult("backend", false, "T1").averageAgentErrorRate())
        .isCloseTo(0.3, within(1e-12));
  }

  @Test
  void a_missing_window_or_time_reads_as_the_defaults() {
    ViabilityMetrics m = new ViabilityMetrics(null, 1, Map.of(), 0, 1, 0, 1, List.of(), null);

    assertThat(m.window()).isEqualTo("last_10_tasks");
    assertThat(m.lastUpdated()).isEmpty();
  }

  @Test
  void a_negative_conflict_count_or_a_non_finite_rate_is_refused_by_name() {
    assertThatThrownBy(() -> new ViabilityMetrics(null, 1, Map.of(), 0, 1, -1, 1, List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conflict count");
    assertThatThrownBy(
            () -> new ViabilityMetrics(null, 1, Map.of(), Double.NaN, 1, 0, 1, List.of(), null))
        .hasMessage("the oscillation rate must be a finite number, not NaN");
    assertThatThrownBy(
            () ->
                new ViabilityMetrics(
                    null, 1, Map.of(), 0, Double.POSITIVE_INFINITY, 0, 1, List.of(), null))
        .hasMessage("the audit pass rate must be a finite number, not Infinity");
  }
}
