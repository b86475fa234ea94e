package dev.vsm.application.protocol;

/** The five system agents of the VSM: the Claude agent each runs as, and its short name. */
public enum SystemAgent {
  S4_STRATEGY("system4-strategy", "S4"),
  S3_CONTROL("system3-control", "S3"),
  S5_POLICY("system5-policy", "S5"),
  S2_COORDINATION("system2-coordination", "S2"),
  S3_STAR_AUDIT("system3-audit", "S3*");

  private final String agentName;
  private final String label;

  SystemAgent(String agentName, String label) {
    this.agentName = agentName;
    this.label = label;
  }

  /** The Claude agent, e.g. {@code system4-strategy}. */
  public String agentName() {
    return agentName;
  }

  /** The system's short name, e.g. {@code S4}. */
  public String label() {
    return label;
  }
}
