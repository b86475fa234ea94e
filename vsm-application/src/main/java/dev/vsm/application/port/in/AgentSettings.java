package dev.vsm.application.port.in;

/**
 * What the user sets for every agent of a cycle: the model, a turn limit, and the permission mode
 * of the S1 agents. Nulls mean the runner's defaults; what each agent may spend comes from the
 * cycle's budget.
 */
public record AgentSettings(String model, Integer maxTurns, String permissionMode) {

  public static AgentSettings defaults() {
    return new AgentSettings(null, null, null);
  }
}
