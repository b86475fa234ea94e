package dev.vsm.adapter.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.TypeConversionException;

/**
 * The commands run constantly from hooks and scripts ({@code state}, {@code log}, {@code tasks},
 * the Python-compatible forms {@code --state}, {@code --log}, and {@code hook EVENT [--plugin]}),
 * answered without building the picocli model: picocli's classes are too old for class-data sharing
 * and cost more start-up than the command itself. Only plain, valid forms are taken here, and they
 * run the very code the picocli commands run ({@link StateCommand#show}, {@link LogCommand#show},
 * {@link TasksCommand#list}, {@link HookCommand#record}); anything else (help, errors, other
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
      boolean plugin) {}

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
      Invocation inv = new Invocation(context, r.dir(), false, o, e, null, false);
      code =
          switch (r.command()) {
            case "state" -> StateCommand.show(inv, r.json());
            case "log" -> LogCommand.show(inv, r.count(), r.task(), null, r.json(), r.legacy());
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
    String command = null;
    boolean legacy = false;
    Path dir = null;
    Boolean json = null;
    Integer count = null;
    String task = null;
    Instant since = null;
    String event = null;
    boolean plugin = false;
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
        case "state", "log", "tasks", "hook" -> {
          if (command != null || optionBeforeCommand) {
            return null;
          }
          command = a;
        }
        case "--plugin" -> {
          if (!"hook".equals(command) || plugin) {
            return null;
          }
          plugin = true;
        }
        case "--state", "--log" -> {
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
          try {
            count = new Numbers.Count().convert(value);
          } catch (TypeConversionException e) {
            return null;
          }
          optionBeforeCommand |= command == null;
        }
        case "--since" -> {
          if (since != null || !inCommand || !command.equals("tasks")) {
            return null;
          }
          try {
            since = new TasksCommand.Since().convert(value);
          } catch (TypeConversionException e) {
            return null;
          }
        }
        default -> {
          // hook's one argument, its event
          if (!"hook".equals(command) || event != null || a.startsWith("-")) {
            return null;
          }
          event = a;
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
    return new Request(command, legacy, dir, json != null, count, task, since, event, plugin);
  }
}
