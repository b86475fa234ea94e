package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.CyclePlan;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCycleServiceTest {

  private final InMemoryStateStore store = new InMemoryStateStore();
  private final PlanCycleService planner =
      new PlanCycleService(
          store,
          ComplexityAnalyzer.withDefaults(),
          new ScriptedAgentRunner().definedAgents(Path.of(".")));

  @Test
  void the_plan_uses_the_rule_based_allocation_and_its_steps() {
    CyclePlan p =
        planner.plan("Implement role-based access control across the API and admin UI", null);

    assertThat(p.assessment().complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(p.steps())
        .containsExactly(List.of("frontend", "backend"), List.of("tester"), List.of("reviewer"));
    assertThat(p.parallelSteps()).isTrue();
    assertThat(p.adaptationsToApply()).isEmpty();
    assertThat(p.s5ApprovalRequired()).isFalse();
  }

  @Test
  void the_plan_shows_the_adaptations_a_cycle_would_apply_and_their_effects_without_saving_them() {
    ViabilityMetrics m =
        ViabilityMetrics.defaults()
            .withAgentResult("tester", false, "t")
            .withAgentResult("tester", false, "t");
    for (int i = 0; i < 4; i++) {
      m = m.withS3S4Conflict("t");
    }
    store.putMetrics(m);

    // Medium even with the complex threshold lowered by the tester's errors.
    CyclePlan p = planner.plan("Add user validation", null);

    assertThat(p.adaptationsToApply())
        .extracting(a -> a.type())
        .containsExactly(AdaptationType.ADD_REVIEW_STEP, AdaptationType.REQUIRE_S5_APPROVAL);
    assertThat(p.steps())
        .containsExactly(List.of("code-writer"), List.of("reviewer"), List.of("tester"));
    assertThat(p.s5ApprovalRequired()).isTrue();
    assertThat(store.metrics().activeAdaptations()).as("a dry run saves nothing").isEmpty();
  }

  @Test
  void the_plan_shows_which_adaptations_would_be_cleared() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 3; i++) {
      m = m.withAuditResult(false, "t");
    }
    m = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics();
    for (int i = 0; i < 10; i++) {
      m = m.withAuditResult(true, "t");
    }
    store.putMetrics(m);

    CyclePlan p = planner.plan("Add a login feature", Complexity.SIMPLE);

    assertThat(p.adaptationsToClear())
        .extracting(a -> a.type())
        .containsExactly(AdaptationType.TIGHTEN_S3_STAR);
    assertThat(p.tightenedAudit()).isFalse();
    assertThat(p.steps()).containsExactly(List.of("generalist-coder"));
  }
}
