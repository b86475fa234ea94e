package dev.vsm.library;

import dev.vsm.adapter.claude.ClaudeAdapters;
import dev.vsm.adapter.claude.ClaudeSettings;
import dev.vsm.adapter.filesystem.FileSystemAdapters;
import dev.vsm.adapter.git.GitAdapters;
import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.AgentSettings;
import dev.vsm.application.port.in.AnalyzeTaskUseCase;
import dev.vsm.application.port.in.CyclePlan;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.Isolation;
import dev.vsm.application.port.in.ListTasksUseCase;
import dev.vsm.application.port.in.PlanCycleUseCase;
import dev.vsm.application.port.in.PlanTaskUseCase;
import dev.vsm.application.port.in.PlannedTask;
import dev.vsm.application.port.in.RecordHookEventUseCase;
import dev.vsm.application.port.in.ResetStateUseCase;
import dev.vsm.application.port.in.ResumeCommand;
import dev.vsm.application.port.in.ResumeTaskUseCase;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.in.RunCycleUseCase;
import dev.vsm.application.port.in.ShowLogUseCase;
import dev.vsm.application.port.in.ShowStateUseCase;
import dev.vsm.application.port.out.AgentEnvironmentProbe;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.IdSource;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.service.HookService;
import dev.vsm.application.service.PlanCycleService;
import dev.vsm.application.service.RunCycleService;
import dev.vsm.application.service.StateQueryService;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.complexity.ComplexityRules;
import dev.vsm.domain.log.TaskHistory;
import dev.vsm.domain.state.StateSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * vsm in a Java program: analyse a task, plan a cycle, run one, read the state and the log — the
 * composition root that the {@code vsm} command line uses too. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * Vsm vsm = Vsm.builder().workingDirectory(Path.of("/path/to/project")).build();
 * CycleResult result = vsm.run("Add input validation to the login form");
 * TaskSummary summary = vsm.log().taskSummary(result.taskId());
 * }</pre>
 *
 * <p>Nothing is opened until it is needed: {@link #analyze} reads no state, and the state files are
 * opened on first use. A failed cycle is a result ({@link CycleResult#success()} false), not an
 * exception.
 */
public final class Vsm
    implements AnalyzeTaskUseCase,
        PlanCycleUseCase,
        PlanTaskUseCase,
        RunCycleUseCase,
        ResumeTaskUseCase,
        ShowStateUseCase,
        ListTasksUseCase,
        ResetStateUseCase {

  /**
   * The permission modes the S1 agents may be given: those of Claude Code 2.1 ({@code default}) and
   * of the versions that call it {@code manual}.
   */
  public static final List<String> PERMISSION_MODES = ClaudeAdapters.PERMISSION_MODES;

  private final Path workingDirectory;
  private final Map<String, String> environment;
  private final String claudeCommand;
  private final Diagnostics diagnostics;
  private final ProgressListener progress;
  private final Store store;
  private final ComplexityRules baseRules;
  private final boolean projectRules;
  private final Path rulesFile;
  private final RunDefaults runDefaults;
  private final Clock clock = Clock.systemUTC();
  private final StateQueryService queries;
  private StateStore stateStore;
  private ExecutionLog executionLog;
  private ComplexityRules rules;
  private ComplexityAnalyzer analyzer;
  private AgentRunner agentRunner;

  /** The builder's run options, as {@link #command} puts them into a cycle's command. */
  private record RunDefaults(
      Duration agentTimeout,
      Duration cycleTimeout,
      Double maxBudgetUsd,
      AgentSettings agentSettings,
      int maxParallelAgents,
      Isolation isolation) {}

  private Vsm(Builder b, Path workingDirectory) {
    this.workingDirectory = workingDirectory;
    this.environment = b.environment;
    this.claudeCommand = b.claudeCommand;
    this.diagnostics = b.diagnostics;
    this.progress = b.progress;
    this.store = b.store != null ? b.store : Store.files(workingDirectory, diagnostics);
    this.baseRules = b.rules;
    this.projectRules = b.projectRules;
    this.rulesFile = b.rulesFile;
    this.runDefaults =
        new RunDefaults(
            b.agentTimeout,
            b.cycleTimeout,
            b.maxBudgetUsd,
            new AgentSettings(b.model, b.maxTurns, b.permissionMode),
            b.maxParallelAgents,
            b.isolation);
    this.queries = new StateQueryService(stores(), logs(), analyzers());
  }

  /**
   * A builder with every default: the current directory, {@code claude}, the built-in rules
   * extended by the project's {@code .claude/vsm-rules.json}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The project directory: where the agents work and, with the default store, the state lives. */
  public Path workingDirectory() {
    return workingDirectory;
  }

  /**
   * The complexity rules that {@link #analyze}, {@link #plan} and {@link #run} use: the builder's
   * rules, extended by the project's {@code .claude/vsm-rules.json} (unless {@link
   * Builder#projectRules(boolean) turned off}) and then by {@link Builder#rulesFile}. Read on first
   * use, so that a broken rules file never stands in the way of the state or the log.
   *
   * @throws InvalidRulesException when a rules file cannot be used; the message names it
   */
  public synchronized ComplexityRules rules() {
    if (rules == null) {
      ComplexityRules read = baseRules != null ? baseRules : ComplexityRules.defaults();
      Path project = workingDirectory.resolve(RulesFile.PROJECT_RULES);
      if (projectRules && Files.isRegularFile(project)) {
        read = RulesFile.apply(read, project);
      }
      rules = rulesFile == null ? read : RulesFile.apply(read, rulesFile);
    }
    return rules;
  }

  // Suppliers as classes, not method references: the hooks and the read commands go through them,
  // and the first lambda of a process costs it ~12 ms of set-up.

  private Supplier<StateStore> stores() {
    return new Supplier<>() {
      @Override
      public StateStore get() {
        return stateStore();
      }
    };
  }

  private Supplier<ExecutionLog> logs() {
    return new Supplier<>() {
      @Override
      public ExecutionLog get() {
        return executionLog();
      }
    };
  }

  private Supplier<ComplexityAnalyzer> analyzers() {
    return new Supplier<>() {
      @Override
      public ComplexityAnalyzer get() {
        return analyzer();
      }
    };
  }

  private synchronized ComplexityAnalyzer analyzer() {
    if (analyzer == null) {
      analyzer = new ComplexityAnalyzer(rules());
    }
    return analyzer;
  }

  /** The Claude CLI's agent runner, made on first use and kept, as its login check is. */
  private synchronized AgentRunner agentRunner() {
    if (agentRunner == null) {
      agentRunner = ClaudeAdapters.agentRunner(claudeSettings(), diagnostics);
    }
    return agentRunner;
  }

  /**
   * Starts checking, in the background, that agents can run for {@code command} (the CLI's login
   * takes it about a second), so that the cycle's set-up overlaps it; the cycle waits for the
   * answer before its task exists.
   */
  private void startEnvironmentCheck(RunCycleCommand command) {
    agentRunner().startEnvironmentCheck(command.workingDirectory());
  }

  /** How complex {@code task} is and who would do it, by the rules alone. */
  public ComplexityAssessment analyze(String task) {
    return analyze(task, null);
  }

  /**
   * How complex {@code task} is and who would do it, by the rules alone; a non-null {@code hint} is
   * binding.
   */
  @Override
  public ComplexityAssessment analyze(String task, Complexity hint) {
    return queries.analyze(task, hint);
  }

  /** The plan a cycle on {@code task} would follow; no agent runs and nothing is saved. */
  public CyclePlan plan(String task) {
    return plan(task, null);
  }

  /**
   * The plan a cycle on {@code task} would follow with a binding {@code hint} (null for none); no
   * agent runs and nothing is saved.
   */
  @Override
  public CyclePlan plan(String task, Complexity hint) {
    Set<String> defined = agentRunner().definedAgents(workingDirectory);
    return new PlanCycleService(stateStore(), analyzer(), defined).plan(task, hint);
  }

  /** Runs one cycle on {@code task} with the builder's run options. */
  public CycleResult run(String task) {
    return run(command(task, null));
  }

  /** Runs one cycle on {@code task} with a binding {@code hint} and the builder's run options. */
  public CycleResult run(String task, Complexity hint) {
    return run(command(task, hint));
  }

  /**
   * Runs one cycle on {@code task} under the id {@code taskId} (your own, e.g. an issue number;
   * null for a new one), with a binding {@code hint} (null for none) and the builder's run options.
   */
  public CycleResult run(String task, String taskId, Complexity hint) {
    return run(command(task, hint).withTaskId(taskId));
  }

  /**
   * Runs the cycle {@code command} describes (its options, not the builder's).
   *
   * @throws dev.vsm.application.port.in.CycleInterruptedException when cancelled through the
   *     command's {@link dev.vsm.application.port.in.CycleCancellation}
   * @throws dev.vsm.application.port.in.AgentEnvironmentException when no agent can run (claude
   *     missing or not logged in); the message says how to fix it
   */
  @Override
  public CycleResult run(RunCycleCommand command) {
    startEnvironmentCheck(command);
    requireIsolation(command);
    return cycles().run(command);
  }

  /**
   * Plans {@code task} with the real agents — S4, S3 (and S5 when its approval is required) and S2
   * — and saves the plan under the task's id; no S1 agent runs. {@link #apply} runs it.
   */
  public PlannedTask planTask(String task, Complexity hint) {
    return planTask(command(task, hint));
  }

  @Override
  public PlannedTask planTask(RunCycleCommand command) {
    startEnvironmentCheck(command);
    return cycles().planTask(command);
  }

  /** Runs the S1 agents, the audit and S5 of the task {@link #planTask} planned. */
  public CycleResult apply(String taskId) {
    return resume(new ResumeCommand(taskId, true, command(taskId, null)));
  }

  /**
   * Goes on with a task that did not finish (failed, interrupted, abandoned, stopped by its budget
   * or time limit): what finished is not run again, nor S1 agents that succeeded.
   */
  public CycleResult resume(String taskId) {
    return resume(new ResumeCommand(taskId, false, command(taskId, null)));
  }

  /**
   * @throws dev.vsm.application.port.in.ResumeRefusedException when the task has no plan, has
   *     completed, is not planned (for an apply), or another process runs it
   */
  @Override
  public CycleResult resume(ResumeCommand command) {
    startEnvironmentCheck(command.options());
    requireIsolation(command.options());
    return cycles().resume(command);
  }

  /** {@code --isolation worktree} where no worktree can be made stops vsm before anything runs. */
  private void requireIsolation(RunCycleCommand command) {
    if (command.isolation() == Isolation.WORKTREE) {
      workspaces()
          .unavailable(command.workingDirectory())
          .ifPresent(
              why -> {
                throw new AgentEnvironmentException(
                    null, "--isolation worktree: " + why + " (or use --isolation auto)");
              });
    }
  }

  private RunCycleService cycles() {
    return new RunCycleService(
        stateStore(),
        executionLog(),
        agentRunner(),
        clock,
        new IdSource() {
          @Override
          public String newTaskId() {
            return String.format("%08x", ThreadLocalRandom.current().nextInt());
          }

          // not UUID.randomUUID(): its SecureRandom sets up the JDK's security providers first,
          // as long as a short command's work, on the way to the first agent
          @Override
          public String newSessionId() {
            return FileSystemAdapters.randomUuid().toString();
          }
        },
        analyzer(),
        progress,
        ProcessProbe.JDK,
        workspaces());
  }

  /**
   * Git worktrees for parallel agents, in the scratch directory the agents' output goes to; vsm's
   * state directory stays out of them.
   */
  private Workspaces workspaces() {
    return GitAdapters.workspaces(
        environment, claudeSettings().scratchDirectory(), List.of(FileSystemAdapters.STATE_DIR));
  }

  /**
   * The command {@link #run(String, Complexity)} runs: the builder's run options in this working
   * directory. Change it with its {@code with…} methods (e.g. a {@code CycleCancellation} to stop
   * it from another thread) and pass it to {@link #run(RunCycleCommand)}.
   */
  public RunCycleCommand command(String task, Complexity hint) {
    return new RunCycleCommand(
            task,
            null,
            hint,
            workingDirectory,
            runDefaults.agentTimeout(),
            runDefaults.agentSettings(),
            runDefaults.maxBudgetUsd(),
            runDefaults.maxParallelAgents(),
            null,
            runDefaults.cycleTimeout())
        .withIsolation(runDefaults.isolation());
  }

  /** The whole state: current task, viability metrics, agent registry, allocations. */
  @Override
  public StateSnapshot state() {
    return queries.state();
  }

  /** The execution log: the latest entries, one task's entries and its summary, one session's. */
  public ShowLogUseCase log() {
    return queries;
  }

  /** Every task in the log, one record each (status, agents, totals), oldest first. */
  @Override
  public List<TaskHistory.Task> tasks() {
    return queries.tasks();
  }

  /** Deletes the state files (not the log); returns where the removed files were. */
  @Override
  public List<String> reset() {
    return queries.reset();
  }

  /** Records what Claude Code's hooks report in the log and the metrics. */
  public RecordHookEventUseCase hookEvents() {
    return new HookService(stores(), logs(), clock);
  }

  /** Asks the Claude Code CLI that {@link #run} would start about its version and login. */
  public AgentEnvironmentProbe agentEnvironment() {
    return ClaudeAdapters.environmentProbe(claudeSettings(), Duration.ofSeconds(20));
  }

  /**
   * The report an agent's message ends with (its last complete JSON object), read as a cycle reads
   * agents' replies; empty when there is none.
   */
  public static Optional<Map<String, Object>> agentReport(String message) {
    return ClaudeAdapters.reportIn(message);
  }

  /** The store's state, opened on first use. */
  public synchronized StateStore stateStore() {
    if (stateStore == null) {
      stateStore = store.stateStore();
    }
    return stateStore;
  }

  /** The store's log, opened on first use; its session is {@code CLAUDE_SESSION_ID} when set. */
  public synchronized ExecutionLog executionLog() {
    if (executionLog == null) {
      executionLog =
          store.executionLog(FileSystemAdapters.sessionId(environment.get("CLAUDE_SESSION_ID")));
    }
    return executionLog;
  }

  private ClaudeSettings claudeSettings() {
    return ClaudeSettings.fromEnvironment(claudeCommand, environment);
  }

  /**
   * How to build a {@link Vsm}. Every setting has a default; {@link #build()} checks them. Run
   * options (agent and cycle time limits, budget, model, turns, permission mode, parallel agents)
   * apply to {@link Vsm#run(String)} and {@link Vsm#command}.
   */
  public static final class Builder {
    private Path workingDirectory = Path.of("");
    private Map<String, String> environment = Map.copyOf(System.getenv());
    private String claudeCommand;
    private ComplexityRules rules; // null: the built-in ones, made when first needed
    private boolean projectRules = true;
    private Path rulesFile;
    private ProgressListener progress = ProgressListener.NONE;
    private Diagnostics diagnostics = WARNINGS_TO_LOGGING;
    private Store store;
    private Duration agentTimeout;
    private Duration cycleTimeout;
    private Double maxBudgetUsd;
    private String model;
    private Integer maxTurns;
    private String permissionMode;
    private int maxParallelAgents;
    private Isolation isolation = Isolation.AUTO;

    private Builder() {}

    /** The project: agents work here and the state lives below it. Default: the current one. */
    public Builder workingDirectory(Path directory) {
      this.workingDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * The Claude Code CLI: a path or a name looked up on {@code PATH}. Default: {@code
     * VSM_CLAUDE_COMMAND} of the environment, else {@code claude}.
     */
    public Builder claudeCommand(String command) {
      this.claudeCommand = command;
      return this;
    }

    /** The Claude Code CLI at {@code command}. */
    public Builder claudeCommand(Path command) {
      return claudeCommand(command == null ? null : command.toString());
    }

    /**
     * The environment the agents start from and vsm's settings are read from ({@code
     * VSM_CLAUDE_COMMAND}, {@code CLAUDE_SESSION_ID}, {@code CLAUDE_PLUGIN_ROOT}). Default: this
     * process's.
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * The complexity rules to start from: {@code ComplexityRules.defaults()} extended with its
     * {@code with…} methods. The project's rules file and {@link #rulesFile} extend them. Default:
     * the built-in rules.
     */
    public Builder rules(ComplexityRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * Whether the project's {@code .claude/vsm-rules.json} (below the working directory) extends
     * the rules, as it does for the {@code vsm} command. Default: true.
     */
    public Builder projectRules(boolean read) {
      this.projectRules = read;
      return this;
    }

    /**
     * A rules file in the format of {@code .claude/vsm-rules.json} (README: Configuring complexity
     * rules), applied after the project's, like {@code vsm --rules FILE}. Default: none.
     */
    public Builder rulesFile(Path file) {
      this.rulesFile = file;
      return this;
    }

    /** Hears a cycle advance (phases, agents starting and finishing). Default: nobody. */
    public Builder progress(ProgressListener progress) {
      this.progress = progress == null ? ProgressListener.NONE : progress;
      return this;
    }

    /**
     * Hears what the user should know that is no error: a corrupt state file moved aside, junk log
     * lines skipped, an agent retried. Default: warnings of the {@code System.Logger} named {@code
     * dev.vsm}.
     */
    public Builder diagnostics(Diagnostics diagnostics) {
      this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
      return this;
    }

    /** Where state and log live. Default: {@link Store#files} of the working directory. */
    public Builder store(Store store) {
      this.store = store;
      return this;
    }

    /** Time limit of each agent (default 30 minutes); a timed-out agent counts as failed. */
    public Builder agentTimeout(Duration timeout) {
      this.agentTimeout = timeout;
      return this;
    }

    /** Time limit of the whole cycle; no agent starts or runs past it. Default: none. */
    public Builder cycleTimeout(Duration timeout) {
      this.cycleTimeout = timeout;
      return this;
    }

    /** Budget of the whole cycle in US dollars; each agent may spend what is left. */
    public Builder maxBudgetUsd(double usd) {
      if (!(usd > 0) || Double.isInfinite(usd)) {
        throw new IllegalArgumentException("the budget must be a positive number of dollars");
      }
      this.maxBudgetUsd = usd;
      return this;
    }

    /** The model of every agent ({@code sonnet}, {@code opus}, a full name). Default: claude's. */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Turn limit of each agent. Default: claude's. */
    public Builder maxTurns(int turns) {
      if (turns <= 0) {
        throw new IllegalArgumentException("the turn limit must be positive");
      }
      this.maxTurns = turns;
      return this;
    }

    /**
     * Permission mode of the S1 agents, one of {@link Vsm#PERMISSION_MODES}. Default: {@code
     * acceptEdits}; system agents only read.
     */
    public Builder permissionMode(String mode) {
      if (mode != null && !PERMISSION_MODES.contains(mode)) {
        throw new IllegalArgumentException(
            "the permission mode must be one of " + String.join(", ", PERMISSION_MODES));
      }
      this.permissionMode = mode;
      return this;
    }

    /** How many agents of one step may run at once (default 4). */
    public Builder maxParallelAgents(int agents) {
      if (agents <= 0) {
        throw new IllegalArgumentException("the number of parallel agents must be positive");
      }
      this.maxParallelAgents = agents;
      return this;
    }

    /**
     * Where the S1 agents of a step that run at the same time work: {@code AUTO} (the default) each
     * in a git worktree of its own when the project is in a git repository, their work merged back
     * into it after the step; {@code WORKTREE} the same, and a cycle outside a git repository is an
     * error; {@code NONE} all in the project.
     */
    public Builder isolation(Isolation isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    /**
     * A {@link Vsm} with these settings; the builder may be changed and built again.
     *
     * @throws IllegalArgumentException when the working directory does not exist
     */
    public Vsm build() {
      Path dir = workingDirectory.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(
            "working directory " + dir + " does not exist: give an existing directory");
      }
      return new Vsm(this, dir);
    }

    /** Warnings to {@link System.Logger}, where no other diagnostics were given. */
    private static final Diagnostics WARNINGS_TO_LOGGING =
        new Diagnostics() {
          @Override
          public void warn(String message) {
            System.getLogger("dev.vsm").log(System.Logger.Level.WARNING, message);
          }
        };
  }
}
