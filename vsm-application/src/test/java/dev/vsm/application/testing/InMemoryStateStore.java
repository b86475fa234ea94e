package dev.vsm.application.testing;

import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The state store in memory, thread-safe; for tests of anything that needs a store. */
public final class InMemoryStateStore implements StateStore {

  private CurrentTask currentTask;
  private ViabilityMetrics metrics;
  private AgentRegistry registry;
  private S3Allocation allocation;
  private S4Environment environment;
  private CoordinationPlan plan;
  private final Map<String, TaskPlan> taskPlans = new LinkedHashMap<>();
  private final Set<String> claimed = new HashSet<>();

  @Override
  public synchronized Optional<CurrentTask> currentTask() {
    return Optional.ofNullable(currentTask);
  }

  @Override
  public synchronized void saveCurrentTask(CurrentTask task) {
    currentTask = task;
  }

  @Override
  public synchronized ViabilityMetrics metrics() {
    return metrics == null ? ViabilityMetrics.defaults() : metrics;
  }

  @Override
  public synchronized ViabilityMetrics updateMetrics(UnaryOperator<ViabilityMetrics> change) {
    metrics = change.apply(metrics());
    return metrics;
  }

  /** Sets the metrics directly (test set-up). */
  public synchronized void putMetrics(ViabilityMetrics m) {
    metrics = m;
  }

  @Override
  public synchronized AgentRegistry registry() {
    if (registry == null) {
      registry = AgentRegistry.defaults("");
    }
    return registry;
  }

  @Override
  public synchronized AgentRegistry updateRegistry(UnaryOperator<AgentRegistry> change) {
    registry = change.apply(registry());
    return registry;
  }

  @Override
  public synchronized Optional<S3Allocation> allocation() {
    return Optional.ofNullable(allocation);
  }

  @Override
  public synchronized void saveAllocation(S3Allocation a) {
    allocation = a;
  }

  @Override
  public synchronized Optional<S4Environment> environment() {
    return Optional.ofNullable(environment);
  }

  @Override
  public synchronized void saveEnvironment(S4Environment e) {
    environment = e;
  }

  @Override
  public synchronized Optional<CoordinationPlan> coordinationPlan() {
    return Optional.ofNullable(plan);
  }

  @Override
  public synchronized void saveCoordinationPlan(CoordinationPlan p) {
    plan = p;
  }

  @Override
  public synchronized Optional<TaskPlan> taskPlan(String taskId) {
    return Optional.ofNullable(taskPlans.get(taskId));
  }

  @Override
  public synchronized void saveTaskPlan(TaskPlan p) {
    taskPlans.put(p.taskId(), p);
  }

  @Override
  public synchronized Optional<TaskClaim> claimTask(String taskId) {
    if (!claimed.add(taskId)) {
      return Optional.empty();
    }
    return Optional.of(
        () -> {
          synchronized (this) {
            claimed.remove(taskId);
          }
        });
  }

  @Override
  public synchronized StateSnapshot snapshot() {
    return new StateSnapshot(
        Optional.ofNullable(currentTask),
        metrics(),
        metrics != null,
        Optional.ofNullable(registry),
        Optional.ofNullable(allocation),
        Optional.ofNullable(environment),
        Optional.ofNullable(plan));
  }

  @Override
  public synchronized List<String> reset() {
    List<String> removed = new ArrayList<>();
    if (currentTask != null) removed.add("current-task");
    if (metrics != null) removed.add("viability-metrics");
    if (registry != null) removed.add("agent-registry");
    if (allocation != null) removed.add("s3-allocations");
    if (environment != null) removed.add("s4-environment");
    if (plan != null) removed.add("coordination-plan");
    taskPlans.keySet().forEach(id -> removed.add("task plan " + id));
    taskPlans.clear();
    currentTask = null;
    metrics = null;
    registry = null;
    allocation = null;
    environment = null;
    plan = null;
    return removed;
  }
}
