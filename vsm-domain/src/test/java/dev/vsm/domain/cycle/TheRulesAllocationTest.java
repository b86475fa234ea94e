package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ScopeEstimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allocation the rules make of a recommendation when S3 gives none: one agent per step, in the
 * recommended order, except that parallel work puts adjacent domain specialists in one step.
 */
class TheRulesAllocationTest {

  private static AgentRecommendation recommendation(
      List<String> agents, boolean parallel, List<String> domains) {
    int split = Math.min(2, agents.size());
    return new AgentRecommendation(
        Complexity.COMPLEX,
        0.8,
        agents.subList(0, split),
        agents.subList(split, agents.size()),
        parallel,
        "because",
        List.of(),
        domains,
        ScopeEstimate.CROSS_MODULE);
  }

  private static List<Integer> orders(S3Allocation a) {
    return a.selectedAgents().stream().map(AllocatedAgent::order).toList();
  }

  @Test
  void sequential_work_is_one_agent_per_step_in_the_recommended_order() {
    S3Allocation a =
        S3Allocation.fromRecommendation(
            "t1",
            recommendation(
                List.of("frontend", "backend", "tester"), false, List.of("frontend", "backend")),
            "T");

    assertThat(a.agentNames()).containsExactly("frontend", "backend", "tester");
    assertThat(orders(a)).containsExactly(1, 2, 3);
    assertThat(a.parallelExecution()).isFalse();
    assertThat(a.taskId()).isEqualTo("t1");
    assertThat(a.complexity()).isEqualTo("complex");
    assertThat(a.rationale()).isEqualTo("because");
    assertThat(a.createdAt()).isEqualTo("T");
  }

  @Test
  void parallel_work_puts_the_domain_specialists_together_in_one_step() {
    S3Allocation a =
        S3Allocation.fromRecommendation(
            "t1",
            recommendation(
                List.of("frontend", "backend", "database", "tester"),
                true,
                List.of("frontend", "backend", "database")),
            "T");

    assertThat(orders(a)).containsExactly(1, 1, 1, 2);
    assertThat(a.parallelExecution()).isTrue();
  }

  @Test
  void a_domain_specialist_after_another_kind_of_agent_starts_a_step_of_its_own() {
    S3Allocation a =
        S3Allocation.fromRecommendation(
            "t1",
            recommendation(
                List.of("code-writer", "backend", "database", "tester"),
                true,
                List.of("backend", "database")),
            "T");

    assertThat(orders(a)).containsExactly(1, 2, 2, 3);
  }
}
