package dev.vsm.domain.complexity;

import java.util.Locale;

/** How far a task reaches into the codebase. */
public enum ScopeEstimate {
  SINGLE_FILE,
  MULTI_FILE,
  CROSS_MODULE,
  UNKNOWN;

  // Made once: labels are written for every document and line that names one.
  private final String label = name().toLowerCase(Locale.ROOT);

  /** The snake_case name used in JSON ({@code single_file}, ...). */
  public String label() {
    return label;
  }
}
