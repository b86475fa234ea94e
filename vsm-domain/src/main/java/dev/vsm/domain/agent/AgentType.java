package dev.vsm.domain.agent;

import java.util.Locale;

/** The three kinds of S1 agent: one generalist, functional specialists, domain specialists. */
public enum AgentType {
  GENERALIST,
  FUNCTIONAL,
  DOMAIN;

  // Made once: labels are written for every document and line that names one.
  private final String label = name().toLowerCase(Locale.ROOT);

  public String label() {
    return label;
  }

  /** Reads a registry type; unknown text counts as a domain specialist. */
  public static AgentType parse(String label) {
    for (AgentType t : values()) {
      if (t.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
        return t;
      }
    }
    return DOMAIN;
  }
}
