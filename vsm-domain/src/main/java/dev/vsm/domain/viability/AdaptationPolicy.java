package dev.vsm.domain.viability;

import dev.vsm.domain.agent.AgentName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When the system adapts itself (§2.3): which adaptations the metrics call for, applying them
 * without duplicates, clearing them when their condition has passed, and the questions the cycle
 * asks of the active set.
 */
public final class AdaptationPolicy {

  public static final double AGENT_ERROR_LIMIT = 0.3;
  public static final double COMPLETION_LIMIT = 0.5;
  public static final double OSCILLATION_LIMIT = 0.2;
  public static final int CONFLICT_LIMIT = 3;
  public static final double AUDIT_LIMIT = 0.8;
  public static final double ITERATIONS_LIMIT = 1.5;

  private AdaptationPolicy() {}

  /** The result of applying or clearing: new metrics and what changed. */
  public record Change(ViabilityMetrics metrics, List<Adaptation> changed) {
    public Change {
      changed = List.copyOf(changed);
    }
  }

  /** What the metrics call for now (not stamped; {@link #apply} stamps). */
  public static List<Adaptation> analyze(ViabilityMetrics m) {
    List<Adaptation> out = new ArrayList<>();
    m.agentErrors()
        .forEach(
            (agent, rate) -> {
              if (rate > AGENT_ERROR_LIMIT) {
                out.add(reviewStep(agent));
              }
            });
    if (m.completionRate() < COMPLETION_LIMIT) {
      out.add(
          of(
              AdaptationType.LOWER_COMPLEXITY_THRESHOLD,
              "low_completion_rate",
              "Use specialists earlier for lower complexity tasks"));
    }
    if (m.oscillationRate() > OSCILLATION_LIMIT) {
      out.add(
          of(
              AdaptationType.INCREASE_S2_INVOLVEMENT,
              "high_oscillation",
              "More coordination between S1 agents"));
    }
    if (m.s3S4Conflicts() > CONFLICT_LIMIT) {
      out.add(
          of(
              AdaptationType.REQUIRE_S5_APPROVAL,
              "frequent_s3_s4_conflicts",
              "Require S5 approval for S3 allocation decisions"));
    }
    if (m.auditPassRate() < AUDIT_LIMIT) {
      out.add(
          of(
              AdaptationType.TIGHTEN_S3_STAR,
              "low_audit_pass_rate",
              "More frequent and thorough S3* audits"));
    }
    if (m.avgCycleIterations() > ITERATIONS_LIMIT) {
      out.add(
          of(
              AdaptationType.PARALLELIZE_S1,
              "slow_execution",
              "Run compatible S1 agents concurrently"));
    }
    return out;
  }

  /** The review step guarding one agent. */
  public static Adaptation reviewStep(String agent) {
    String key = AgentName.withoutS1Prefix(agent);
    return new Adaptation(
        AdaptationType.ADD_REVIEW_STEP,
        key + "_errors",
        "Add reviewer before " + key,
        "",
        Map.of(Adaptation.TARGET_AGENT, key));
  }

  private static Adaptation of(AdaptationType type, String trigger, String effect) {
    return new Adaptation(type, trigger, effect, "", Map.of());
  }

  /** Adds each adaptation not already active (same type and target), stamped with {@code now}. */
  public static Change apply(ViabilityMetrics m, List<Adaptation> adaptations, String now) {
    List<Adaptation> active = new ArrayList<>(m.activeAdaptations());
    List<Adaptation> applied = new ArrayList<>();
    for (Adaptation a : adaptations) {
      if (active.stream().noneMatch(a::sameAs)) {
        Adaptation stamped = a.appliedAt(now);
        active.add(stamped);
        applied.add(stamped);
      }
    }
    return applied.isEmpty()
        ? new Change(m, List.of())
        : new Change(m.withActiveAdaptations(active, now), applied);
  }

  /** Removes every active adaptation of a type. */
  public static Change clear(ViabilityMetrics m, AdaptationType type, String now) {
    List<Adaptation> cleared =
        m.activeAdaptations().stream().filter(a -> a.type() == type).toList();
    if (cleared.isEmpty()) {
      return new Change(m, List.of());
    }
    List<Adaptation> kept = m.activeAdaptations().stream().filter(a -> a.type() != type).toList();
    return new Change(m.withActiveAdaptations(kept, now), cleared);
  }

  /** Removes the active adaptations whose condition no longer holds. */
  public static Change clearStale(ViabilityMetrics m, String now) {
    List<Adaptation> called = analyze(m);
    List<Adaptation> kept = new ArrayList<>();
    List<Adaptation> cleared = new ArrayList<>();
    for (Adaptation a : m.activeAdaptations()) {
      (called.stream().anyMatch(a::sameAs) ? kept : cleared).add(a);
    }
    return cleared.isEmpty()
        ? new Change(m, List.of())
        : new Change(m.withActiveAdaptations(kept, now), cleared);
  }

  public static boolean shouldAddReviewStep(ViabilityMetrics m, String agent) {
    String key = AgentName.withoutS1Prefix(agent);
    return m.activeAdaptations().stream()
        .anyMatch(a -> a.type() == AdaptationType.ADD_REVIEW_STEP && key.equals(a.targetAgent()));
  }

  public static boolean shouldRequireS5Approval(ViabilityMetrics m) {
    return m.isActive(AdaptationType.REQUIRE_S5_APPROVAL);
  }

  public static boolean shouldIncreaseS2(ViabilityMetrics m) {
    return m.isActive(AdaptationType.INCREASE_S2_INVOLVEMENT);
  }

  public static boolean shouldParallelize(ViabilityMetrics m) {
    return m.isActive(AdaptationType.PARALLELIZE_S1);
  }

  public static boolean shouldTightenAudit(ViabilityMetrics m) {
    return m.isActive(AdaptationType.TIGHTEN_S3_STAR);
  }

  /** −0.15 while {@code lower_complexity_threshold} is active, else 0. */
  public static double complexityAdjustment(ViabilityMetrics m) {
    return m.isActive(AdaptationType.LOWER_COMPLEXITY_THRESHOLD) ? -0.15 : 0.0;
  }
}
