package dev.vsm.adapter.cli;

import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.domain.complexity.ComplexityRules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run of vsm as every command sees it: the working directory, the writers, the terminal, and
 * the wiring of the adapters. Only the commands that analyse tasks read the rules files, so a
 * broken {@code .claude/vsm-rules.json} never stands in the way of {@code state}, {@code log} or
 * {@code reset}.
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
  private Wiring wiring;

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
    return message -> {
      synchronized (err) {
        err.println("vsm: " + HumanFormat.printable(message));
        err.flush();
      }
    };
  }

  synchronized Wiring wiring() {
    if (wiring == null) {
      ComplexityRules rules = needsRules ? rules() : ComplexityRules.defaults();
      wiring = new Wiring(workDir, store, context.environment(), diagnostics(), rules);
    }
    return wiring;
  }

  /** The rules a cycle here would use: built in, the project's, then --rules. */
  ComplexityRules rules() {
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
}
