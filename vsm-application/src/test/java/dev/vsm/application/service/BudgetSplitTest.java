package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.testing.ScriptedAgentRunner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Money (#11): the caps handed to agents that run at the same time add up to no more than what is
 * left of the budget; a share too small to hand out counts as spent; a budget is a finite amount.
 */
class BudgetSplitTest extends CycleTest {

  /** The smallest cap, a hundredth of a cent (RunCycleCommand.SMALLEST_BUDGET_USD). */
  private static final double SMALLEST = 0.0001;

  private static final List<String> FOUR = List.of("frontend", "backend", "tester", "documenter");

  /** S3 puts the four agents in one parallel step; each waits until all four are running. */
  private void fourRunningAtOnce() {
    runner.replyTo(
        "system3-control",
        s3Reply("complex", "parallel", "frontend:1", "backend:1", "tester:1", "documenter:1"));
    runningAtOnce(FOUR);
  }

  /** Each of {@code agents} waits until all of them are running, then reports success. */
  private void runningAtOnce(List<String> agents) {
    CountDownLatch running = new CountDownLatch(agents.size());
    for (String a : agents) {
      runner.on(
          "s1-" + a,
          r -> {
            running.countDown();
            try {
              if (!running.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError(agents + " never ran at the same time");
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return ScriptedAgentRunner.ok(r.agent(), ScriptedAgentRunner.report("completed", "ok"));
          });
    }
  }

  private List<Double> s1Caps() {
    return runner.requests().stream()
        .filter(q -> q.agent().startsWith("s1-"))
        .map(q -> q.options().maxBudgetUsd())
        .toList();
  }

  @Test
  void the_caps_of_agents_running_at_the_same_time_add_up_to_no_more_than_what_is_left() {
    fourRunningAtOnce();

    CycleResult r = run(command("Build the dashboard").withBudget(0.10));

    assertThat(r.s1Results()).extracting(AgentRun::success).containsOnly(true);
    // S4, S3 and S2 spent 0.01 each before the step: 0.07 was left for the four.
    List<Double> caps = s1Caps();
    assertThat(caps).hasSize(4).allSatisfy(c -> assertThat(c).isEqualTo(0.0175));
    assertThat(caps.stream().mapToDouble(Double::doubleValue).sum()).isLessThanOrEqualTo(0.07);
  }

  @Test
  void an_agent_starting_after_one_of_its_step_ended_gets_what_that_one_left_unspent() {
    runner.replyTo(
        "system3-control", s3Reply("complex", "parallel", "frontend:1", "backend:1", "tester:1"));
    runningAtOnce(List.of("frontend", "backend"));

    // Two at a time: tester starts when frontend or backend has ended.
    CycleResult r =
        service()
            .run(
                new RunCycleCommand(
                    "Build the dashboard", null, null, dir, null, null, 0.09, 2, null, null));

    assertThat(r.s1Results()).hasSize(3);
    // 0.06 left for three: the first two hold 0.02 each; the third gets the 0.06 less what the
    // first two spent (0.01 each) and less what one still running holds (0.02).
    List<Double> caps = s1Caps();
    assertThat(caps.subList(0, 2)).containsOnly(0.02);
    assertThat(caps.get(2)).isBetween(0.03, 0.04);
  }

  @Test
  void a_share_under_the_smallest_cap_counts_as_spent_and_no_agent_is_started_with_it() {
    // After S4, S3 and S2 (0.03) there is $0.00004 left: not a cap anyone can be handed.
    CycleResult r = run(command(TASK).withBudget(0.03004));

    assertThat(runner.invokedS1Agents()).isEmpty();
    assertThat(r.s1Results())
        .allSatisfy(
            a -> {
              assertThat(a.failure()).isEqualTo("limit");
              assertThat(a.error()).startsWith("not started: budget of $0.03 spent");
            });
    assertThat(r.success()).isFalse();
  }

  @Test
  void every_cap_handed_out_is_a_whole_number_of_the_smallest_amount_and_never_zero() {
    fourRunningAtOnce();

    run(command("Build the dashboard").withBudget(0.0333));

    for (AgentRequest q : runner.requests()) {
      Double cap = q.options().maxBudgetUsd();
      BigDecimal units = BigDecimal.valueOf(cap).divide(BigDecimal.valueOf(SMALLEST));
      assertThat(cap).as(q.agent()).isGreaterThanOrEqualTo(SMALLEST);
      assertThat(units.stripTrailingZeros().scale())
          .as(q.agent() + ": " + cap)
          .isLessThanOrEqualTo(0);
    }
  }

  @Test
  void a_cap_is_no_longer_held_when_its_agent_failed_or_was_not_answered() {
    runner.on(
        "system4-strategy",
        r -> AgentResult.failed(r.agent(), AgentResult.Failure.ERROR, "broke", Duration.ZERO));

    run(command(TASK).withBudget(0.05));

    // S4 failed without spending: S3 is handed the whole budget again.
    assertThat(runner.requests().get(1).options().maxBudgetUsd()).isEqualTo(0.05);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NaN, -1, 0, 0.00009})
  void a_budget_that_is_not_a_finite_amount_of_at_least_the_smallest_cap_is_refused(double usd) {
    assertThatThrownBy(() -> command(TASK).withBudget(usd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the budget must be a finite amount of at least $0.0001");
  }

  @Test
  void once_an_agent_spent_more_than_its_cap_no_other_starts() {
    runner.on(
        "system4-strategy",
        r ->
            new AgentResult(
                r.agent(),
                true,
                "x",
                null,
                null,
                AgentResult.Failure.NONE,
                Duration.ZERO,
                0.06,
                0,
                0,
                null));

    CycleResult r = run(command(TASK).withBudget(0.05));

    assertThat(runner.requests()).hasSize(1);
    assertThat(r.costUsd()).isEqualTo(0.06);
    assertThat(r.s1Results())
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.failure()).isEqualTo("limit"));
  }
}
