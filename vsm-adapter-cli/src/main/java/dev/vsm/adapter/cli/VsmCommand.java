package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.AgentSettings;
import dev.vsm.application.port.in.AnalyzeTaskUseCase;
import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CyclePlan;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.ResetStateUseCase;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.in.ShowLogUseCase;
import dev.vsm.application.port.in.ShowStateUseCase;
import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.complexity.ComplexityRules;
import dev.vsm.domain.state.StateSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code vsm} command line (§7): runs a cycle, or shows state, log, analysis or a plan. */
@Command(
    name = "vsm",
    mixinStandardHelpOptions = true,
    versionProvider = VsmCommand.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    customSynopsis = {
      "vsm [-v] [-d DIR] [--simple|--medium|--complex] [RUN OPTIONS] TASK",
      "    vsm --state [--json]",
      "    vsm --log [--log-count N] [--task ID] [--json]",
      "    vsm --reset",
      "    vsm --analyze [--json] [--simple|--medium|--complex] [TASK...]",
      "    vsm --dry-run [--json] [--simple|--medium|--complex] TASK",
      "    vsm --help | --version"
    },
    description = {
      "",
      "Runs a development task through Stafford Beer's Viable System Model over Claude Code "
          + "agents (claude -p): S4 analyses the task, S3 allocates specialist agents, S2 "
          + "coordinates them, S1 agents do the work, S3* audits it and S5 settles "
          + "disagreements. Viability metrics and adaptations carry over between tasks. State "
          + "lives in DIR/.claude/vsm-state/.",
      "",
      "With --analyze (no TASK) tasks are read from standard input, one per line.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 cycle failed, 2 usage error, 3 environment error",
      "(claude missing or not logged in, state not writable), 130 interrupted.",
      "A task that begins with '-' goes after '--':  vsm -- \"-v flag is broken\""
    })
final class VsmCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "TASK",
      arity = "0..*",
      description = "The task (words are joined); with --analyze, each argument is a task.")
  List<String> task = new ArrayList<>();

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each agent's output, and the cause chain of errors.")
  boolean verbose;

  @Option(
      names = {"-d", "--dir"},
      paramLabel = "DIR",
      description = "Working directory of the agents and the state (default: current directory).")
  Path dir;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Hint hint;

  static final class Hint {
    @Option(
        names = "--simple",
        required = true,
        description = "Binding hint: simple (generalist-coder alone).")
    boolean simple;

    @Option(
        names = "--medium",
        required = true,
        description = "Binding hint: medium (functional specialists).")
    boolean medium;

    @Option(
        names = "--complex",
        required = true,
        description = "Binding hint: complex (domain specialists).")
    boolean complex;

    Complexity level() {
      return simple ? Complexity.SIMPLE : medium ? Complexity.MEDIUM : Complexity.COMPLEX;
    }
  }

  @Option(
      names = "--state",
      description = "Show the current task, viability metrics, agent registry and health.")
  boolean state;

  @Option(names = "--log", description = "Show the last entries of the execution log.")
  boolean log;

  @Option(
      names = "--reset",
      description = "Delete the state files (the log and .corrupt- copies are kept).")
  boolean reset;

  @Option(
      names = "--analyze",
      description = "Analyse task complexity with the rules only; no agent runs.")
  boolean analyze;

  @Option(
      names = "--dry-run",
      description =
          "Show the plan a cycle would follow (rule-based S4/S3 stand-ins); no agent runs.")
  boolean dryRun;

  @Option(
      names = "--json",
      description =
          "Print one JSON document (for --analyze with several tasks: one object per line).")
  boolean json;

  @Option(
      names = "--log-count",
      paramLabel = "N",
      description = "With --log: how many entries (default 20).")
  Integer logCount;

  @Option(
      names = "--task",
      paramLabel = "ID",
      description = "With --log: only this task's entries, and its summary.")
  String logTask;

  @Option(
      names = "--claude-command",
      paramLabel = "PATH",
      description = "The Claude Code CLI (default: $VSM_CLAUDE_COMMAND, else claude on PATH).")
  String claudeCommand;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "Model for every agent (e.g. sonnet, opus).")
  String model;

  @Option(
      names = "--agent-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Time limit per agent, e.g. 90s, 30m (default 30m).")
  Duration agentTimeout;

  @Option(
      names = "--cycle-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Time limit for the whole cycle: no agent starts or runs past it.")
  Duration cycleTimeout;

  @Option(
      names = "--max-budget-usd",
      paramLabel = "USD",
      description =
          "Budget of the whole cycle: each agent may spend what is left; none starts once spent.")
  Double maxBudgetUsd;

  @Option(names = "--max-turns", paramLabel = "N", description = "Turn limit per agent.")
  Integer maxTurns;

  @Option(
      names = "--permission-mode",
      paramLabel = "MODE",
      description = "Permission mode of S1 agents (default acceptEdits): ${COMPLETION-CANDIDATES}.",
      completionCandidates = PermissionModes.class)
  String permissionMode;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Extra complexity rules as JSON (also read from DIR/.claude/vsm-rules.json).")
  Path rulesFile;

  static final class PermissionModes extends ArrayList<String> {
    PermissionModes() {
      super(Wiring.PERMISSION_MODES);
    }
  }

  /** Where the rest of the program comes from; tests supply their own. */
  record Context(
      Map<String, String> environment,
      InputStream stdin,
      CycleCancellation cancellation,
      boolean terminal) {}

  private final Context context;

  VsmCommand(Context context) {
    this.context = context;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  @Override
  public Integer call() {
    validate();
    Path workDir = workingDirectory();
    Diagnostics diagnostics =
        message -> {
          synchronized (err()) {
            err().println("vsm: " + message);
            err().flush();
          }
        };
    Wiring wiring = new Wiring(workDir, context.environment(), diagnostics, rules(workDir));
    if (state) {
      return showState(wiring.showState());
    }
    if (log) {
      return showLog(wiring.showLog());
    }
    if (reset) {
      return doReset(wiring.resetState(), workDir);
    }
    if (analyze) {
      return doAnalyze(wiring.analyzeTask());
    }
    if (dryRun) {
      return doDryRun(wiring);
    }
    return runCycle(wiring, workDir);
  }

  private void validate() {
    int modes =
        (state ? 1 : 0) + (log ? 1 : 0) + (reset ? 1 : 0) + (analyze ? 1 : 0) + (dryRun ? 1 : 0);
    if (modes > 1) {
      throw new UsageException(
          "--state, --log, --reset, --analyze and --dry-run exclude each other: give one");
    }
    if ((state || log || reset) && !task.isEmpty()) {
      throw new UsageException(
          "--state, --log and --reset take no task; to run a task, leave them out");
    }
    if ((logCount != null || logTask != null) && !log) {
      throw new UsageException("--log-count and --task go with --log");
    }
    if (logCount != null && logCount < 0) {
      throw new UsageException("--log-count must be 0 or more");
    }
    if (json && reset) {
      throw new UsageException("--reset has no --json output");
    }
    if (hint != null && (state || log || reset)) {
      throw new UsageException(
          "--simple/--medium/--complex go with a task, --analyze or --dry-run");
    }
    if (modes == 0 || dryRun) {
      if (task.stream().allMatch(String::isBlank)) {
        throw new UsageException(
            (dryRun ? "--dry-run needs a task" : "no task given")
                + ": vsm \"Add a login feature\" runs a cycle (vsm --help lists the rest)");
      }
    }
    if (permissionMode != null && !Wiring.PERMISSION_MODES.contains(permissionMode)) {
      throw new UsageException(
          "--permission-mode must be one of " + String.join(", ", Wiring.PERMISSION_MODES));
    }
    if (maxBudgetUsd != null && !(maxBudgetUsd > 0)) {
      throw new UsageException("--max-budget-usd must be more than 0");
    }
    if (maxTurns != null && maxTurns < 1) {
      throw new UsageException("--max-turns must be 1 or more");
    }
  }

  private Path workingDirectory() {
    Path d = (dir != null ? dir : Path.of("")).toAbsolutePath().normalize();
    if (!Files.isDirectory(d)) {
      throw new UsageException(
          "working directory " + d + " does not exist: give an existing directory with -d");
    }
    return d;
  }

  private ComplexityRules rules(Path workDir) {
    ComplexityRules rules = ComplexityRules.defaults();
    Path project = workDir.resolve(RulesFile.PROJECT_RULES);
    if (Files.isRegularFile(project)) {
      rules = RulesFile.apply(rules, project);
    }
    if (rulesFile != null) {
      rules = RulesFile.apply(rules, rulesFile);
    }
    return rules;
  }

  private Complexity hintLevel() {
    return hint == null ? null : hint.level();
  }

  private String joinedTask() {
    return String.join(" ", task).strip();
  }

  private int showState(ShowStateUseCase q) {
    StateSnapshot s = q.state();
    out().print(HumanFormat.state(s, json));
    out().flush();
    return ExitCode.SUCCESS;
  }

  private int showLog(ShowLogUseCase q) {
    out().print(LogView.render(q, logCount, logTask, json));
    out().flush();
    return ExitCode.SUCCESS;
  }

  private int doReset(ResetStateUseCase q, Path workDir) {
    List<String> removed = q.reset();
    if (removed.isEmpty()) {
      out().println("Nothing to reset: no state files in " + workDir.resolve(".claude/vsm-state"));
    } else {
      out()
          .println(
              "Removed " + removed.size() + " state file" + (removed.size() == 1 ? "" : "s") + ":");
      removed.forEach(r -> out().println("  " + r));
      out().println("The execution log was kept.");
    }
    out().flush();
    return ExitCode.SUCCESS;
  }

  private int doAnalyze(AnalyzeTaskUseCase q) {
    List<String> tasks = new ArrayList<>();
    if (task.isEmpty()) {
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!line.isBlank()) {
            tasks.add(line.strip());
          }
        }
      } catch (IOException e) {
        throw new UsageException("cannot read tasks from standard input: " + e.getMessage());
      }
      if (tasks.isEmpty()) {
        throw new UsageException(
            "no task to analyse: give tasks as arguments or one per line on standard input");
      }
    } else {
      task.stream().filter(t -> !t.isBlank()).forEach(t -> tasks.add(t.strip()));
    }
    for (String t : tasks) {
      ComplexityAssessment a = q.analyze(t, hintLevel());
      if (json) {
        out()
            .println(
                tasks.size() == 1
                    ? JsonText.pretty(Documents.assessment(t, a)).strip()
                    : JsonText.compact(Documents.assessment(t, a)));
      } else {
        out().print(HumanFormat.assessment(t, a));
      }
    }
    out().flush();
    return ExitCode.SUCCESS;
  }

  private int doDryRun(Wiring wiring) {
    CyclePlan plan = wiring.planner().plan(joinedTask(), hintLevel());
    out().print(json ? JsonText.pretty(Documents.plan(plan)) : HumanFormat.plan(plan));
    out().flush();
    return ExitCode.SUCCESS;
  }

  private int runCycle(Wiring wiring, Path workDir) {
    RunCycleCommand command =
        new RunCycleCommand(
            joinedTask(),
            null,
            hintLevel(),
            workDir,
            agentTimeout,
            new AgentSettings(model, maxTurns, permissionMode),
            maxBudgetUsd,
            0,
            context.cancellation(),
            cycleTimeout);
    CycleResult result;
    try (ProgressPrinter progress = new ProgressPrinter(err(), context.terminal())) {
      result = wiring.cycle(claudeCommand, progress).run(command);
    }
    out()
        .print(
            json
                ? JsonText.pretty(Documents.cycle(result, verbose))
                : HumanFormat.cycle(result, verbose));
    out().flush();
    return result.success() ? ExitCode.SUCCESS : ExitCode.CYCLE_FAILED;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = VsmCommand.class.getPackage().getImplementationVersion();
      return new String[] {"vsm " + (v == null ? "(development build)" : v)};
    }
  }
}
