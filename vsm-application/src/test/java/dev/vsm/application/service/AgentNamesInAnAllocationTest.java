package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An allocation only ever names agents that have a definition: unsafe names are dropped, the rest
 * replaced by the closest specialist — whether S3 named them or the rules did.
 */
class AgentNamesInAnAllocationTest extends CycleTest {

  @Test
  void names_that_are_not_safe_agent_names_never_run() {
    runner.replyTo(
        "system3-control",
        s3Reply(
            "medium",
            "sequential",
            "--dangerously-skip-permissions:1",
            "../../etc:2",
            "rm -rf /:3"));

    CycleResult r = run(TASK);

    assertThat(runner.invokedAgents())
        .noneMatch(a -> a.contains("dangerously") || a.contains("..") || a.contains("rm -rf"));
    assertThat(stateChanges("agent_dropped"))
        .extracting(d -> d.get("agent"))
        .containsExactly("--dangerously-skip-permissions", "../../etc", "rm -rf /");
    assertThat(r.notes())
        .contains("S3 allocation named no agent that can run; using the rule-based stand-in");
    assertThat(r.agentsInvoked()).containsExactly("s1-code-writer", "s1-tester");
  }

  @Test
  void a_name_without_a_definition_is_replaced_by_the_closest_specialist_and_logged() {
    runner.replyTo(
        "system3-control",
        s3Reply("medium", "sequential", "backend-api:1", "testers:2", "hacker:3"));

    CycleResult r = run(TASK);

    assertThat(r.agentsInvoked()).containsExactly("s1-backend", "s1-tester", "s1-generalist-coder");
    assertThat(stateChanges("agent_replaced"))
        .containsExactly(
            Map.of(
                "change", "agent_replaced",
                "agent", "backend-api",
                "replacement", "backend",
                "reason", "no agent definition named s1-backend-api"),
            Map.of(
                "change", "agent_replaced",
                "agent", "testers",
                "replacement", "tester",
                "reason", "no agent definition named s1-testers"),
            Map.of(
                "change", "agent_replaced",
                "agent", "hacker",
                "replacement", "generalist-coder",
                "reason", "no agent definition named s1-hacker"));
    assertThat(r.notes())
        .contains("agent 'hacker' has no definition: generalist-coder runs in its place");
    assertThat(store.allocation().orElseThrow().agentNames())
        .containsExactly("backend", "tester", "generalist-coder");
  }

  @Test
  void the_s1_prefix_is_accepted_and_an_agent_named_twice_runs_once() {
    runner.replyTo(
        "system3-control", s3Reply("medium", "sequential", "s1-tester:1", "tester:2", "testers:3"));

    CycleResult r = run(TASK);

    assertThat(r.agentsInvoked()).containsExactly("s1-tester");
    assertThat(stateChanges("agent_dropped")).isEmpty();
  }

  @Test
  void a_domain_of_the_users_rules_without_an_agent_runs_as_the_closest_specialist() {
    analyzer =
        new ComplexityAnalyzer(
            ComplexityRules.defaults()
                .withKeyword(Complexity.COMPLEX, "\\bml\\b")
                .withDomain("ml", List.of("\\bmodel\\b", "\\btraining\\b")));
    runner.failing("system3-control", "S3 is down");

    CycleResult r = run("Train ML model for predictions");

    assertThat(r.complexity()).isEqualTo("complex");
    assertThat(runner.invokedAgents()).doesNotContain("s1-ml");
    assertThat(r.agentsInvoked())
        .containsExactly("s1-generalist-coder", "s1-tester", "s1-reviewer");
    assertThat(stateChanges("agent_replaced"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .containsEntry("agent", "ml")
                    .containsEntry("replacement", "generalist-coder"));
    assertThat(r.success()).isTrue();
  }

  @Test
  void a_specialist_the_project_defined_runs_as_itself() {
    runner.on(
        "s1-ml",
        q -> ScriptedAgentRunner.ok(q.agent(), ScriptedAgentRunner.report("completed", "trained")));
    runner.replyTo("system3-control", s3Reply("complex", "sequential", "ml:1", "tester:2"));

    CycleResult r = run("Train ML model for predictions");

    assertThat(r.agentsInvoked()).containsExactly("s1-ml", "s1-tester");
    assertThat(runner.lastPromptTo("system3-control")).contains(", ml");
    assertThat(stateChanges("agent_replaced")).isEmpty();
  }
}
