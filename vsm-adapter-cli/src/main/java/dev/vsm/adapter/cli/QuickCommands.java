package dev.vsm.adapter.cli;

import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.domain.complexity.ComplexityRules;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The read commands run constantly from hooks and scripts ({@code --state}, {@code --log} with
 * {@code --log-count}, {@code --task}, {@code --json}), answered without building the full command
 * line: picocli's classes are too old for class-data sharing and cost more start-up than the
 * command itself. Only the exact simple forms are taken here; anything else (help, errors, other
 * options) goes through {@link VsmCommand}, which gives the same output.
 */
final class QuickCommands {

  private QuickCommands() {}

  static OptionalInt tryRun(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Path dir = null;
    boolean json = false;
    String mode = null;
    Integer count = null;
    String task = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--state", "--log" -> {
          if (mode != null) {
            return OptionalInt.empty();
          }
          mode = a;
        }
        case "--json" -> json = true;
        case "-d", "--dir" -> {
          if (i + 1 >= args.length || dir != null) {
            return OptionalInt.empty();
          }
          dir = Path.of(args[++i]);
        }
        case "--task" -> {
          if (i + 1 >= args.length || task != null || args[i + 1].startsWith("-")) {
            return OptionalInt.empty();
          }
          task = args[++i];
        }
        case "--log-count" -> {
          if (i + 1 >= args.length || count != null) {
            return OptionalInt.empty();
          }
          count = count(args[++i]);
          if (count == null) {
            return OptionalInt.empty();
          }
        }
        default -> {
          if (a.startsWith("--log-count=") && count == null) {
            count = count(a.substring("--log-count=".length()));
            if (count == null) {
              return OptionalInt.empty();
            }
          } else {
            return OptionalInt.empty();
          }
        }
      }
    }
    if (mode == null || ((count != null || task != null) && !mode.equals("--log"))) {
      return OptionalInt.empty();
    }
    Path workDir = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(workDir)) {
      return OptionalInt.empty();
    }
    Diagnostics diagnostics = message -> err.println("vsm: " + message);
    Wiring wiring = new Wiring(workDir, env, diagnostics, ComplexityRules.defaults());
    try {
      if (mode.equals("--state")) {
        var s = wiring.showState().state();
        out.print(HumanFormat.state(s, json));
      } else {
        out.print(LogView.render(wiring.showLog(), count, task, json));
      }
      out.flush();
      return OptionalInt.of(ExitCode.SUCCESS);
    } catch (StateAccessException e) {
      err.println("vsm: " + e.getMessage());
      return OptionalInt.of(ExitCode.ENVIRONMENT);
    }
  }

  private static Integer count(String text) {
    try {
      int n = Integer.parseInt(text);
      return n >= 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
