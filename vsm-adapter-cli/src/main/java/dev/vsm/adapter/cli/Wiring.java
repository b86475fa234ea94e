package dev.vsm.adapter.cli;

import dev.vsm.adapter.claude.ClaudeAdapters;
import dev.vsm.adapter.claude.ClaudeSettings;
import dev.vsm.adapter.filesystem.FileSystemAdapters;
import dev.vsm.application.port.in.AnalyzeTaskUseCase;
import dev.vsm.application.port.in.ListTasksUseCase;
import dev.vsm.application.port.in.PlanCycleUseCase;
import dev.vsm.application.port.in.ResetStateUseCase;
import dev.vsm.application.port.in.RunCycleUseCase;
import dev.vsm.application.port.in.ShowLogUseCase;
import dev.vsm.application.port.in.ShowStateUseCase;
import dev.vsm.application.port.out.AgentEnvironmentProbe;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.IdSource;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.service.PlanCycleService;
import dev.vsm.application.service.RunCycleService;
import dev.vsm.application.service.StateQueryService;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The composition root: the one place that knows every adapter. Ports are built on first use, so a
 * command that only analyses a task never touches the state directory.
 */
final class Wiring {

  /** The values {@code --permission-mode} accepts: the Claude Code CLI's. */
  static final java.util.List<String> PERMISSION_MODES = ClaudeAdapters.PERMISSION_MODES;

  private final Path workingDirectory;
  private final Map<String, String> environment;
  private final Diagnostics diagnostics;
  private final ComplexityRules rules;
  private final Clock clock = Clock.systemUTC();
  private StateStore store;
  private ExecutionLog log;

  Wiring(
      Path workingDirectory,
      Map<String, String> environment,
      Diagnostics diagnostics,
      ComplexityRules rules) {
    this.workingDirectory = workingDirectory;
    this.environment = environment;
    this.diagnostics = diagnostics;
    this.rules = rules;
  }

  synchronized StateStore store() {
    if (store == null) {
      store = FileSystemAdapters.stateStore(workingDirectory, clock, diagnostics);
    }
    return store;
  }

  synchronized ExecutionLog log() {
    if (log == null) {
      log =
          FileSystemAdapters.executionLog(
              workingDirectory,
              FileSystemAdapters.sessionId(environment.get("CLAUDE_SESSION_ID")),
              diagnostics);
    }
    return log;
  }

  ComplexityAnalyzer analyzer() {
    return new ComplexityAnalyzer(rules);
  }

  private StateQueryService queries() {
    return new StateQueryService(this::store, this::log, analyzer());
  }

  ShowStateUseCase showState() {
    return queries();
  }

  ShowLogUseCase showLog() {
    return queries();
  }

  ListTasksUseCase listTasks() {
    return queries();
  }

  ResetStateUseCase resetState() {
    return queries();
  }

  AnalyzeTaskUseCase analyzeTask() {
    return queries();
  }

  PlanCycleUseCase planner() {
    AgentRunner agents =
        ClaudeAdapters.agentRunner(ClaudeSettings.fromEnvironment(null, environment), diagnostics);
    return new PlanCycleService(store(), analyzer(), agents.definedAgents(workingDirectory));
  }

  /** Asks the Claude Code CLI (as {@link #cycle} would run it) about itself. */
  AgentEnvironmentProbe agentEnvironment(String claudeCommand) {
    return ClaudeAdapters.environmentProbe(
        ClaudeSettings.fromEnvironment(claudeCommand, environment), Duration.ofSeconds(20));
  }

  RunCycleUseCase cycle(String claudeCommand, ProgressListener progress) {
    ClaudeSettings settings = ClaudeSettings.fromEnvironment(claudeCommand, environment);
    IdSource ids = () -> String.format("%08x", ThreadLocalRandom.current().nextInt());
    return new RunCycleService(
        store(),
        log(),
        ClaudeAdapters.agentRunner(settings, diagnostics),
        clock,
        ids,
        analyzer(),
        progress);
  }

  /** The report an agent's message ends with, read as the Claude adapter reads replies. */
  static java.util.Optional<Map<String, Object>> agentReport(String message) {
    return ClaudeAdapters.reportIn(message);
  }
}
