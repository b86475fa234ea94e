package dev.vsm.application.port.in;

import dev.vsm.domain.cycle.Oscillation;
import dev.vsm.domain.cycle.S3S4Conflict;
import dev.vsm.domain.viability.Adaptation;
import java.time.Duration;
import java.util.List;

/**
 * What a cycle did: the task, whether it succeeded, the summary, which S1 agents ran, the audit,
 * conflicts, the adaptations applied for it, each S1 result, the oscillations measured between the
 * S1 agents (files two of them changed) and the totals over every agent run of this attempt. {@code
 * planned}: it stopped after planning, its plan not approved (nothing failed; the task waits to be
 * applied). {@code attempt}: 1, or which attempt at a resumed task this was.
 */
public record CycleResult(
    String taskId,
    boolean success,
    String summary,
    String complexity,
    List<String> agentsInvoked,
    Boolean auditPassed,
    List<S3S4Conflict> conflicts,
    List<Adaptation> adaptations,
    List<AgentRun> s1Results,
    List<Oscillation> oscillations,
    List<String> notes,
    int allocations,
    double costUsd,
    long inputTokens,
    long outputTokens,
    Duration duration,
    boolean planned,
    int attempt) {

  public CycleResult {
    agentsInvoked = List.copyOf(agentsInvoked);
    conflicts = List.copyOf(conflicts);
    adaptations = List.copyOf(adaptations);
    s1Results = List.copyOf(s1Results);
    oscillations = List.copyOf(oscillations);
    notes = List.copyOf(notes);
  }
}
