package dev.vsm.adapter.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vsm store}: the team store (PostgreSQL) named by {@code --store} or {@code VSM_STORE} —
 * bring its schema up to date, and move history between it and a directory's state files.
 */
@Command(
    mixinStandardHelpOptions = true,
    header = "Migrate a team store; move history between it and the state files.",
    name = "store",
    sortOptions = false,
    usageHelpAutoWidth = true,
    synopsisSubcommandLabel = "(migrate | import | export)",
    description = {
      "A team store is a PostgreSQL database holding the state and log of everyone who points vsm "
          + "at it (--store URL or VSM_STORE). Its tables are created on first use; 'migrate' "
          + "does it on purpose.",
      "'import' adds a directory's execution log to the store's and copies its state documents "
          + "where the store has none; 'export' does the reverse, into DIR/.claude/vsm-state/. "
          + "Log entries the other side already holds are not moved again."
    },
    subcommands = {
      StoreCommand.Migrate.class,
      StoreCommand.Import.class,
      StoreCommand.Export.class
    })
final class StoreCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new UsageException("vsm store needs a command: migrate, import or export");
  }

  Invocation invocation(CommandSpec command) {
    return vsm.invocation(command, null, false);
  }

  /** {@code vsm store migrate}. */
  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      header = "Create or update the team store's tables.",
      description = {
        "Apply the schema versions this vsm ships that the store lacks (one transaction; "
            + "several vsm processes migrating at once apply each version once)."
      })
  static final class Migrate implements Callable<Integer> {
    @ParentCommand StoreCommand store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Invocation inv = store.invocation(spec);
      List<Integer> applied = inv.teamStore().migrate();
      return inv.print(
          applied.isEmpty()
              ? "The team store's schema is up to date.\n"
              : "Applied schema version"
                  + (applied.size() == 1 ? " " : "s ")
                  + applied.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).get()
                  + ".\n");
    }
  }

  /** {@code vsm store import}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      header = "Add a directory's log and state documents to the team store.",
      description = {
        "Append the entries of the execution log of DIR/.claude/vsm-state/ (the rotated files "
            + "too) that the team store does not hold yet, and copy each state document the store "
            + "does not have yet (with --replace, also those it has), all in one transaction."
      })
  static final class Import implements Callable<Integer> {
    @ParentCommand StoreCommand store;
    @Spec CommandSpec spec;

    @Option(
        names = "--from",
        paramLabel = "DIR",
        description = "Directory whose state to import (default: the working directory).")
    Path from;

    @Option(names = "--replace", description = "Overwrite the store's state documents.")
    boolean replace;

    @Override
    public Integer call() {
      Invocation inv = store.invocation(spec);
      Path dir = existing(from, inv);
      return inv.print(report(inv.teamStore().importFrom(dir, replace), "Imported"));
    }
  }

  /** {@code vsm store export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      header = "Write the team store's log and state documents into a directory's state files.",
      description = {
        "Append the entries of the team store's execution log that "
            + "DIR/.claude/vsm-state/execution-log.jsonl does not hold yet, and write each state "
            + "document the directory does not have yet (with --replace, also those it has), as "
            + "the state files vsm and the Python implementation read."
      })
  static final class Export implements Callable<Integer> {
    @ParentCommand StoreCommand store;
    @Spec CommandSpec spec;

    @Option(
        names = "--to",
        paramLabel = "DIR",
        description = "Directory to write the state files into (default: the working directory).")
    Path to;

    @Option(names = "--replace", description = "Overwrite the directory's state files.")
    boolean replace;

    @Override
    public Integer call() {
      Invocation inv = store.invocation(spec);
      Path dir = existing(to, inv);
      return inv.print(report(inv.teamStore().exportTo(dir, replace), "Exported"));
    }
  }

  private static Path existing(Path dir, Invocation inv) {
    if (dir == null) {
      return inv.workDir();
    }
    Path d = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(d)) {
      throw new UsageException(
          HumanFormat.printable(d.toString()) + " is not a directory: give an existing one");
    }
    return d;
  }

  static String report(StoreTransfer.Result r, String verb) {
    StringBuilder b = new StringBuilder();
    b.append(verb).append(" from ").append(r.from()).append(" into ").append(r.to()).append('\n');
    b.append("  log: ");
    if (r.entries() == 0 && r.alreadyThere() > 0) {
      b.append("nothing new (").append(entries(r.alreadyThere())).append(" already there)");
    } else {
      b.append(entries(r.entries()));
      if (r.alreadyThere() > 0) {
        b.append(" (").append(r.alreadyThere()).append(" already there)");
      }
    }
    b.append('\n');
    b.append("  state documents: ")
        .append(r.copied().isEmpty() ? "none" : String.join(", ", r.copied()))
        .append('\n');
    if (!r.kept().isEmpty()) {
      b.append("  kept the target's (--replace overwrites): ")
          .append(String.join(", ", r.kept()))
          .append('\n');
    }
    return HumanFormat.printable(b.toString(), true);
  }

  private static String entries(long n) {
    return n + (n == 1 ? " entry" : " entries");
  }
}
