package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.cycle.CoordinationPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S2 plans how the S1 steps work together; the plan is saved and handed to every S1 agent. */
class S2CoordinationTest extends CycleTest {

  @Test
  void s2s_plan_is_saved_and_given_to_the_s1_agents_as_json() {
    runner.replyTo(
        "system2-coordination",
        Map.of(
            "execution_schedule",
            List.of(Map.of("step", 1, "agents", List.of("code-writer"), "handoff", "the form")),
            "conflict_zones",
            List.of(Map.of("files", List.of("Login.java"), "owner", "code-writer"))));

    run(TASK);

    CoordinationPlan plan = store.coordinationPlan().orElseThrow();
    assertThat(plan.taskId()).isEqualTo(FIRST_TASK_ID);
    assertThat(plan.plan()).containsKeys("execution_schedule", "conflict_zones");
    assertThat(runner.lastPromptTo("s1-tester"))
        .contains("COORDINATION PLAN (S2, as JSON):\n{\"")
        .contains("\"agents\":[\"code-writer\"]")
        .contains("\"handoff\":\"the form\"")
        .contains("\"conflict_zones\":[{\"")
        .doesNotContain("handoff=");
  }

  @Test
  void without_a_usable_plan_the_steps_are_the_plan() {
    runner.replyTo("system2-coordination", Map.of("unrelated", true));

    run(TASK);

    assertThat(store.coordinationPlan().orElseThrow().plan())
        .containsEntry("source", "rule-based stand-in")
        .containsEntry(
            "execution_schedule",
            List.of(
                Map.of("step", 1, "agents", List.of("code-writer")),
                Map.of("step", 2, "agents", List.of("tester"))));
  }

  @Test
  void s2_is_told_the_allocation_and_the_steps_in_words() {
    run(TASK);

    assertThat(runner.lastPromptTo("system2-coordination"))
        .contains("ALLOCATION: medium complexity, sequential\n- code-writer (step 1)")
        .contains("1. code-writer\n2. tester")
        .doesNotContain("AllocatedAgent[")
        .doesNotContain("Coordinate more tightly");
  }

  @Test
  void high_oscillation_makes_s2_coordinate_harder() {
    metricsAfter(3, m -> m.withOscillation("t"));

    run(TASK);

    assertThat(runner.lastPromptTo("system2-coordination")).contains("Coordinate more tightly");
  }
}
