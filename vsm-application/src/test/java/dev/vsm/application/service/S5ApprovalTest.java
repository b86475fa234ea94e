package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.domain.log.EventType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With require_s5_approval active, S5 approves S3's allocation or makes S3 allocate again. */
class S5ApprovalTest extends CycleTest {

  @BeforeEach
  void s3AndS4DisagreedTooOften() {
    metricsAfter(4, m -> m.withS3S4Conflict("t"));
  }

  @Test
  void a_rejecting_s5_makes_s3_allocate_again_with_its_reason() {
    runner.replyTo(
        "system5-policy",
        Map.of("approved", false, "decision", "reject", "rationale", "a tester alone will not do"));

    CycleResult r = run(TASK);

    assertThat(runner.invokedAgents())
        .containsSubsequence(
            "system3-control", "system5-policy", "system3-control", "system2-coordination");
    assertThat(runner.lastPromptTo("system3-control"))
        .contains("S5 (policy) rejected your previous allocation: a tester alone will not do");
    assertThat(r.allocations()).isEqualTo(2);
    assertThat(log.ofType(EventType.ALLOCATION_MADE)).hasSize(2);
    assertThat(only(EventType.POLICY_DECISION))
        .containsEntry("approved", false)
        .containsEntry("decision", "reject")
        .containsEntry("subject", "allocation")
        .containsEntry("stand_in", false);
    assertThat(store.metrics().avgCycleIterations()).isCloseTo(1.2, within(1e-9));
    assertThat(progress.events).contains("phase S5 approval", "phase S3 control (re-plan)");
  }

  @Test
  void an_approving_s5_keeps_the_allocation_and_one_iteration() {
    CycleResult r = run(TASK);

    assertThat(r.allocations()).isEqualTo(1);
    assertThat(runner.invokedAgents()).containsOnlyOnce("system3-control");
    assertThat(runner.lastPromptTo("system5-policy"))
        .contains(
            "S3 ALLOCATION: medium complexity, sequential\n- code-writer (step 1)\n- tester (step 2)");
    assertThat(only(EventType.POLICY_DECISION)).containsEntry("approved", true);
    assertThat(store.metrics().avgCycleIterations()).isEqualTo(1.0);
  }

  @Test
  void without_an_answer_from_s5_the_allocation_stands() {
    runner.failing("system5-policy", "S5 is down");

    CycleResult r = run(TASK);

    assertThat(r.allocations()).isEqualTo(1);
    assertThat(only(EventType.POLICY_DECISION))
        .containsEntry("approved", true)
        .containsEntry("stand_in", true);
    assertThat(r.notes()).contains("S5 agent failed: S5 is down; using the rule-based stand-in");
  }

  @Test
  void without_the_adaptation_s5_is_not_asked() {
    store.putMetrics(dev.vsm.domain.viability.ViabilityMetrics.defaults());

    run(TASK);

    assertThat(runner.invokedAgents()).doesNotContain("system5-policy");
  }
}
