package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.in.ResumeRefusedException;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.library.InvalidRulesException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Entry point: parses, runs, maps every outcome to the exit codes of the README. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    String training = System.getenv("VSM_CDS_TRAINING");
    if (training != null && args.length == 1) {
      System.exit(ClassDataTraining.run(java.nio.file.Path.of(args[0]), training.equals("short")));
    }
    Map<String, String> env = System.getenv();
    Terminal terminal = Terminal.detect(env);
    var quick = QuickCommands.tryRun(args, env, terminal, System.in, System.out, System.err);
    int code =
        quick.isPresent()
            ? quick.getAsInt()
            : interruptible(
                cancellation ->
                    commandLine(
                            new VsmCommand.Context(env, System.in, cancellation, terminal), args)
                        .execute(args));
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs {@code command} so that Ctrl-C stops its agents and gives the cycle time to record the
   * task as failed before the JVM exits.
   */
  static int interruptible(ToIntFunction<CycleCancellation> command) {
    CycleCancellation cancellation = new CycleCancellation();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              cancellation.cancel();
              try {
                finished.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "vsm-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return command.applyAsInt(cancellation);
    } finally {
      finished.countDown();
    }
  }

  /**
   * The configured command line for {@code args}; tests call {@code execute(args)} on it with their
   * own writers. It has the subcommands {@code args} need ({@link Subcommands#addTo}): when the
   * first word of {@code args} names no command, the words are a task and it has none, so that no
   * later word of the task is read as one.
   */
  static CommandLine commandLine(VsmCommand.Context context, String... args) {
    CommandLine cmd = new CommandLine(new VsmCommand(context));
    Subcommands.addTo(cmd, args); // before the settings below, which reach the subcommands present
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    // A word is what it says: "@notes.txt" is a task or a value, never a file to read arguments
    // from (picocli's default), and the quick path reads it the same way.
    cmd.setExpandAtFiles(false);
    cmd.setColorScheme(
        CommandLine.Help.defaultColorScheme(context.terminal().color() ? Ansi.ON : Ansi.OFF));
    HelpSections.addTo(cmd);
    cmd.setExecutionStrategy(Main::execute);
    cmd.setParameterExceptionHandler(
        (ex, badArgs) -> {
          String message = asTyped(ex, badArgs, firstLine(ex.getMessage()));
          if (ex instanceof CommandLine.UnmatchedArgumentException u
              && !u.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
          }
          return usageError(ex.getCommandLine(), message);
        });
    cmd.setExecutionExceptionHandler(Main::handle);
    return cmd;
  }

  /**
   * {@code message} naming the option as it was typed: picocli names an option by its longest name
   * ({@code vsm log -n abc} would be about '--log-count').
   */
  static String asTyped(CommandLine.ParameterException ex, String[] args, String message) {
    if (!(ex.getArgSpec() instanceof OptionSpec option) || ex.getValue() == null) {
      return message;
    }
    String typed = null;
    for (int i = 0; i < args.length; i++) {
      for (String name : option.names()) {
        boolean apart =
            args[i].equals(name) && i + 1 < args.length && args[i + 1].equals(ex.getValue());
        if (apart || args[i].equals(name + "=" + ex.getValue())) {
          typed = name;
        }
      }
    }
    String longest = option.longestName();
    return typed == null ? message : message.replace("'" + longest + "'", "'" + typed + "'");
  }

  /**
   * Runs the command asked for, once the Python-compatible options have been checked not to stand
   * beside a subcommand ({@code vsm --state log} means nothing).
   */
  private static int execute(ParseResult parsed) {
    if (parsed.hasSubcommand()) {
      List<String> legacy =
          parsed.matchedOptions().stream()
              .filter(o -> o.scopeType() != CommandLine.ScopeType.INHERIT)
              .map(OptionSpec::longestName)
              .toList();
      if (!legacy.isEmpty()) {
        String sub = parsed.subcommand().commandSpec().name();
        return usageError(
            parsed.commandSpec().commandLine(),
            String.join(", ", legacy)
                + (legacy.size() == 1 ? " does" : " do")
                + " not go with the command '"
                + sub
                + "': give the command its own options after its name");
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  private static int handle(Exception ex, CommandLine commandLine, ParseResult fullParseResult) {
    ParseResult own = commandLine.getParseResult();
    return report(
        ex,
        fullParseResult.hasMatchedOption("-v"),
        own != null && own.hasMatchedOption("--json"),
        commandLine.getOut(),
        commandLine.getErr());
  }

  /**
   * Reports what stopped a command: one line on stderr (the cause chain too with {@code -v}), and
   * with {@code --json} one document on stdout; returns the exit code.
   */
  static int report(Exception ex, boolean verbose, boolean json, PrintWriter out, PrintWriter err) {
    int code;
    String message;
    String kind;
    String taskId = null;
    if (ex instanceof UsageException || ex instanceof InvalidRulesException) {
      code = ExitCode.USAGE;
      kind = "usage";
      message = ex.getMessage();
    } else if (ex instanceof AgentEnvironmentException e) {
      code = ExitCode.ENVIRONMENT;
      kind = "environment";
      taskId = e.taskId();
      message =
          e.getMessage()
              + (taskId == null
                  ? ""
                  : " (task " + taskId + " marked failed; the viability metrics are unchanged)");
    } else if (ex instanceof ResumeRefusedException e) {
      code = e.busy() ? ExitCode.ENVIRONMENT : ExitCode.USAGE;
      kind = e.busy() ? "task_busy" : "not_resumable";
      taskId = e.taskId();
      message = e.getMessage();
    } else if (ex instanceof StateAccessException) {
      code = ExitCode.ENVIRONMENT;
      kind = "state";
      message = ex.getMessage();
    } else if (ex instanceof CycleInterruptedException e) {
      code = ExitCode.INTERRUPTED;
      kind = "interrupted";
      taskId = e.taskId();
      message = "interrupted: stopped the agents; task " + taskId + " marked failed";
    } else {
      code = ExitCode.CYCLE_FAILED;
      kind = "internal";
      message = "unexpected error: " + ex + (verbose ? "" : " (run with -v for details)");
    }
    err.println("vsm: " + HumanFormat.printable(message));
    if (verbose) {
      for (Throwable c = ex.getCause(); c != null; c = c.getCause()) {
        err.println("  caused by: " + HumanFormat.printable(String.valueOf(c)));
      }
      if (code == ExitCode.CYCLE_FAILED) {
        ex.printStackTrace(err);
      }
    }
    err.flush();
    if (json && code != ExitCode.USAGE) {
      out.print(JsonText.pretty(Documents.error(taskId, kind, message)));
      out.flush();
    }
    return code;
  }

  /** A mistake in the command line: one line on stderr, exit 2. */
  private static int usageError(CommandLine where, String message) {
    PrintWriter err = where.getErr();
    err.println(
        "vsm: "
            + HumanFormat.printable(message)
            + " (see "
            + where.getCommandSpec().qualifiedName()
            + " --help)");
    err.flush();
    return ExitCode.USAGE;
  }

  static String firstLine(String s) {
    if (s == null) {
      return "invalid arguments";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
