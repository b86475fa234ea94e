package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The coordination plan the steps themselves make when S2 gives none. */
class TheStepsOwnPlanTest {

  @Test
  void each_step_is_a_schedule_entry_and_steps_of_several_agents_are_parallel_groups() {
    Map<String, Object> plan =
        CoordinationPlan.ofSteps(
            List.of(List.of("code-writer"), List.of("frontend", "backend"), List.of("tester")));

    assertThat(plan)
        .containsExactly(
            Map.entry(
                "execution_schedule",
                List.of(
                    Map.of("step", 1, "agents", List.of("code-writer")),
                    Map.of("step", 2, "agents", List.of("frontend", "backend")),
                    Map.of("step", 3, "agents", List.of("tester")))),
            Map.entry("parallel_groups", List.of(List.of("frontend", "backend"))),
            Map.entry("conflict_zones", List.of()),
            Map.entry(CoordinationPlan.SOURCE, CoordinationPlan.RULE_BASED));
  }
}
