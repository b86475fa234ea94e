package dev.vsm.application.port.out;

import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the VSM keeps its state between cycles. Metrics and registry change only through the atomic
 * {@code update…} operations, so several processes recording results at once lose nothing.
 */
public interface StateStore {

  Optional<CurrentTask> currentTask();

  void saveCurrentTask(CurrentTask task);

  /** The metrics; defaults when none were recorded. */
  ViabilityMetrics metrics();

  /** Applies {@code change} to the latest metrics atomically and returns what was stored. */
  ViabilityMetrics updateMetrics(UnaryOperator<ViabilityMetrics> change);

  /** The agent registry; the default registry (written) when none exists. */
  AgentRegistry registry();

  /** Applies {@code change} to the latest registry atomically and returns what was stored. */
  AgentRegistry updateRegistry(UnaryOperator<AgentRegistry> change);

  Optional<S3Allocation> allocation();

  void saveAllocation(S3Allocation allocation);

  Optional<S4Environment> environment();

  void saveEnvironment(S4Environment environment);

  Optional<CoordinationPlan> coordinationPlan();

  void saveCoordinationPlan(CoordinationPlan plan);

  /** The plan saved under {@code taskId} (a valid {@link TaskPlan#isValidId task id}), if any. */
  Optional<TaskPlan> taskPlan(String taskId);

  /** Saves a task's plan under its id, replacing what was saved before (atomically). */
  void saveTaskPlan(TaskPlan plan);

  /**
   * Claims {@code taskId} for this process: while the claim is held, no other process (or other
   * claim in this one) gets it. Empty when it is held elsewhere. A claim ends when closed, or when
   * its process ends, however it ends — a killed process leaves no claim behind.
   */
  Optional<TaskClaim> claimTask(String taskId);

  /** A task claimed by this process; closing it lets others claim the task. */
  interface TaskClaim extends AutoCloseable {
    @Override
    void close();
  }

  /** Everything at once, for display. Reading never writes defaults. */
  StateSnapshot snapshot();

  /** Deletes the state, saved plans included (not the log), and names what was removed. */
  List<String> reset();
}
