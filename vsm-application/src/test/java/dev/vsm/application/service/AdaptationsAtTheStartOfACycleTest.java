package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import org.junit.jupiter.api.Test;

/** Adaptations are applied and cleared as the cycle starts, before any agent runs. */
class AdaptationsAtTheStartOfACycleTest extends CycleTest {

  @Test
  void an_adaptation_the_metrics_call_for_is_applied_logged_and_listed_in_the_result() {
    metricsAfter(3, m -> m.withAuditResult(false, "t"));

    CycleResult r = run(TASK);

    assertThat(r.adaptations())
        .singleElement()
        .satisfies(a -> assertThat(a.type()).isEqualTo(AdaptationType.TIGHTEN_S3_STAR));
    assertThat(only(EventType.ADAPTATION_APPLIED))
        .containsEntry("type", "tighten_s3_star")
        .containsKeys("trigger", "effect", "parameters");
    assertThat(log.eventTypes().indexOf("adaptation_applied"))
        .isLessThan(log.eventTypes().indexOf("agent_invoked"));
    assertThat(store.metrics().isActive(AdaptationType.TIGHTEN_S3_STAR)).isTrue();
  }

  @Test
  void an_adaptation_whose_condition_passed_is_cleared_and_logged() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 3; i++) {
      m = m.withAuditResult(false, "t");
    }
    m = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics();
    for (int i = 0; i < 10; i++) {
      m = m.withAuditResult(true, "t");
    }
    store.putMetrics(m);
    assertThat(m.isActive(AdaptationType.TIGHTEN_S3_STAR)).isTrue();

    CycleResult r = run(TASK);

    assertThat(only(EventType.ADAPTATION_CLEARED)).containsEntry("type", "tighten_s3_star");
    assertThat(log.ofType(EventType.ADAPTATION_APPLIED)).isEmpty();
    assertThat(r.adaptations()).isEmpty();
    assertThat(store.metrics().isActive(AdaptationType.TIGHTEN_S3_STAR)).isFalse();
  }

  @Test
  void healthy_metrics_change_no_adaptation() {
    run(TASK);

    assertThat(log.ofType(EventType.ADAPTATION_APPLIED)).isEmpty();
    assertThat(log.ofType(EventType.ADAPTATION_CLEARED)).isEmpty();
    assertThat(store.metrics().activeAdaptations()).isEmpty();
  }
}
