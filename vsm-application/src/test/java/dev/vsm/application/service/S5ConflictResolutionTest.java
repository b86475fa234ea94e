package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.domain.log.EventType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When S3 and S4 disagree on complexity, the conflict is logged and counted, and S5 settles it. */
class S5ConflictResolutionTest extends CycleTest {

  @BeforeEach
  void s4SeesAComplexTask() {
    runner.replyTo(
        "system4-strategy",
        Map.of(
            "task_analysis",
            "a",
            "strategic_recommendation",
            Map.of("approach", "x", "complexity_assessment", "complex")));
  }

  @Test
  void a_disagreement_is_logged_counted_and_settled_by_s5() {
    runner.replyTo(
        "system5-policy",
        Map.of("decision", "S4 holds", "rationale", "OAuth touches three services"));

    CycleResult r = run(TASK);

    assertThat(r.conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.s3Position()).isEqualTo("Assessed as medium");
              assertThat(c.s4Position()).isEqualTo("Recommended as complex");
            });
    assertThat(only(EventType.CONFLICT_DETECTED))
        .containsEntry("type", "complexity_disagreement")
        .containsEntry("s3_position", "Assessed as medium")
        .containsEntry("s4_position", "Recommended as complex");
    assertThat(runner.lastPromptTo("system5-policy"))
        .contains("- complexity_disagreement: S3 Assessed as medium; S4 Recommended as complex");
    assertThat(only(EventType.POLICY_DECISION))
        .containsEntry("decision", "S4 holds")
        .containsEntry("rationale", "OAuth touches three services")
        .containsEntry("subject", "conflict")
        .containsEntry("stand_in", false);
    assertThat(store.metrics().s3S4Conflicts()).isEqualTo(1);
  }

  @Test
  void without_a_ruling_from_s5_the_conflict_stays_recorded_unsettled() {
    runner.repliesWithoutJson("system5-policy", "hmm");

    CycleResult r = run(TASK);

    assertThat(r.conflicts()).hasSize(1);
    assertThat(only(EventType.POLICY_DECISION))
        .containsEntry("decision", "unsettled")
        .containsEntry("stand_in", true);
    assertThat(store.metrics().s3S4Conflicts()).isEqualTo(1);
    assertThat(r.success()).isTrue();
  }

  @Test
  void agreement_is_no_conflict() {
    runner.replyTo("system3-control", s3Reply("complex", "sequential", "backend:1"));

    CycleResult r = run(TASK);

    assertThat(r.conflicts()).isEmpty();
    assertThat(runner.invokedAgents()).doesNotContain("system5-policy");
  }
}
