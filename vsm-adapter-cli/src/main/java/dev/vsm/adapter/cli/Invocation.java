package dev.vsm.adapter.cli;

import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.library.Vsm;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run of vsm as every command sees it: the working directory, the writers, the terminal, and
 * the library's {@link Vsm} built for them. Only the commands that analyse tasks give it the rules
 * files, and it reads them on first use, so a broken {@code .claude/vsm-rules.json} never stands in
 * the way of {@code state}, {@code log} or {@code reset}.
 */
final class Invocation {

  private final VsmCommand.Context context;
  private final Path workDir;
  private final String store;
  private final boolean verbose;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path rulesFile;
  private final boolean needsRules;
  private Vsm vsm;
  private TeamStore teamStore;

  Invocation(
      VsmCommand.Context context,
      Path dir,
      boolean verbose,
      PrintWriter out,
      PrintWriter err,
      Path rulesFile,
      boolean needsRules) {
    this(context, dir, null, verbose, out, err, rulesFile, needsRules);
  }

  /** {@code store}: the {@code --store} URL, or null for {@code $VSM_STORE}, else the files. */
  Invocation(
      VsmCommand.Context context,
      Path dir,
      String store,
      boolean verbose,
      PrintWriter out,
      PrintWriter err,
      Path rulesFile,
      boolean needsRules) {
    this.context = context;
    this.workDir = workingDirectory(dir);
    this.store = store;
    this.verbose = verbose;
    this.out = out;
    this.err = err;
    this.rulesFile = rulesFile;
    this.needsRules = needsRules;
  }

  private static Path workingDirectory(Path dir) {
    Path d = (dir != null ? dir : Path.of("")).toAbsolutePath().normalize();
    if (!Files.isDirectory(d)) {
      throw new UsageException(
          "working directory " + d + " does not exist: give an existing directory with -d");
    }
    return d;
  }

  VsmCommand.Context context() {
    return context;
  }

  Terminal terminal() {
    return context.terminal();
  }

  Path workDir() {
    return workDir;
  }

  boolean verbose() {
    return verbose;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /** Prints a finished text (or JSON document) on stdout. */
  int print(String text) {
    out.print(text);
    out.flush();
    return ExitCode.SUCCESS;
  }

  Diagnostics diagnostics() {
    // A class, not a lambda: the first lambda of a process costs a short command ~12 ms.
    return new Diagnostics() {
      @Override
      public void warn(String message) {
        synchronized (err) {
          err.println("vsm: " + HumanFormat.printable(message));
          err.flush();
        }
      }
    };
  }

  /** vsm for this run's directory, environment, rules and diagnostics. */
  synchronized Vsm vsm() {
    if (vsm == null) {
      vsm = vsmBuilder().build();
    }
    return vsm;
  }

  /** A builder set up as {@link #vsm()}, for a command that adds its own settings. */
  Vsm.Builder vsmBuilder() {
    return Vsm.builder()
        .workingDirectory(workDir)
        .environment(context.environment())
        .diagnostics(diagnostics())
        .store(teamStore().asStore())
        .projectRules(needsRules)
        .rulesFile(needsRules ? rulesFile : null);
  }

  /** The team store of {@code --store} or {@code VSM_STORE} (opened on first use). */
  synchronized TeamStore teamStore() {
    if (teamStore == null) {
      teamStore = new TeamStore(store, context.environment(), diagnostics());
    }
    return teamStore;
  }
}
