package dev.vsm.domain.state;

import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.Optional;

/** All state at one moment; absent parts are empty (metrics fall back to their defaults). */
public record StateSnapshot(
    Optional<CurrentTask> currentTask,
    ViabilityMetrics metrics,
    boolean metricsRecorded,
    Optional<AgentRegistry> registry,
    Optional<S3Allocation> allocation,
    Optional<S4Environment> environment,
    Optional<CoordinationPlan> coordinationPlan) {}
