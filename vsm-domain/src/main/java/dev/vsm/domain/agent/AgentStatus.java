package dev.vsm.domain.agent;

import java.util.Locale;

/** What an S1 agent is doing now, as recorded in the registry. */
public enum AgentStatus {
  AVAILABLE,
  BUSY,
  ERROR;

  // Made once: labels are written for every document and line that names one.
  private final String label = name().toLowerCase(Locale.ROOT);

  public String label() {
    return label;
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
