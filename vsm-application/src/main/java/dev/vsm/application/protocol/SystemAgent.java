package dev.vsm.application.protocol;

/** The five system agents of the VSM and the Claude agent name each runs as. */
public enum SystemAgent {
  S4_STRATEGY("system4-strategy", "S4 intelligence"),
  S3_CONTROL("system3-control", "S3 control"),
  S5_POLICY("system5-policy", "S5 policy"),
  S2_COORDINATION("system2-coordination", "S2 coordination"),
  S3_STAR_AUDIT("system3-audit", "S3* audit");

  private final String agentName;
  private final String title;

  SystemAgent(String agentName, String title) {
    this.agentName = agentName;
    this.title = title;
  }

  public String agentName() {
    return agentName;
  }

  public String title() {
    return title;
  }
}
