package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.domain.log.EventType;
import org.junit.jupiter.api.Test;

/** Without an S4 assessment there is nothing to disagree with. */
class NoS4AssessmentTest extends CycleTest {

  @Test
  void no_s4_assessment_means_no_conflict() {
    CycleResult r = run(TASK);

    assertThat(r.conflicts()).isEmpty();
    assertThat(log.ofType(EventType.CONFLICT_DETECTED)).isEmpty();
    assertThat(runner.invokedAgents()).doesNotContain("system5-policy");
    assertThat(store.metrics().s3S4Conflicts()).isZero();
  }
}
