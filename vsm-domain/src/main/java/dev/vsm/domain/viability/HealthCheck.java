package dev.vsm.domain.viability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The health verdict shown with the state: each problem and the adaptation that answers it. */
public final class HealthCheck {

  private HealthCheck() {}

  /** One problem found in the metrics. */
  public record Issue(String problem, AdaptationType answeredBy) {}

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
    m.agentErrors()
        .forEach(
            (agent, rate) -> {
              if (rate > 0.3) {
                out.add(
                    new Issue(
                        "Agent " + agent + " has " + percent(rate) + " error rate",
                        AdaptationType.ADD_REVIEW_STEP));
              }
            });
    return out;
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.0f%%", v * 100);
  }
}
