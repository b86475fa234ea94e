package dev.vsm.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.domain.complexity.Complexity;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A cycle command refuses what cannot run (an empty task, a non-positive timeout, a budget under
 * the smallest cap) with a message saying what to fix, fills in the defaults, and each {@code
 * with…} changes only its own setting.
 */
class ACycleCommandIsCheckedWhenMadeTest {

  private static final Path DIR = Path.of("/work");
  private final RunCycleCommand base = RunCycleCommand.of("Add login", DIR);

  @Test
  void the_defaults_are_thirty_minutes_per_agent_four_at_a_time_and_no_limits() {
    assertThat(base.agentTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(base.maxParallelAgents()).isEqualTo(4);
    assertThat(base.agentSettings()).isEqualTo(AgentSettings.defaults());
    assertThat(base.maxBudgetUsd()).isNull();
    assertThat(base.cycleTimeout()).isNull();
    assertThat(base.hint()).isNull();
    assertThat(base.cancellation().isCancelled()).isFalse();
  }

  @Test
  void a_blank_task_is_refused_with_what_to_do() {
    assertThatThrownBy(() -> RunCycleCommand.of("  ", DIR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the task is empty: say what should be done");
  }

  @Test
  void a_timeout_must_be_positive() {
    assertThatThrownBy(() -> base.withAgentTimeout(Duration.ZERO))
        .hasMessage("the agent timeout must be positive");
    assertThatThrownBy(() -> base.withAgentTimeout(Duration.ofSeconds(-1)))
        .hasMessage("the agent timeout must be positive");
    assertThatThrownBy(() -> base.withCycleTimeout(Duration.ZERO))
        .hasMessage("the cycle timeout must be positive");
    assertThatThrownBy(() -> base.withCycleTimeout(Duration.ofSeconds(-1)))
        .hasMessage("the cycle timeout must be positive");
    assertThat(base.withAgentTimeout(Duration.ofNanos(1)).agentTimeout())
        .isEqualTo(Duration.ofNanos(1));
  }

  @Test
  void the_smallest_budget_is_accepted_and_anything_less_is_not() {
    assertThat(base.withBudget(RunCycleCommand.SMALLEST_BUDGET_USD).maxBudgetUsd())
        .isEqualTo(0.0001);
    assertThatThrownBy(() -> base.withBudget(Math.nextDown(RunCycleCommand.SMALLEST_BUDGET_USD)))
        .hasMessage("the budget must be a finite amount of at least $0.0001");
    assertThatThrownBy(() -> base.withBudget(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_parallel_limit_of_zero_or_less_is_the_default() {
    assertThat(
            new RunCycleCommand("t", null, null, DIR, null, null, null, -1, null, null)
                .maxParallelAgents())
        .isEqualTo(4);
    assertThat(
            new RunCycleCommand("t", null, null, DIR, null, null, null, 1, null, null)
                .maxParallelAgents())
        .isEqualTo(1);
  }

  @Test
  void each_change_keeps_every_other_setting() {
    CycleCancellation cancellation = new CycleCancellation();
    AgentSettings settings = new AgentSettings("opus", 5, "acceptEdits");
    RunCycleCommand full =
        new RunCycleCommand(
            "t",
            "id1",
            Complexity.MEDIUM,
            DIR,
            Duration.ofMinutes(2),
            settings,
            1.0,
            3,
            cancellation,
            Duration.ofMinutes(9));

    assertThat(full.withHint(Complexity.COMPLEX))
        .isEqualTo(
            new RunCycleCommand(
                "t",
                "id1",
                Complexity.COMPLEX,
                DIR,
                Duration.ofMinutes(2),
                settings,
                1.0,
                3,
                cancellation,
                Duration.ofMinutes(9)));
    assertThat(full.withBudget(2.0).maxBudgetUsd()).isEqualTo(2.0);
    assertThat(full.withBudget(2.0).withBudget(1.0)).isEqualTo(full);
    assertThat(full.withAgentTimeout(Duration.ofMinutes(1)).withAgentTimeout(Duration.ofMinutes(2)))
        .isEqualTo(full);
    assertThat(full.withCycleTimeout(null).withCycleTimeout(Duration.ofMinutes(9))).isEqualTo(full);
    assertThat(full.withAgentSettings(AgentSettings.defaults()).withAgentSettings(settings))
        .isEqualTo(full);
    CycleCancellation other = new CycleCancellation();
    assertThat(full.withCancellation(other).cancellation()).isSameAs(other);
    assertThat(full.withCancellation(other).withCancellation(cancellation)).isEqualTo(full);
  }
}
