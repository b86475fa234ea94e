package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3S4ConflictTest {

  @Test
  void different_complexities_are_one_conflict_with_both_positions() {
    assertThat(S3S4Conflict.detect("medium", "complex"))
        .contains(
            new S3S4Conflict(
                "complexity_disagreement", "Assessed as complex", "Recommended as medium"));
  }

  @Test
  void agreement_or_a_missing_side_is_no_conflict() {
    assertThat(S3S4Conflict.detect("Complex", "complex")).isEmpty();
    assertThat(S3S4Conflict.detect(null, "complex")).isEmpty();
    assertThat(S3S4Conflict.detect("", "complex")).isEmpty();
    assertThat(S3S4Conflict.detect("simple", null)).isEmpty();
  }

  @Test
  void the_cycle_summary_counts_agents_and_names_the_audit() {
    assertThat(CycleSummary.text(2, 3, false))
        .isEqualTo("Completed with 2/3 agents successful. Audit failed.");
    assertThat(CycleSummary.text(3, 3, true))
        .isEqualTo("Completed with 3/3 agents successful. Audit passed.");
    assertThat(CycleSummary.text(0, 2, null))
        .isEqualTo("Completed with 0/2 agents successful. Audit skipped.");
  }
}
