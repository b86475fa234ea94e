package dev.vsm.domain.viability;

import dev.vsm.domain.agent.AgentName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How viable the system is, as exponential moving averages over recent tasks. Immutable: every
 * {@code with…} returns the updated value stamped with {@code now}. Every rate is a finite number
 * (a moving average of finite values stays finite, so none is ever stored or written), and the
 * conflict counter saturates at {@link Integer#MAX_VALUE} instead of wrapping.
 */
public record ViabilityMetrics(
    String window,
    double completionRate,
    Map<String, Double> agentErrors,
    double oscillationRate,
    double auditPassRate,
    int s3S4Conflicts,
    double avgCycleIterations,
    List<Adaptation> activeAdaptations,
    String lastUpdated) {

  public static final double AGENT_ALPHA = 0.2;
  public static final double COMPLETION_ALPHA = 0.1;
  public static final double AUDIT_ALPHA = 0.15;
  public static final double OSCILLATION_ALPHA = 0.15;
  public static final double ITERATIONS_ALPHA = 0.2;

  public ViabilityMetrics {
    window = window == null ? "last_10_tasks" : window;
    agentErrors = Collections.unmodifiableMap(new LinkedHashMap<>(agentErrors));
    activeAdaptations = List.copyOf(activeAdaptations);
    lastUpdated = lastUpdated == null ? "" : lastUpdated;
    finite("completion rate", completionRate);
    finite("oscillation rate", oscillationRate);
    finite("audit pass rate", auditPassRate);
    finite("average cycle iterations", avgCycleIterations);
    // A loop, not a lambda: every read of the metrics file comes here, hooks' included, and the
    // first lambda of a process costs a short command ~12 ms.
    for (Map.Entry<String, Double> e : agentErrors.entrySet()) {
      finite("error rate of " + e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
    }
    if (s3S4Conflicts < 0) {
      throw new IllegalArgumentException("the S3/S4 conflict count cannot be negative");
    }
  }

  private static void finite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("the " + what + " must be a finite number, not " + value);
    }
  }

  /** The values a new installation starts from. */
  public static ViabilityMetrics defaults() {
    return new ViabilityMetrics("last_10_tasks", 1.0, Map.of(), 0.0, 1.0, 0, 1.0, List.of(), "");
  }

  static double ema(double alpha, double x, double old) {
    return alpha * x + (1 - alpha) * old;
  }

  /** Records one agent run; the key drops the {@code s1-} prefix. */
  public ViabilityMetrics withAgentResult(String agent, boolean success, String now) {
    String key = AgentName.withoutS1Prefix(agent);
    Map<String, Double> errors = new LinkedHashMap<>(agentErrors);
    errors.put(key, ema(AGENT_ALPHA, success ? 0 : 1, errors.getOrDefault(key, 0.0)));
    return new ViabilityMetrics(
        window,
        completionRate,
        errors,
        oscillationRate,
        auditPassRate,
        s3S4Conflicts,
        avgCycleIterations,
        activeAdaptations,
        now);
  }

  public ViabilityMetrics withTaskCompletion(boolean success, String now) {
    return new ViabilityMetrics(
        window,
        ema(COMPLETION_ALPHA, success ? 1 : 0, completionRate),
        agentErrors,
        oscillationRate,
        auditPassRate,
        s3S4Conflicts,
        avgCycleIterations,
        activeAdaptations,
        now);
  }

  /**
   * A task whose end was learned as {@code learned} has ended again, {@code success} (it was
   * resumed): the completion rate is made what it would be had the task ended so the first time.
   * {@code laterEnds} tasks ended after that first end, each moving the rate by {@link
   * #COMPLETION_ALPHA}, which shrank the first end's share to α(1−α)^laterEnds.
   */
  public ViabilityMetrics withTaskCompletionRevised(
      boolean learned, boolean success, int laterEnds, String now) {
    if (learned == success) {
      return this;
    }
    double share = COMPLETION_ALPHA * Math.pow(1 - COMPLETION_ALPHA, Math.max(0, laterEnds));
    double revised = completionRate + share * ((success ? 1 : 0) - (learned ? 1 : 0));
    return new ViabilityMetrics(
        window,
        Math.max(0, Math.min(1, revised)),
        agentErrors,
        oscillationRate,
        auditPassRate,
        s3S4Conflicts,
        avgCycleIterations,
        activeAdaptations,
        now);
  }

  public ViabilityMetrics withAuditResult(boolean passed, String now) {
    return new ViabilityMetrics(
        window,
        completionRate,
        agentErrors,
        oscillationRate,
        ema(AUDIT_ALPHA, passed ? 1 : 0, auditPassRate),
        s3S4Conflicts,
        avgCycleIterations,
        activeAdaptations,
        now);
  }

  public ViabilityMetrics withOscillation(String now) {
    return new ViabilityMetrics(
        window,
        completionRate,
        agentErrors,
        ema(OSCILLATION_ALPHA, 1, oscillationRate),
        auditPassRate,
        s3S4Conflicts,
        avgCycleIterations,
        activeAdaptations,
        now);
  }

  /** Records how many S3 allocations a finished cycle needed. */
  public ViabilityMetrics withCycleIterations(int allocations, String now) {
    return new ViabilityMetrics(
        window,
        completionRate,
        agentErrors,
        oscillationRate,
        auditPassRate,
        s3S4Conflicts,
        ema(ITERATIONS_ALPHA, allocations, avgCycleIterations),
        activeAdaptations,
        now);
  }

  /** One more S3/S4 conflict; the counter stops at {@link Integer#MAX_VALUE}. */
  public ViabilityMetrics withS3S4Conflict(String now) {
    return new ViabilityMetrics(
        window,
        completionRate,
        agentErrors,
        oscillationRate,
        auditPassRate,
        s3S4Conflicts == Integer.MAX_VALUE ? s3S4Conflicts : s3S4Conflicts + 1,
        avgCycleIterations,
        activeAdaptations,
        now);
  }

  public ViabilityMetrics withActiveAdaptations(List<Adaptation> adaptations, String now) {
    return new ViabilityMetrics(
        window,
        completionRate,
        agentErrors,
        oscillationRate,
        auditPassRate,
        s3S4Conflicts,
        avgCycleIterations,
        new ArrayList<>(adaptations),
        now);
  }

  /** Mean of the per-agent error rates; 0 when no agent has run. */
  public double averageAgentErrorRate() {
    return agentErrors.values().stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
  }

  public boolean isActive(AdaptationType type) {
    for (Adaptation a : activeAdaptations) {
      if (a.type() == type) {
        return true;
      }
    }
    return false;
  }
}
