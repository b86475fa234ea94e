package dev.vsm.application.port.out;

/**
 * What the user set for every agent run; nulls mean the runner's defaults. {@code maxBudgetUsd},
 * when set, is a whole number of hundredths of a cent and at least one ({@code
 * RunCycleCommand.SMALLEST_BUDGET_USD}): a runner can pass it on exactly, never as zero.
 */
public record AgentOptions(
    String model, Integer maxTurns, Double maxBudgetUsd, String permissionMode) {

  public static AgentOptions defaults() {
    return new AgentOptions(null, null, null, null);
  }
}
