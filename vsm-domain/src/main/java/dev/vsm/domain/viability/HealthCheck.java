package dev.vsm.domain.viability;

import dev.vsm.domain.task.CurrentTask;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/** The health verdict shown with the state: each problem and the adaptation that answers it. */
public final class HealthCheck {

  private HealthCheck() {}

  /**
   * One problem found, and the adaptation that answers it; {@code answeredBy} is null for a problem
   * no adaptation answers (its text says what happens to it).
   */
  public record Issue(String problem, AdaptationType answeredBy) {}

  /**
   * The metrics' problems, and a current task left {@code in_progress} by a vsm process that is
   * gone ({@code alive} tells which processes live): such a task is no running task, whatever its
   * file says.
   */
  public static List<Issue> issues(
      ViabilityMetrics m, Optional<CurrentTask> current, LongPredicate alive) {
    List<Issue> out = new ArrayList<>();
    // No lambda here or below: session-start and `state` check health, and the first lambda of a
    // process costs a short command ~12 ms.
    if (current.isPresent() && current.get().leftBehind(alive)) {
      CurrentTask t = current.get();
      out.add(
          new Issue(
              "Task "
                  + t.id()
                  + " was left in progress by vsm process "
                  + t.ownerPid().getAsLong()
                  + ", which is gone: the next cycle records it failed",
              null));
    }
    out.addAll(issues(m));
    return out;
  }

  public static List<Issue> issues(ViabilityMetrics m) {
    List<Issue> out = new ArrayList<>();
    if (m.completionRate() < 0.7) {
      out.add(
          new Issue(
              "Low completion rate: " + percent(m.completionRate()),
              AdaptationType.LOWER_COMPLEXITY_THRESHOLD));
    }
    if (m.auditPassRate() < 0.8) {
      out.add(
          new Issue(
              "Low audit pass rate: " + percent(m.auditPassRate()),
              AdaptationType.TIGHTEN_S3_STAR));
    }
    if (m.oscillationRate() > 0.2) {
      out.add(
          new Issue(
              "High oscillation: " + percent(m.oscillationRate()),
              AdaptationType.INCREASE_S2_INVOLVEMENT));
    }
    for (Map.Entry<String, Double> e : m.agentErrors().entrySet()) {
      if (e.getValue() > 0.3) {
        out.add(
            new Issue(
                "Agent " + e.getKey() + " has " + percent(e.getValue()) + " error rate",
                AdaptationType.ADD_REVIEW_STEP));
      }
    }
    return out;
  }

  /**
   * {@code String.format(Locale.ROOT, "%.0f%%", v * 100)}, without java.util.Formatter, whose
   * set-up (regular expressions, locale data) costs {@code vsm state} and every session-start hook
   * more than the rest of the verdict.
   */
  static String percent(double v) {
    double p = v * 100;
    if (!Double.isFinite(p)) {
      return (Double.isNaN(p) ? "NaN" : p > 0 ? "Infinity" : "-Infinity") + "%";
    }
    String digits =
        new BigDecimal(Double.toString(Math.abs(p)))
            .setScale(0, RoundingMode.HALF_UP)
            .toPlainString();
    return (Double.compare(p, 0.0) < 0 ? "-" : "") + digits + "%";
  }
}
