package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.log.EventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S3 allocates the S1 agents; its allocation is saved and logged, the rules stand in for it. */
class S3AllocationTest extends CycleTest {

  @Test
  void s3s_allocation_is_saved_and_logged_as_it_gave_it() {
    runner.replyTo(
        "system3-control",
        Map.of(
            "complexity", "Complex",
            "complexity_rationale", "two services",
            "selected_agents",
                List.of(
                    Map.of("agent", "backend", "role", "API", "order", 1, "task_focus", "login"),
                    Map.of("agent", "frontend", "order", 1),
                    Map.of("agent", "tester", "order", 2)),
            "execution_mode", "parallel"));

    CycleResult r = run(TASK);

    S3Allocation saved = store.allocation().orElseThrow();
    assertThat(saved.taskId()).isEqualTo(FIRST_TASK_ID);
    assertThat(saved.complexity()).isEqualTo("complex");
    assertThat(saved.rationale()).isEqualTo("two services");
    assertThat(saved.parallelExecution()).isTrue();
    assertThat(saved.selectedAgents())
        .containsExactly(
            new AllocatedAgent("backend", "API", 1, "login"),
            new AllocatedAgent("frontend", "", 1, ""),
            new AllocatedAgent("tester", "", 2, ""));
    assertThat(only(EventType.ALLOCATION_MADE))
        .containsEntry("complexity", "complex")
        .containsEntry("agents", List.of("backend", "frontend", "tester"))
        .containsEntry("rationale", "two services")
        .containsEntry("parallel_execution", true);
    assertThat(log.ofType(EventType.ALLOCATION_MADE).get(0).agent()).isEqualTo("system3-control");
    assertThat(r.complexity()).isEqualTo("complex");
    assertThat(r.agentsInvoked())
        .containsExactlyInAnyOrder("s1-backend", "s1-frontend", "s1-tester");
  }

  @Test
  void an_unusable_s3_reply_gives_the_rules_allocation_and_says_so() {
    runner.repliesWithoutJson("system3-control", "I think we should use some agents.");

    CycleResult r = run("Add user authentication with OAuth2");

    assertThat(r.agentsInvoked()).containsExactly("s1-backend", "s1-tester", "s1-reviewer");
    assertThat(r.notes())
        .contains("S3 reply had no usable JSON object; using the rule-based stand-in");
    assertThat(stateChanges("stand_in_used"))
        .extracting(d -> d.get("system"))
        .containsExactly("S3");
  }

  @Test
  void a_complexity_s3_does_not_name_is_the_rules_one() {
    runner.replyTo("system3-control", s3Reply("enormous", "sequential", "code-writer:1"));

    CycleResult r = run(TASK);

    assertThat(r.complexity()).isEqualTo("medium");
    assertThat(r.agentsInvoked()).containsExactly("s1-code-writer");
  }

  @Test
  void s3_is_told_the_specialists_it_may_name_and_what_s4_and_the_rules_said() {
    run(TASK);

    assertThat(runner.lastPromptTo("system3-control"))
        .contains(
            "AVAILABLE S1 AGENTS (use only these names): generalist-coder, code-writer, tester,"
                + " reviewer, documenter, frontend, backend, database, infrastructure")
        .contains("Recommended approach: scripted approach")
        .contains("RULE-BASED SUGGESTION: medium complexity, agents code-writer, tester");
  }

  @Test
  void active_adaptations_are_told_to_s3() {
    metricsAfter(3, m -> m.withAuditResult(false, "t"));

    run(TASK);

    assertThat(runner.lastPromptTo("system3-control")).contains("\nNote: ");
  }
}
