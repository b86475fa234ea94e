package dev.vsm.application.service;

import dev.vsm.application.protocol.AuditProtocol.AuditOutcome;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.Optional;
import java.util.Set;

/**
 * The metrics learn from the cycle in one atomic update: the audit, oscillation (reported by the
 * audit or measured in what the agents changed; once per cycle), the S3/S4 conflicts, how the task
 * ended and how many allocations it took. A task is counted once: when a resumed task ends
 * otherwise than its first end was learned, that end's share of the completion rate is revised in
 * place instead of counting the task again.
 */
final class LearningPhase {

  /** How the completion rate learned this end: counted (the first time), or revised. */
  record Learned(boolean counted, boolean revised) {}

  private final Cycle cycle;

  LearningPhase(Cycle cycle) {
    this.cycle = cycle;
  }

  Learned learn(
      Optional<AuditOutcome> audit, boolean oscillationMeasured, int conflicts, boolean success) {
    TaskPlan plan = cycle.plan();
    Boolean before = plan.learnedSuccess();
    int laterEnds = before == null ? 0 : laterEnds(plan.taskId());
    cycle.store.updateMetrics(
        m -> {
          String now = cycle.now();
          ViabilityMetrics u = m;
          if (audit.isPresent()) {
            u = u.withAuditResult(audit.get().passed(), now);
          }
          if (oscillationMeasured || audit.map(AuditOutcome::oscillationDetected).orElse(false)) {
            u = u.withOscillation(now);
          }
          for (int i = 0; i < conflicts; i++) {
            u = u.withS3S4Conflict(now);
          }
          return before == null
              ? u.withTaskCompletion(success, now).withCycleIterations(plan.allocations(), now)
              : u.withTaskCompletionRevised(before, success, laterEnds, now);
        });
    cycle.updatePlan(p -> p.withLearned(success));
    return new Learned(before == null, before != null && before != success);
  }

  /**
   * How many tasks' ends moved the completion rate after this task's own counted end: each shrank
   * that end's share of the rate.
   */
  private int laterEnds(String taskId) {
    int[] later = {0};
    cycle.history.forEachOfTypes(
        Set.of(EventType.TASK_COMPLETED, EventType.TASK_FAILED),
        e -> {
          if (counted(e)) {
            later[0] = taskId.equals(e.taskId()) ? 0 : later[0] + 1;
          }
        });
    return later[0];
  }

  /** Whether a task's end moved the completion rate (older logs do not say: then it did). */
  static boolean counted(LogEntry e) {
    if (e.data().get(CycleLog.COUNTED) instanceof Boolean b) {
      return b;
    }
    return !Boolean.TRUE.equals(e.data().get("environment"));
  }
}
