package dev.vsm.domain.complexity;

import java.util.Locale;
import java.util.Optional;

/** How much work a task is: decides which kind of S1 agents run. */
public enum Complexity {
  SIMPLE,
  MEDIUM,
  COMPLEX;

  // Made once: labels are written for every document and line that names one.
  private final String label = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in state files, logs and prompts. */
  public String label() {
    return label;
  }

  /** Reads a label such as {@code "complex"}; empty for anything else (e.g. {@code "unknown"}). */
  public static Optional<Complexity> parse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    for (Complexity c : values()) {
      if (c.label().equalsIgnoreCase(label.trim())) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
