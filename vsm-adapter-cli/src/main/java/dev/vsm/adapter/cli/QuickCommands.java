package dev.vsm.adapter.cli;

import dev.vsm.domain.complexity.Complexity;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The commands people and hooks run all the time, answered without building the picocli model:
 * {@code state}, {@code log}, {@code tasks}, {@code analyze TASK…}, {@code hook EVENT [--plugin]},
 * a cycle ({@code run TASK} or {@code vsm TASK}, with {@code --claude-command}, {@code
 * --no-progress}, a hint, {@code --json}, {@code -v}), the Python-compatible forms {@code --state},
 * {@code --log}, {@code --analyze}, and {@code --version}. Picocli reads the annotations of every
 * command and option it is given first, hundreds of classes and more start-up than a short command
 * itself. Only plain, valid forms are taken here, and they run the very code the picocli commands
 * run ({@link StateCommand#show}, {@link LogCommand#show}, {@link TasksCommand#list}, {@link
 * AnalyzeCommand#analyze}, {@link HookCommand#record}, {@link RunCommand#run}, {@link
 * VersionCommand.Provider}); anything else (help, errors, other options) goes to picocli. {@code
 * QuickCommandsTest} runs one table of command lines through both and requires the same exit code
 * and output, and the same reading of every cycle's command line.
 */
final class QuickCommands {

  private QuickCommands() {}

  /**
   * The names of vsm's commands (and their aliases): a first word naming one is that command, never
   * a task. Written here because reading them from the commands' annotations costs the quick path
   * what it saves; {@code QuickCommandsTest} holds it to {@link Subcommands#names()}.
   */
  static final Set<String> COMMAND_NAMES =
      Set.of(
          "run",
          "plan",
          "apply",
          "resume",
          "state",
          "log",
          "tasks",
          "reset",
          "analyze",
          "analyse",
          "doctor",
          "store",
          "completion",
          "version",
          "hook",
          "help");

  /** The commands this path answers when their word comes first. */
  private static final Set<String> TAKEN =
      Set.of("run", "state", "log", "tasks", "hook", "analyze");

  /** A command line this path takes: which command, in which form, with what. */
  record Request(
      String command,
      boolean legacy,
      Path dir,
      boolean json,
      Integer count,
      String task,
      Instant since,
      String event,
      boolean plugin,
      List<String> tasks,
      Run run) {}

  /** What a cycle's command line adds: the options of a plain {@code run}. */
  record Run(String claudeCommand, boolean noProgress, Complexity hint, boolean verbose) {}

  static OptionalInt tryRun(
      String[] args,
      Map<String, String> env,
      Terminal terminal,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    Request r = parse(args);
    if (r == null) {
      return OptionalInt.empty();
    }
    PrintWriter o = new PrintWriter(TextOutput.of(out, Charset.defaultCharset()), false);
    PrintWriter e = new PrintWriter(err, true);
    if (r.command().equals("run")) {
      return OptionalInt.of(
          Main.interruptible(
              cancellation ->
                  answer(r, new VsmCommand.Context(env, in, cancellation, terminal), o, e)));
    }
    return OptionalInt.of(answer(r, new VsmCommand.Context(env, in, null, terminal), o, e));
  }

  private static int answer(Request r, VsmCommand.Context context, PrintWriter o, PrintWriter e) {
    boolean verbose = r.run() != null && r.run().verbose();
    int code;
    try {
      if (r.command().equals("hook")) {
        // Before any Invocation: a hook finds its own directory and never fails on a missing one.
        return HookCommand.record(context, r.dir(), null, r.event(), r.plugin(), o, e);
      }
      if (r.command().equals("version")) {
        for (String line : new VersionCommand.Provider().getVersion()) {
          o.println(line);
        }
        o.flush();
        return ExitCode.SUCCESS;
      }
      boolean analyses = r.command().equals("analyze") || r.command().equals("run");
      Invocation inv = new Invocation(context, r.dir(), verbose, o, e, null, analyses);
      code =
          switch (r.command()) {
            case "run" -> cycle(inv, r);
            case "analyze" -> AnalyzeCommand.analyze(inv, r.tasks(), null, r.json());
            case "state" -> StateCommand.show(inv, r.json());
            case "log" -> LogCommand.show(inv, r.count(), r.task(), null, r.json(), r.legacy());
            case "tasks" -> TasksCommand.list(inv, r.since(), r.json());
            default -> throw new IllegalStateException(r.command());
          };
    } catch (RuntimeException ex) {
      code = Main.report(ex, verbose, r.json(), o, e);
    }
    o.flush();
    e.flush();
    return code;
  }

  private static int cycle(Invocation inv, Request r) {
    SharedOptions.Agents agents = new SharedOptions.Agents();
    agents.claudeCommand = r.run().claudeCommand();
    agents.noProgress = r.run().noProgress();
    String task = RunCommand.taskText(r.tasks(), r.legacy() ? null : "run");
    return RunCommand.run(inv, task, r.run().hint(), agents, r.json());
  }

  /** The request {@code args} make, or null when picocli must read them. */
  static Request parse(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return new Request(
          "version", true, null, false, null, null, null, null, false, List.of(), null);
    }
    String command = null;
    boolean legacy = false;
    Path dir = null;
    Boolean json = null;
    Integer count = null;
    String task = null;
    Instant since = null;
    String event = null;
    boolean plugin = false;
    List<String> words = new ArrayList<>();
    String claudeCommand = null;
    Boolean noProgress = null;
    Complexity hint = null;
    Boolean verbose = null;
    boolean runOption = false; // an option only a cycle takes
    boolean afterDashes = false;
    boolean optionBeforeCommand = false; // --json, --task, ... before the command's word
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (afterDashes) {
        words.add(a); // a cycle's task, whatever it looks like
        continue;
      }
      if (a.equals("--")) {
        if (command == null) {
          command = "run";
          legacy = true;
        } else if (!command.equals("run")) {
          return null;
        }
        afterDashes = true;
        continue;
      }
      if (!a.startsWith("-")) {
        if (command == null) {
          String named = a.equals("analyse") ? "analyze" : a;
          if (TAKEN.contains(named)) {
            if (optionBeforeCommand) {
              return null;
            }
            command = named;
          } else if (COMMAND_NAMES.contains(a)) {
            return null; // a command of picocli's
          } else {
            command = "run"; // vsm TASK: the words are a cycle's task
            legacy = true;
            words.add(a);
          }
        } else if (command.equals("run") || command.equals("analyze")) {
          words.add(a);
        } else if (command.equals("hook") && event == null) {
          event = a; // hook's one argument, its event
        } else {
          return null;
        }
        continue;
      }
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      boolean takesValue =
          a.equals("-d")
              || a.equals("--dir")
              || a.equals("--task")
              || a.equals("-n")
              || a.equals("--count")
              || a.equals("--log-count")
              || a.equals("--since")
              || a.equals("--claude-command");
      if (takesValue && value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
          return null;
        }
        value = args[++i];
      } else if (!takesValue && value != null) {
        return null;
      }
      boolean inCommand = command != null && !legacy;
      switch (a) {
        case "-d", "--dir" -> {
          if (dir != null) {
            return null;
          }
          dir = Path.of(value);
        }
        case "-v", "--verbose" -> {
          if (verbose != null) {
            return null;
          }
          verbose = true; // every command inherits it, before its word or after
          runOption = true;
        }
        case "--plugin" -> {
          if (!"hook".equals(command) || plugin) {
            return null;
          }
          plugin = true;
        }
        case "--state", "--log", "--analyze" -> {
          if (command != null) {
            return null;
          }
          command = a.substring(2);
          legacy = true;
        }
        case "--json" -> {
          if (json != null) {
            return null;
          }
          json = true;
          optionBeforeCommand |= command == null;
        }
        case "--claude-command" -> {
          if (claudeCommand != null) {
            return null;
          }
          claudeCommand = value;
          runOption = true;
          optionBeforeCommand |= command == null;
        }
        case "--no-progress" -> {
          if (noProgress != null) {
            return null;
          }
          noProgress = true;
          runOption = true;
          optionBeforeCommand |= command == null;
        }
        case "--simple", "--medium", "--complex" -> {
          if (hint != null) {
            return null; // one hint at most: picocli says so
          }
          hint = Complexity.valueOf(a.substring(2).toUpperCase(java.util.Locale.ROOT));
          runOption = true;
          optionBeforeCommand |= command == null;
        }
        case "--task" -> {
          if (task != null || !(inCommand ? command.equals("log") : true)) {
            return null;
          }
          task = value;
          optionBeforeCommand |= command == null;
        }
        case "-n", "--count", "--log-count" -> {
          boolean allowed = inCommand ? command.equals("log") : a.equals("--log-count");
          if (count != null || !allowed) {
            return null;
          }
          count = plainCount(value);
          if (count == null) {
            return null; // picocli says what is wrong with it
          }
          optionBeforeCommand |= command == null;
        }
        case "--since" -> {
          if (since != null || !inCommand || !command.equals("tasks")) {
            return null;
          }
          since = plainDate(value);
          if (since == null) {
            return null; // a time, or no date: picocli reads it
          }
        }
        default -> {
          return null;
        }
      }
    }
    if (command == null || (!legacy && optionBeforeCommand)) {
      return null;
    }
    boolean cycle = command.equals("run");
    if (runOption && !cycle) {
      return null;
    }
    if (command.equals("hook")
        && (event == null || json != null || count != null || task != null)) {
      return null;
    }
    if ((count != null || task != null) && !command.equals("log")) {
      return null;
    }
    if (cycle && (words.isEmpty() || (legacy && !afterDashes && nearMiss(words)))) {
      return null; // picocli says what is missing, or which command was meant
    }
    Run run = cycle ? new Run(claudeCommand, noProgress != null, hint, verbose != null) : null;
    return new Request(
        command,
        legacy,
        dir,
        json != null,
        count,
        task,
        since,
        event,
        plugin,
        List.copyOf(words),
        run);
  }

  /** A one-word task that picocli refuses as a mistyped command ({@link Subcommands}). */
  private static boolean nearMiss(List<String> words) {
    if (words.size() != 1) {
      return false;
    }
    try {
      Subcommands.refuseNearMiss(COMMAND_NAMES, words.get(0));
      return false;
    } catch (UsageException refused) {
      return true;
    }
  }

  /**
   * A count written as plain digits, as {@link Numbers.Count} reads it; null for anything else.
   * Checked by hand: a regular expression or picocli's converter would cost the quick path more
   * than the command.
   */
  static Integer plainCount(String v) {
    if (v.isEmpty() || v.length() > 9) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.parseInt(v);
  }

  /**
   * The start of a day {@code yyyy-MM-dd} (UTC), as {@link TasksCommand.Since} reads it; else null.
   */
  static Instant plainDate(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return null;
    }
    Integer year = plainCount(v.substring(0, 4));
    Integer month = plainCount(v.substring(5, 7));
    Integer day = plainCount(v.substring(8, 10));
    if (year == null || month == null || day == null) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException impossible) {
      return null;
    }
  }
}
