package dev.vsm.application.port.in;

import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.HealthCheck;
import java.util.List;

/** What a Claude Code session is told when it starts: vsm's health and its active adaptations. */
public record SessionBriefing(List<HealthCheck.Issue> health, List<Adaptation> activeAdaptations) {

  public SessionBriefing {
    health = List.copyOf(health);
    activeAdaptations = List.copyOf(activeAdaptations);
  }

  public boolean healthy() {
    return health.isEmpty();
  }
}
