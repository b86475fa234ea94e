package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an allocation becomes S1 steps: agents sharing an order run together, ascending; agents
 * without an order follow, one step each; a parallel allocation without orders is one step; and a
 * reviewer step guards each step holding an agent with an active review step.
 */
class StepsOfAnAllocationTest {

  private static final ViabilityMetrics HEALTHY = ViabilityMetrics.defaults();

  private static S3Allocation allocation(boolean parallel, AllocatedAgent... agents) {
    return new S3Allocation("t", "medium", List.of(agents), "", "", parallel);
  }

  private static AllocatedAgent at(String agent, Integer order) {
    return new AllocatedAgent(agent, "", order, "");
  }

  private static List<List<String>> names(List<ExecutionStep> steps) {
    return steps.stream().map(ExecutionStep::agentNames).toList();
  }

  @Test
  void agents_sharing_an_order_form_one_step_in_ascending_order() {
    List<ExecutionStep> steps =
        ExecutionStep.plan(
            allocation(false, at("tester", 3), at("backend", 1), at("frontend", 1)), HEALTHY);

    assertThat(names(steps)).containsExactly(List.of("backend", "frontend"), List.of("tester"));
    assertThat(steps).allMatch(s -> s.reviewFor() == null);
  }

  @Test
  void agents_without_an_order_run_alone_after_the_ordered_ones_in_list_order() {
    List<ExecutionStep> steps =
        ExecutionStep.plan(
            allocation(true, at("documenter", null), at("backend", 2), at("tester", null)),
            HEALTHY);

    assertThat(names(steps))
        .containsExactly(List.of("backend"), List.of("documenter"), List.of("tester"));
  }

  @Test
  void a_parallel_allocation_without_orders_is_one_step() {
    assertThat(
            names(
                ExecutionStep.plan(
                    allocation(true, at("frontend", null), at("backend", null)), HEALTHY)))
        .containsExactly(List.of("frontend", "backend"));
  }

  @Test
  void a_sequential_allocation_without_orders_is_one_step_per_agent() {
    assertThat(
            names(
                ExecutionStep.plan(
                    allocation(false, at("frontend", null), at("backend", null)), HEALTHY)))
        .containsExactly(List.of("frontend"), List.of("backend"));
  }

  @Test
  void an_empty_allocation_has_no_steps() {
    assertThat(ExecutionStep.plan(allocation(true), HEALTHY)).isEmpty();
    assertThat(ExecutionStep.plan(allocation(false), HEALTHY)).isEmpty();
  }

  @Test
  void a_reviewer_step_goes_before_the_step_of_an_agent_under_review() {
    ViabilityMetrics m =
        HEALTHY.withActiveAdaptations(
            List.of(AdaptationPolicy.reviewStep("s1-tester").appliedAt("T")), "T");

    List<ExecutionStep> steps =
        ExecutionStep.plan(
            allocation(false, at("code-writer", 1), at("tester", 2), at("backend", 2)), m);

    assertThat(names(steps))
        .containsExactly(List.of("code-writer"), List.of("reviewer"), List.of("tester", "backend"));
    ExecutionStep review = steps.get(1);
    assertThat(review.reviewFor()).isEqualTo("tester");
    AllocatedAgent reviewer = review.agents().get(0);
    assertThat(reviewer.role()).isEqualTo("review before tester");
    assertThat(reviewer.taskFocus()).isEqualTo("Review the work so far before tester runs");
    assertThat(reviewer.order()).isNull();
    assertThat(steps.get(2).reviewFor()).isNull();
  }

  @Test
  void the_reviewer_is_not_reviewed_before_itself() {
    ViabilityMetrics m =
        HEALTHY.withActiveAdaptations(
            List.of(AdaptationPolicy.reviewStep("reviewer").appliedAt("T")), "T");

    assertThat(names(ExecutionStep.plan(allocation(false, at("reviewer", 1)), m)))
        .containsExactly(List.of("reviewer"));
  }

  @Test
  void one_reviewer_step_guards_a_step_whatever_number_of_its_agents_are_under_review() {
    ViabilityMetrics m =
        HEALTHY.withActiveAdaptations(
            List.of(
                AdaptationPolicy.reviewStep("frontend").appliedAt("T"),
                AdaptationPolicy.reviewStep("backend").appliedAt("T")),
            "T");

    List<ExecutionStep> steps =
        ExecutionStep.plan(allocation(true, at("frontend", null), at("backend", null)), m);

    assertThat(names(steps)).containsExactly(List.of("reviewer"), List.of("frontend", "backend"));
    assertThat(steps.get(0).reviewFor()).isEqualTo("frontend");
  }
}
