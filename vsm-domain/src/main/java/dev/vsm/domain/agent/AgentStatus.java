package dev.vsm.domain.agent;

import java.util.Locale;

/** What an S1 agent is doing now, as recorded in the registry. */
public enum AgentStatus {
  AVAILABLE,
  BUSY,
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a registry status; anything unknown is treated as available. */
  public static AgentStatus parse(String label) {
    for (AgentStatus s : values()) {
      if (s.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
        return s;
      }
    }
    return AVAILABLE;
  }
}
