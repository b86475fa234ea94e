package dev.vsm.application.service;

import dev.vsm.domain.log.EventType;
import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Adaptations: those whose condition has passed are cleared, those the metrics call for are applied
 * — in one atomic update of the metrics — and each change is logged.
 */
final class AdaptationPhase {

  /** The metrics the cycle runs under, and the adaptations applied for it. */
  record Adapted(ViabilityMetrics metrics, List<Adaptation> applied) {}

  private final Cycle cycle;

  AdaptationPhase(Cycle cycle) {
    this.cycle = cycle;
  }

  Adapted adapt() {
    cycle.progress.phaseStarted("adaptation");
    List<Adaptation> applied = new ArrayList<>();
    List<Adaptation> cleared = new ArrayList<>();
    ViabilityMetrics metrics =
        cycle.store.updateMetrics(
            m -> {
              // The update may be retried with fresher metrics: only the last attempt counts.
              applied.clear();
              cleared.clear();
              AdaptationPolicy.Change stale = AdaptationPolicy.clearStale(m, cycle.now());
              cleared.addAll(stale.changed());
              AdaptationPolicy.Change added =
                  AdaptationPolicy.apply(
                      stale.metrics(), AdaptationPolicy.analyze(stale.metrics()), cycle.now());
              applied.addAll(added.changed());
              return added.metrics();
            });
    cleared.forEach(a -> cycle.log.adaptation(EventType.ADAPTATION_CLEARED, a));
    applied.forEach(a -> cycle.log.adaptation(EventType.ADAPTATION_APPLIED, a));
    return new Adapted(metrics, List.copyOf(applied));
  }
}
