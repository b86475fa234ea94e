package dev.vsm.application.port.out;

/** What the user set for every agent run; nulls mean the runner's defaults. */
public record AgentOptions(
    String model, Integer maxTurns, Double maxBudgetUsd, String permissionMode) {

  public static AgentOptions defaults() {
    return new AgentOptions(null, null, null, null);
  }
}
