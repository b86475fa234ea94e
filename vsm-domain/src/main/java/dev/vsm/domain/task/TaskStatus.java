package dev.vsm.domain.task;

import java.util.Locale;

/** Where a task is in its life. */
public enum TaskStatus {
  PENDING,
  IN_PROGRESS,
  COMPLETED,
  FAILED;

  // Made once: labels are written for every document and line that names one.
  private final String label = name().toLowerCase(Locale.ROOT);

  public String label() {
    return label;
  }

  /** Reads a status; unknown text is taken as pending. */
  public static TaskStatus parse(String label) {
    for (TaskStatus s : values()) {
      if (s.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
        return s;
      }
    }
    return PENDING;
  }
}
