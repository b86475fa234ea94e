package dev.vsm.application.service;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.domain.cycle.Oscillation;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Oscillation measured rather than only reported: the S1 agents of the task that changed the same
 * files, each case logged as {@code oscillation_detected}. S3*'s audit may find more.
 */
final class OscillationCheck {

  private OscillationCheck() {}

  /**
   * The oscillations among {@code s1} (in the order the agents ran); {@code conflicting} are the
   * files whose changes could not be merged.
   */
  static List<Oscillation> measure(Cycle cycle, List<AgentResult> s1, Set<String> conflicting) {
    Map<String, Set<String>> changed = new LinkedHashMap<>();
    for (AgentResult r : s1) {
      changed.computeIfAbsent(r.agent(), k -> new LinkedHashSet<>()).addAll(r.filesChanged());
    }
    List<Oscillation> found = Oscillation.among(changed, conflicting);
    found.forEach(cycle.log::oscillationMeasured);
    return found;
  }
}
