package dev.vsm.application.service;

import dev.vsm.application.port.in.AnalyzeTaskUseCase;
import dev.vsm.application.port.in.ListTasksUseCase;
import dev.vsm.application.port.in.ResetStateUseCase;
import dev.vsm.application.port.in.ShowLogUseCase;
import dev.vsm.application.port.in.ShowStateUseCase;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskHistory;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.domain.state.StateSnapshot;
import java.util.List;
import java.util.function.Supplier;

/**
 * The read-side use cases and reset: state, log, task history, analysis. Ports are supplied lazily
 * so that a command that only analyses never opens the state directory.
 */
public final class StateQueryService
    implements ShowStateUseCase,
        ShowLogUseCase,
        ListTasksUseCase,
        ResetStateUseCase,
        AnalyzeTaskUseCase {

  private final Supplier<StateStore> store;
  private final Supplier<ExecutionLog> log;
  private final Supplier<ComplexityAnalyzer> analyzer;

  /** Each part is asked for on first use: reading the state never reads the rules. */
  public StateQueryService(
      Supplier<StateStore> store,
      Supplier<ExecutionLog> log,
      Supplier<ComplexityAnalyzer> analyzer) {
    this.store = store;
    this.log = log;
    this.analyzer = analyzer;
  }

  @Override
  public StateSnapshot state() {
    return store.get().snapshot();
  }

  @Override
  public List<LogEntry> recent(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("the log count must not be negative");
    }
    return log.get().recent(count);
  }

  @Override
  public List<LogEntry> task(String taskId) {
    return log.get().readTask(taskId);
  }

  @Override
  public List<LogEntry> session(String sessionId) {
    return log.get().readSession(sessionId);
  }

  @Override
  public TaskSummary taskSummary(String taskId) {
    return log.get().taskSummary(taskId);
  }

  @Override
  public List<TaskHistory.Task> tasks() {
    return log.get().taskHistory();
  }

  @Override
  public List<String> reset() {
    return store.get().reset();
  }

  @Override
  public ComplexityAssessment analyze(String task, Complexity hint) {
    return analyzer.get().analyze(task, hint);
  }
}
