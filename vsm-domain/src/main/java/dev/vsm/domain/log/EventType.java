package dev.vsm.domain.log;

import java.util.Locale;
import java.util.Optional;

/** What a log entry records. */
public enum EventType {
  TASK_STARTED,
  TASK_COMPLETED,
  TASK_FAILED,
  AGENT_INVOKED,
  AGENT_COMPLETED,
  AGENT_ERROR,
  STATE_CHANGED,
  ALLOCATION_MADE,
  AUDIT_PERFORMED,
  CONFLICT_DETECTED,
  POLICY_DECISION,
  ADAPTATION_APPLIED,
  ADAPTATION_CLEARED,
  OSCILLATION_DETECTED,
  /** An agent changed a file or ran a command (Claude Code's hooks, or the agent's own stream). */
  TOOL_USED,
  /** A Claude Code session ended (its {@code SessionEnd} hook). */
  SESSION_COMPLETED,
  /** A task's plan is saved, waiting to be applied (or approved): no S1 agent has run. */
  TASK_PLANNED,
  /** A planned, failed, interrupted or abandoned task goes on from its saved plan. */
  TASK_RESUMED;

  // Made once: parse runs for every line a log query decodes.
  private final String label = name().toLowerCase(Locale.ROOT);

  public String label() {
    return label;
  }

  public static Optional<EventType> parse(String label) {
    for (EventType t : VALUES) {
      if (t.label.equals(label)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static final EventType[] VALUES = values();
}
