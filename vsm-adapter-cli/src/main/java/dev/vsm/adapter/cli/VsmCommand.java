package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.CycleCancellation;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code vsm} command: its subcommands (listed once, below), the options every subcommand
 * inherits ({@code -d}, {@code -v}), and the Python-compatible forms ({@code vsm TASK}, {@code
 * --state}, {@code --log}, {@code --reset}, {@code --analyze}, {@code --dry-run}), which run the
 * same code as the subcommands.
 */
@Command(
    name = "vsm",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    synopsisSubcommandLabel = "COMMAND",
    customSynopsis = {
      "vsm COMMAND [OPTIONS] [ARGS]",
      "    vsm [-v] [-d DIR] [--simple|--medium|--complex] [RUN OPTIONS] TASK",
      "    vsm --state | --log [--log-count N] [--task ID] | --reset [--json]",
      "    vsm --analyze [TASK...] | --dry-run TASK [--json]"
    },
    description = {
      "",
      "Runs a development task through Stafford Beer's Viable System Model over Claude Code "
          + "agents (claude -p): S4 analyses the task, S3 allocates specialist agents, S2 "
          + "coordinates them, S1 agents do the work, S3* audits it and S5 settles "
          + "disagreements. Viability metrics and adaptations carry over between tasks. State "
          + "lives in DIR/.claude/vsm-state/, or in a team store (--store, VSM_STORE).",
      "",
      "A first word that names a command is that command: 'vsm state' shows the state, it does "
          + "not run a task called \"state\" ('vsm run -- state' does). Any other words are the "
          + "task of a cycle, as in the Python implementation: vsm \"Add a login feature\"."
    })
final class VsmCommand implements Callable<Integer> {

  /**
   * The subcommands, in the order help lists them. To add one: write its class (a {@code
   * Callable<Integer>} with {@code @ParentCommand VsmCommand} for the shared plumbing) and list it
   * here; help, completion and man pages follow. Not in the {@code @Command} annotation: picocli
   * would then read every option of every subcommand at each start, where {@link Main#commandLine}
   * adds only the one asked for.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          RunCommand.class,
          PlanCommand.class,
          ApplyCommand.class,
          ResumeTaskCommand.class,
          StateCommand.class,
          LogCommand.class,
          TasksCommand.class,
          ResetCommand.class,
          AnalyzeCommand.class,
          DoctorCommand.class,
          StoreCommand.class,
          CompletionCommand.class,
          VersionCommand.class,
          HookCommand.class,
          CommandLine.HelpCommand.class);

  @Spec CommandSpec spec;

  /** Where the rest of the program comes from; tests supply their own. */
  record Context(
      Map<String, String> environment,
      InputStream stdin,
      CycleCancellation cancellation,
      Terminal terminal) {}

  private final Context context;

  VsmCommand(Context context) {
    this.context = context;
  }

  @Option(
      names = {"-d", "--dir"},
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Working directory of the agents and the state (default: current directory).")
  Path dir;

  @Option(
      names = "--store",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description =
          "Keep state and log in a team store, a PostgreSQL database: postgresql://USER@HOST/DB"
              + " (password from the URL, PGPASSWORD or ~/.pgpass). Default: $VSM_STORE, else"
              + " the state files in DIR.")
  String store;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description =
          "Show each agent's output and each tool it uses, and the cause chain of errors.")
  boolean verbose;

  @Parameters(
      paramLabel = "TASK",
      arity = "0..*",
      description = "The task of a cycle (words are joined); with --analyze, each is a task.")
  List<String> task = new ArrayList<>();

  @ArgGroup(exclusive = false, heading = "%nPython-compatible forms (see also the commands):%n")
  Legacy legacy = new Legacy();

  /** The modes of the Python implementation's command line. */
  static final class Legacy {
    @Option(names = "--state", description = "Same as 'vsm state'.")
    boolean state;

    @Option(names = "--log", description = "Same as 'vsm log'.")
    boolean log;

    @Option(
        names = "--log-count",
        paramLabel = "N",
        converter = Numbers.Count.class,
        description = "With --log: how many entries (default 20).")
    Integer logCount;

    @Option(
        names = "--task",
        paramLabel = "ID",
        description = "With --log: only this task's entries, and its summary.")
    String logTask;

    @Option(
        names = "--reset",
        description = "Same as 'vsm reset --yes' (no confirmation, as in the Python version).")
    boolean reset;

    @Option(names = "--analyze", description = "Same as 'vsm analyze'.")
    boolean analyze;

    @Option(names = "--dry-run", description = "Same as 'vsm plan'.")
    boolean dryRun;
  }

  @Mixin SharedOptions.Json json;

  @Mixin SharedOptions.Hint hint;

  @Mixin SharedOptions.Rules rules;

  @ArgGroup(validate = false, heading = "%nRun options:%n")
  SharedOptions.Agents agents = new SharedOptions.Agents();

  Context context() {
    return context;
  }

  /** The plumbing of this run for a command; reads the rules only when {@code needsRules}. */
  Invocation invocation(CommandSpec command, Path rulesFile, boolean needsRules) {
    return new Invocation(
        context,
        dir,
        store,
        verbose,
        command.commandLine().getOut(),
        command.commandLine().getErr(),
        rulesFile,
        needsRules);
  }

  @Override
  public Integer call() {
    Legacy l = legacy == null ? new Legacy() : legacy;
    int modes =
        (l.state ? 1 : 0)
            + (l.log ? 1 : 0)
            + (l.reset ? 1 : 0)
            + (l.analyze ? 1 : 0)
            + (l.dryRun ? 1 : 0);
    if (modes > 1) {
      throw new UsageException(
          "--state, --log, --reset, --analyze and --dry-run exclude each other: give one");
    }
    if ((l.state || l.log || l.reset) && !task.isEmpty()) {
      throw new UsageException(
          "--state, --log and --reset take no task; to run a task, leave them out");
    }
    if ((l.logCount != null || l.logTask != null) && !l.log) {
      throw new UsageException("--log-count and --task go with --log");
    }
    if (json.json && l.reset) {
      throw new UsageException("--reset has no --json output");
    }
    if (hint.complexity() != null && (l.state || l.log || l.reset)) {
      throw new UsageException(
          "--simple/--medium/--complex go with a task, --analyze or --dry-run");
    }
    boolean analyses = modes == 0 || l.analyze || l.dryRun;
    Invocation inv = invocation(spec, rules.file, analyses);
    if (l.state) {
      return StateCommand.show(inv, json.json);
    }
    if (l.log) {
      return LogCommand.show(inv, l.logCount, l.logTask, null, json.json, true);
    }
    if (l.reset) {
      return ResetCommand.reset(inv);
    }
    if (l.analyze) {
      return AnalyzeCommand.analyze(inv, task, hint.complexity(), json.json);
    }
    if (l.dryRun) {
      return PlanCommand.plan(inv, RunCommand.taskText(task, "--dry-run"), hint, json.json);
    }
    if (task.size() == 1 && !spec.commandLine().getParseResult().originalArgs().contains("--")) {
      Subcommands.refuseNearMiss(Subcommands.names(), task.get(0));
    }
    return RunCommand.run(
        inv, RunCommand.taskText(task, null), hint.complexity(), agents, json.json);
  }
}
