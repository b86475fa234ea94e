package dev.vsm.adapter.cli;

import dev.vsm.adapter.claude.ClaudeAdapters;
import dev.vsm.adapter.claude.ClaudeSettings;
import dev.vsm.adapter.filesystem.FileSystemAdapters;
import dev.vsm.adapter.postgres.PostgresAdapters;
import dev.vsm.adapter.postgres.PostgresStore;
import dev.vsm.application.port.in.AnalyzeTaskUseCase;
import dev.vsm.application.port.in.ListTasksUseCase;
import dev.vsm.application.port.in.PlanCycleUseCase;
import dev.vsm.application.port.in.RecordHookEventUseCase;
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
import dev.vsm.application.service.HookService;
import dev.vsm.application.service.PlanCycleService;
import dev.vsm.application.service.RunCycleService;
import dev.vsm.application.service.StateQueryService;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityRules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The composition root: the one place that knows every adapter. Ports are built on first use, so a
 * command that only analyses a task never touches the state directory. State and log live in the
 * files of the working directory, or in a team store (PostgreSQL) named by {@code --store} or
 * {@code VSM_STORE}.
 */
final class Wiring {

  /** The values {@code --permission-mode} accepts: the Claude Code CLI's. */
  static final java.util.List<String> PERMISSION_MODES = ClaudeAdapters.PERMISSION_MODES;

  /** The environment variable naming the team store when {@code --store} is not given. */
  static final String STORE_VARIABLE = "VSM_STORE";

  private final Path workingDirectory;
  private final String storeUrl;
  private final String storeOrigin;
  private final Map<String, String> environment;
  private final Diagnostics diagnostics;
  private final ComplexityRules rules;
  private final Clock clock = Clock.systemUTC();
  private StateStore store;
  private ExecutionLog log;
  private PostgresStore teamStore;

  Wiring(
      Path workingDirectory,
      Map<String, String> environment,
      Diagnostics diagnostics,
      ComplexityRules rules) {
    this(workingDirectory, null, environment, diagnostics, rules);
  }

  /** {@code store}: the {@code --store} URL, or null for {@code $VSM_STORE}, else the files. */
  Wiring(
      Path workingDirectory,
      String store,
      Map<String, String> environment,
      Diagnostics diagnostics,
      ComplexityRules rules) {
    this.workingDirectory = workingDirectory;
    String url = store != null ? store : environment.get(STORE_VARIABLE);
    this.storeUrl = url == null || url.isBlank() ? null : url;
    this.storeOrigin = store != null ? "--store" : STORE_VARIABLE;
    this.environment = environment;
    this.diagnostics = diagnostics;
    this.rules = rules;
  }

  /** The team store named by {@code --store} or {@code VSM_STORE}, or null for the files. */
  private synchronized PostgresStore teamStore() {
    if (teamStore == null && storeUrl != null) {
      if (!PostgresAdapters.isStoreUrl(storeUrl)) {
        throw new UsageException(
            storeOrigin
                + " takes a PostgreSQL URL, postgresql://USER@HOST:PORT/DATABASE (leave it out"
                + " for the state files in the working directory)");
      }
      try {
        teamStore = PostgresAdapters.open(storeUrl, environment, clock, diagnostics);
      } catch (IllegalArgumentException e) {
        throw new UsageException(storeOrigin + ": " + e.getMessage());
      }
    }
    return teamStore;
  }

  synchronized StateStore store() {
    if (store == null) {
      store =
          teamStore() != null
              ? teamStore().stateStore()
              : FileSystemAdapters.stateStore(workingDirectory, clock, diagnostics);
    }
    return store;
  }

  synchronized ExecutionLog log() {
    if (log == null) {
      String session = FileSystemAdapters.sessionId(environment.get("CLAUDE_SESSION_ID"));
      log =
          teamStore() != null
              ? teamStore().executionLog(session)
              : FileSystemAdapters.executionLog(workingDirectory, session, diagnostics);
    }
    return log;
  }

  // vsm store: the team store itself, and moving history between it and the files

  /** The team store this run uses; a usage error when there is none. */
  private PostgresStore requiredTeamStore() {
    PostgresStore pg = teamStore();
    if (pg == null) {
      throw new UsageException(
          "no team store given: add --store postgresql://USER@HOST/DB or set " + STORE_VARIABLE);
    }
    return pg;
  }

  /** The team store's URL without its password, or empty when state lives in the files. */
  java.util.Optional<String> teamStoreLocation() {
    PostgresStore pg = teamStore();
    return pg == null ? java.util.Optional.empty() : java.util.Optional.of(pg.location());
  }

  /** What {@code vsm doctor} says of a team store. */
  record StoreHealth(
      String location,
      boolean reachable,
      String serverVersion,
      int schemaVersion,
      int expectedSchemaVersion,
      String problem) {}

  /** The team store's health (connects, reads the schema version); empty with the files. */
  java.util.Optional<StoreHealth> teamStoreHealth() {
    PostgresStore pg = teamStore();
    if (pg == null) {
      return java.util.Optional.empty();
    }
    PostgresStore.Status s = pg.check();
    return java.util.Optional.of(
        new StoreHealth(
            s.location(),
            s.reachable(),
            s.serverVersion(),
            s.schemaVersion(),
            s.expectedSchemaVersion(),
            s.problem()));
  }

  /** Brings the team store's schema up to date; returns the versions applied now. */
  List<Integer> migrateTeamStore() {
    return requiredTeamStore().migrate();
  }

  /** The state files and log of {@code dir} into the team store. */
  StoreTransfer.Result importIntoTeamStore(Path dir, boolean replace) {
    PostgresStore pg = requiredTeamStore();
    return StoreTransfer.copy(
        new StoreTransfer.Side(
            FileSystemAdapters.stateDirectory(dir).toString(),
            FileSystemAdapters.stateStore(dir, clock, diagnostics),
            FileSystemAdapters.executionLog(dir, "import", diagnostics)),
        new StoreTransfer.Side(pg.location(), pg.stateStore(), pg.executionLog("import")),
        pg::importLog,
        replace);
  }

  /** The team store's documents and log into the state files of {@code dir}. */
  StoreTransfer.Result exportTeamStore(Path dir, boolean replace) {
    PostgresStore pg = requiredTeamStore();
    ExecutionLog files = FileSystemAdapters.executionLog(dir, "export", diagnostics);
    return StoreTransfer.copy(
        new StoreTransfer.Side(pg.location(), pg.stateStore(), pg.executionLog("export")),
        new StoreTransfer.Side(
            FileSystemAdapters.stateDirectory(dir).toString(),
            FileSystemAdapters.stateStore(dir, clock, diagnostics),
            files),
        StoreTransfer.appendingTo(files),
        replace);
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

  RecordHookEventUseCase recordHookEvent() {
    return new HookService(this::store, this::log, clock);
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
