package dev.vsm.domain.viability;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One adaptation: what triggered it, what it changes, when it was applied, its parameters. */
public record Adaptation(
    AdaptationType type,
    String trigger,
    String effect,
    String appliedAt,
    Map<String, String> parameters) {

  /** Parameter naming the agent a review step guards. */
  public static final String TARGET_AGENT = "target_agent";

  public Adaptation {
    Objects.requireNonNull(type, "type");
    trigger = trigger == null ? "" : trigger;
    effect = effect == null ? "" : effect;
    appliedAt = appliedAt == null ? "" : appliedAt;
    parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** The agent a review step guards, or null. */
  public String targetAgent() {
    return parameters.get(TARGET_AGENT);
  }

  /** Same type and, for review steps, the same target agent. */
  public boolean sameAs(Adaptation other) {
    return type == other.type && Objects.equals(targetAgent(), other.targetAgent());
  }

  public Adaptation appliedAt(String now) {
    return new Adaptation(type, trigger, effect, now, parameters);
  }
}
