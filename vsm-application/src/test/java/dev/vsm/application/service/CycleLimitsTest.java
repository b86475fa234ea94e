package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.task.TaskStatus;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cycle's budget and time limit: no agent starts past them, and none may exceed them. */
class CycleLimitsTest extends CycleTest {

  @Test
  void a_budget_stops_new_agents_once_spent() {
    CycleResult r = run(command(TASK).withBudget(0.035));

    assertThat(runner.invokedS1Agents()).containsExactly("s1-code-writer");
    AgentRun tester = r.s1Results().get(1);
    assertThat(tester.failure()).isEqualTo("limit");
    assertThat(tester.error()).isEqualTo("not started: budget of $0.04 spent ($0.04)");
    assertThat(r.success()).isFalse();
    assertThat(store.registry().agents().get("tester").status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(store.metrics().agentErrors()).doesNotContainKey("tester");
  }

  @Test
  void each_agent_may_spend_only_what_is_left_of_the_cycles_budget() {
    run(command("Add user validation").withBudget(1.0));

    List<Double> caps = runner.requests().stream().map(q -> q.options().maxBudgetUsd()).toList();
    assertThat(caps.get(0)).isEqualTo(1.0);
    assertThat(caps.get(1)).isCloseTo(1.0 - ScriptedAgentRunner.COST_PER_RUN, within(1e-9));
    assertThat(caps).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void without_a_budget_agents_get_no_cap_and_the_users_settings() {
    run(
        command(TASK)
            .withAgentSettings(new dev.vsm.application.port.in.AgentSettings("opus", 7, "plan")));

    assertThat(runner.requests())
        .allSatisfy(
            q -> {
              assertThat(q.options().maxBudgetUsd()).isNull();
              assertThat(q.options().model()).isEqualTo("opus");
              assertThat(q.options().maxTurns()).isEqualTo(7);
              assertThat(q.options().permissionMode()).isEqualTo("plan");
            });
  }

  @Test
  void agents_are_not_started_past_the_cycles_time_limit_and_none_runs_beyond_it() {
    runner.on(
        "s1-code-writer",
        r -> {
          clock.advance(Duration.ofMinutes(11)); // this agent uses up the cycle's time
          return ScriptedAgentRunner.ok(r.agent(), Map.of("status", "completed"));
        });

    CycleResult r = run(command("Add user validation").withCycleTimeout(Duration.ofMinutes(10)));

    assertThat(runner.requests()).allMatch(q -> q.timeout().compareTo(Duration.ofMinutes(10)) <= 0);
    assertThat(runner.invokedAgents()).doesNotContain("s1-tester");
    AgentRun tester = r.s1Results().get(1);
    assertThat(tester.failure()).isEqualTo("timeout");
    assertThat(tester.error()).contains("the cycle's time limit of PT10M has passed");
    assertThat(r.success()).isFalse();
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
  }

  @Test
  void an_agent_gets_the_shorter_of_its_own_limit_and_what_is_left_of_the_cycles() {
    clock.advance(Duration.ZERO);
    runner.on(
        "system4-strategy",
        r -> {
          clock.advance(Duration.ofMinutes(8));
          return ScriptedAgentRunner.okWithoutReply(r.agent(), "thinking");
        });

    run(
        command(TASK)
            .withAgentTimeout(Duration.ofMinutes(5))
            .withCycleTimeout(Duration.ofMinutes(10)));

    assertThat(runner.requests().get(0).timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(runner.requests().get(1).timeout()).isEqualTo(Duration.ofMinutes(2));
  }
}
