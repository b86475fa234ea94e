package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What S2, S3 and S4 left out of their records reads as empty, never as null. */
class MissingPartsOfCycleRecordsAreEmptyTest {

  @Test
  void a_plan_without_content_or_time_is_empty() {
    CoordinationPlan p = new CoordinationPlan("t", null, null);

    assertThat(p.plan()).isEmpty();
    assertThat(p.createdAt()).isEmpty();
  }

  @Test
  void the_environment_s4_describes_has_no_missing_parts() {
    S4Environment e = new S4Environment("t", null, null, null, null, null, null);

    assertThat(e.analysis()).isEmpty();
    assertThat(e.externalContext()).isEmpty();
    assertThat(e.risks()).isEmpty();
    assertThat(e.opportunities()).isEmpty();
    assertThat(e.recommendedApproach()).isEmpty();
    assertThat(e.createdAt()).isEmpty();
  }

  @Test
  void missing_texts_read_as_unknown_and_empty() {
    S3Allocation a = new S3Allocation("t", null, List.of(), null, null, false);

    assertThat(a.complexity()).isEqualTo("unknown");
    assertThat(a.rationale()).isEmpty();
    assertThat(a.createdAt()).isEmpty();
    assertThat(AllocatedAgent.named("tester"))
        .isEqualTo(new AllocatedAgent("tester", null, null, null))
        .extracting(AllocatedAgent::role, AllocatedAgent::taskFocus)
        .containsExactly("", "");
  }
}
