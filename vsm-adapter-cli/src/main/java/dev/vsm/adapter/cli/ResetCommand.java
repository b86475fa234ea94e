package dev.vsm.adapter.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vsm reset}: deletes the state files after asking (the log is kept). */
@Command(
    mixinStandardHelpOptions = true,
    header = "Delete the state files (asks first; the log is kept).",
    name = "reset",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Delete the state files (current task, metrics, registry, allocation, environment, "
          + "coordination plan). The execution log and .corrupt- copies are kept.",
      "Asks first on a terminal; without a terminal it needs --yes."
    })
final class ResetCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask: delete the state files.")
  boolean yes;

  @Override
  public Integer call() {
    Invocation inv = vsm.invocation(spec, null, false);
    if (!yes) {
      if (!inv.terminal().stdinIsTerminal()) {
        throw new UsageException(
            "reset deletes the state files: confirm with --yes (standard input is not a terminal"
                + " to ask on)");
      }
      if (!confirmed(inv)) {
        inv.out().println("Nothing was deleted.");
        inv.out().flush();
        return ExitCode.SUCCESS;
      }
    }
    return reset(inv);
  }

  private static boolean confirmed(Invocation inv) {
    inv.out()
        .print(
            "Delete the state "
                + HumanFormat.printable(where(inv))
                + " (the execution log is kept)? [y/N] ");
    inv.out().flush();
    try {
      String answer =
          new BufferedReader(new InputStreamReader(inv.context().stdin(), StandardCharsets.UTF_8))
              .readLine();
      return answer != null
          && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    } catch (IOException e) {
      return false;
    }
  }

  /** Where the state is: the files of the working directory, or the team store. */
  private static String where(Invocation inv) {
    return inv.teamStore()
        .location()
        .map(url -> "documents in the team store " + url)
        .orElseGet(() -> "files in " + inv.workDir().resolve(".claude/vsm-state"));
  }

  static int reset(Invocation inv) {
    List<String> removed = inv.vsm().reset();
    StringBuilder b = new StringBuilder();
    if (removed.isEmpty()) {
      b.append("Nothing to reset: no state ").append(where(inv)).append('\n');
    } else {
      b.append("Removed ")
          .append(removed.size())
          .append(" state file")
          .append(removed.size() == 1 ? "" : "s")
          .append(":\n");
      removed.forEach(r -> b.append("  ").append(r).append('\n'));
      b.append("The execution log was kept.\n");
    }
    return inv.print(HumanFormat.printable(b.toString(), true));
  }
}
