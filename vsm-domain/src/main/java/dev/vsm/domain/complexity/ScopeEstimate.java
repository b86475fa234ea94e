package dev.vsm.domain.complexity;

import java.util.Locale;

/** How far a task reaches into the codebase. */
public enum ScopeEstimate {
  SINGLE_FILE,
  MULTI_FILE,
  CROSS_MODULE,
  UNKNOWN;

  /** The snake_case name used in JSON ({@code single_file}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
