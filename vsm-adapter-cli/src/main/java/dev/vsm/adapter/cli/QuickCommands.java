package dev.vsm.adapter.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The short commands run constantly from hooks and scripts ({@code state}, {@code log}, {@code
 * tasks}, {@code analyze TASK…}, the Python-compatible forms {@code --state}, {@code --log}, {@code
 * --analyze}, {@code hook EVENT [--plugin]}, and {@code --version}), answered without building the
 * picocli model: picocli reads the annotations of every command and option first, hundreds of
 * classes and more start-up than the command itself. Only plain, valid forms are taken here, and
 * they run the very code the picocli commands run ({@link StateCommand#show}, {@link
 * LogCommand#show}, {@link TasksCommand#list}, {@link AnalyzeCommand#analyze}, {@link
 * HookCommand#record}, {@link VersionCommand.Provider}); anything else (help, errors, other
 * options) goes to picocli. {@code QuickCommandsTest} runs one table of command lines through both
 * and requires the same exit code and output.
 */
final class QuickCommands {

  private QuickCommands() {}

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
      List<String> tasks) {}

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
    PrintWriter o = new PrintWriter(out, false);
    PrintWriter e = new PrintWriter(err, true);
    VsmCommand.Context context = new VsmCommand.Context(env, in, null, terminal);
    int code;
    try {
      if (r.command().equals("hook")) {
        // Before any Invocation: a hook finds its own directory and never fails on a missing one.
        return OptionalInt.of(
            HookCommand.record(context, r.dir(), null, r.event(), r.plugin(), o, e));
      }
      if (r.command().equals("version")) {
        for (String line : new VersionCommand.Provider().getVersion()) {
          o.println(line);
        }
        o.flush();
        return OptionalInt.of(ExitCode.SUCCESS);
      }
      boolean analyses = r.command().equals("analyze");
      Invocation inv = new Invocation(context, r.dir(), false, o, e, null, analyses);
      code =
          switch (r.command()) {
            case "analyze" -> AnalyzeCommand.analyze(inv, r.tasks(), null, r.json());
            case "state" -> StateCommand.show(inv, r.json());
            case "log" -> LogCommand.show(inv, r.count(), r.task(), r.json(), r.legacy());
            case "tasks" -> TasksCommand.list(inv, r.since(), r.json());
            default -> throw new IllegalStateException(r.command());
          };
    } catch (RuntimeException ex) {
      code = Main.report(ex, false, r.json(), o, e);
    }
    o.flush();
    e.flush();
    return OptionalInt.of(code);
  }

  /** The request {@code args} make, or null when picocli must read them. */
  static Request parse(String[] args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return new Request("version", true, null, false, null, null, null, null, false, List.of());
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
    List<String> tasks = new ArrayList<>();
    boolean optionBeforeCommand = false; // --json, --task, ... before the command's word
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
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
              || a.equals("--since");
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
        case "state", "log", "tasks", "hook", "analyze", "analyse" -> {
          if (command != null || optionBeforeCommand) {
            return null;
          }
          command = a.equals("analyse") ? "analyze" : a;
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
          if (a.startsWith("-")) {
            return null;
          } else if ("analyze".equals(command)) {
            tasks.add(a);
          } else if ("hook".equals(command) && event == null) {
            event = a; // hook's one argument, its event
          } else {
            return null;
          }
        }
      }
    }
    if (command == null || (!legacy && optionBeforeCommand)) {
      return null;
    }
    if (command.equals("hook")
        && (event == null || json != null || count != null || task != null)) {
      return null;
    }
    if ((count != null || task != null) && !command.equals("log")) {
      return null;
    }
    return new Request(
        command, legacy, dir, json != null, count, task, since, event, plugin, List.copyOf(tasks));
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
