package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.task.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S3* audits the S1 work: its verdict decides the cycle, and no readable verdict is a failure. */
class S3StarAuditTest extends CycleTest {

  @Test
  void a_passing_audit_is_logged_with_its_score_and_raises_the_pass_rate() {
    run(TASK);

    assertThat(only(EventType.AUDIT_PERFORMED))
        .containsEntry("passed", true)
        .containsEntry("score", 0.9)
        .containsEntry("findings", List.of())
        .containsEntry("tightened", false);
    assertThat(store.metrics().auditPassRate()).isEqualTo(1.0);
    assertThat(runner.lastPromptTo("system3-audit"))
        .contains("- s1-code-writer: succeeded")
        .contains("- s1-tester: succeeded")
        .doesNotContain("Be strict");
  }

  @Test
  void a_failing_audit_fails_the_cycle_and_what_it_found_is_learnt() {
    runner.replyTo(
        "system3-audit",
        Map.of(
            "audit_passed", false,
            "quality_assessment", Map.of("issues_found", List.of("no tests")),
            "oscillation_check",
                Map.of("oscillation_detected", true, "evidence", "reverted twice")));

    CycleResult r = run(TASK);

    assertThat(r.success()).isFalse();
    assertThat(r.auditPassed()).isFalse();
    assertThat(r.summary()).isEqualTo("Completed with 2/2 agents successful. Audit failed.");
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(only(EventType.AUDIT_PERFORMED)).containsEntry("findings", List.of("no tests"));
    assertThat(only(EventType.OSCILLATION_DETECTED)).containsEntry("evidence", "reverted twice");
    assertThat(store.metrics().auditPassRate()).isCloseTo(0.85, within(1e-9));
    assertThat(store.metrics().oscillationRate()).isCloseTo(0.15, within(1e-9));
    assertThat(store.metrics().completionRate()).isCloseTo(0.9, within(1e-9));
  }

  @Test
  void an_unreadable_verdict_is_a_failed_audit() {
    runner.repliesWithoutJson("system3-audit", "Looks great to me!");

    CycleResult r = run(TASK);

    assertThat(r.success()).isFalse();
    assertThat(r.auditPassed()).isFalse();
    assertThat(only(EventType.AUDIT_PERFORMED))
        .containsEntry("passed", false)
        .containsEntry("findings", List.of("no readable audit verdict"));
    assertThat(r.notes()).anyMatch(n -> n.startsWith("S3* reply had no usable JSON object"));
  }

  @Test
  void a_low_audit_pass_rate_makes_the_audit_strict() {
    metricsAfter(3, m -> m.withAuditResult(false, "t"));

    run(TASK);

    assertThat(runner.lastPromptTo("system3-audit")).contains("Be strict");
    assertThat(only(EventType.AUDIT_PERFORMED)).containsEntry("tightened", true);
  }

  @Test
  void when_every_s1_agent_fails_there_is_no_audit_and_the_cycle_fails() {
    runner.failing("s1-code-writer", "boom").failing("s1-tester", "boom");

    CycleResult r = run(TASK);

    assertThat(r.success()).isFalse();
    assertThat(r.auditPassed()).isNull();
    assertThat(r.summary()).isEqualTo("Completed with 0/2 agents successful. Audit skipped.");
    assertThat(r.notes()).contains("no S1 agent succeeded: audit skipped");
    assertThat(runner.invokedAgents()).doesNotContain("system3-audit");
    assertThat(log.ofType(EventType.AUDIT_PERFORMED)).isEmpty();
    assertThat(store.metrics().auditPassRate()).isEqualTo(1.0);
    assertThat(store.metrics().agentErrors()).containsEntry("tester", 0.2);
  }

  @Test
  void the_audit_is_told_why_an_agent_failed() {
    runner.failing("s1-tester", "tests did not compile");

    run(TASK);

    assertThat(runner.lastPromptTo("system3-audit"))
        .contains("- s1-tester: FAILED (tests did not compile)");
  }
}
