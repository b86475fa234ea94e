package dev.vsm.application.service;

import dev.vsm.application.port.in.RunCycleCommand;
import java.util.Locale;
import java.util.Optional;

/**
 * The cycle's money: what was spent, and what the agents running now hold. An agent is handed a cap
 * out of what is left, and that cap is held for it until it ends, so the caps of agents that run at
 * the same time add up to no more than what was left. Agents of one step split what is left between
 * those not yet started. Caps are whole numbers of {@link RunCycleCommand#SMALLEST_BUDGET_USD}; a
 * share smaller than that counts as spent.
 */
final class CycleBudget {

  private static final double UNITS_PER_USD = Math.rint(1 / RunCycleCommand.SMALLEST_BUDGET_USD);

  /** The budget in dollars; null: no budget. */
  private final Double budgetUsd;

  private double spentUsd;

  /** What the agents running now hold, in {@link RunCycleCommand#SMALLEST_BUDGET_USD}. */
  private long held;

  CycleBudget(Double budgetUsd) {
    this.budgetUsd = budgetUsd;
  }

  /**
   * The agents that split what is left of the budget: one agent alone, or those of a step that run
   * at the same time — each, as it starts, gets an equal part of what the others have not taken.
   */
  static final class Share {
    private int waiting;

    Share(int agents) {
      this.waiting = Math.max(1, agents);
    }

    static Share alone() {
      return new Share(1);
    }

    /** How many agents split what is left now, this one included; it is then no longer waiting. */
    private int claim() {
      return waiting > 1 ? waiting-- : 1;
    }
  }

  /** A cap held for an agent, in whole units; {@code units} null: no budget, no cap. */
  record Cap(Long units) {

    static final Cap NONE = new Cap(null);

    /** The cap in dollars, for the agent's command line; null when there is no budget. */
    Double usd() {
      return units == null ? null : units / UNITS_PER_USD;
    }
  }

  /**
   * Takes a cap for one agent of {@code share}: held until {@link #settle}; empty when nothing is
   * left for it (then {@link #refusal()} says why).
   */
  synchronized Optional<Cap> claim(Share share) {
    int sharing = share.claim();
    if (budgetUsd == null) {
      return Optional.of(Cap.NONE);
    }
    long cap = (units(budgetUsd - spentUsd) - held) / sharing;
    if (cap < 1) {
      return Optional.empty();
    }
    held += cap;
    return Optional.of(new Cap(cap));
  }

  /** Why an agent was refused by {@link #claim}. */
  synchronized String refusal() {
    return held > 0
        ? String.format(
            Locale.ROOT,
            "not started: the rest of the budget of $%.2f is held by the agents running"
                + " ($%.4f spent)",
            budgetUsd,
            spentUsd)
        : String.format(
            Locale.ROOT, "not started: budget of $%.2f spent ($%.2f)", budgetUsd, spentUsd);
  }

  /** An agent ended: what it spent is counted, and its cap no longer held, in one step. */
  synchronized void settle(Cap cap, double costUsd) {
    spentUsd += costUsd;
    if (cap.units() != null) {
      held -= cap.units();
    }
  }

  /** Gives back a cap that was claimed for an agent that did not start after all. */
  void release(Cap cap) {
    settle(cap, 0);
  }

  /** {@code usd} in whole {@link RunCycleCommand#SMALLEST_BUDGET_USD}, rounded down. */
  private static long units(double usd) {
    // The tiny allowance keeps 0.03 (0.0299999…) at 300 units.
    return Math.max(0, (long) Math.floor(usd * UNITS_PER_USD + 1e-6));
  }
}
