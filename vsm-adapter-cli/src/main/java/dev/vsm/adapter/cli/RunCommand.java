package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.domain.complexity.Complexity;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vsm run}: one cycle on a task. */
@Command(
    mixinStandardHelpOptions = true,
    header = "Run one cycle on a task (S1 agents may edit files).",
    name = "run",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Run one cycle on TASK: S4 analyses it, S3 allocates agents, S2 coordinates them, the S1 "
          + "agents do the work (they may edit files), S3* audits it, S5 settles conflicts, and "
          + "the viability metrics are updated. Progress goes to stderr, the result to stdout.",
      "A task that begins with '-', or one called like a command, goes after '--': "
          + "vsm run -- state"
    })
final class RunCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TASK", arity = "0..*", description = "The task (words are joined).")
  List<String> task = new ArrayList<>();

  @Mixin SharedOptions.Json json;
  @Mixin SharedOptions.Hint hint;
  @Mixin SharedOptions.Rules rules;

  @ArgGroup(validate = false, heading = "%nRun options:%n")
  SharedOptions.Agents agents = new SharedOptions.Agents();

  @Override
  public Integer call() {
    String text = taskText(task, "run");
    return run(vsm.invocation(spec, rules.file, true), text, hint.complexity(), agents, json.json);
  }

  /** The task's words joined; {@code command} names what needed it in the error (null: vsm). */
  static String taskText(List<String> words, String command) {
    String text = String.join(" ", words).strip();
    if (text.isEmpty()) {
      throw new UsageException(
          command == null
              ? "no task given: vsm \"Add a login feature\" runs a cycle (vsm --help lists the rest)"
              : command + " needs a task: vsm " + command + " \"Add a login feature\"");
    }
    return text;
  }

  static int run(
      Invocation inv, String task, Complexity hint, SharedOptions.Agents agents, boolean json) {
    SharedOptions.Agents a = agents == null ? new SharedOptions.Agents() : agents;
    a.validate();
    RunCycleCommand command =
        new RunCycleCommand(
            task,
            null,
            hint,
            inv.workDir(),
            a.agentTimeout,
            a.agentSettings(),
            a.maxBudgetUsd,
            0,
            inv.context().cancellation(),
            a.cycleTimeout,
            a.isolation);
    PrintWriter progressOut = a.noProgress ? new PrintWriter(Writer.nullWriter()) : inv.err();
    CycleResult result;
    boolean live = !a.noProgress && inv.terminal().liveProgress();
    try (ProgressPrinter progress =
        new ProgressPrinter(
            progressOut, live, inv.verbose(), live ? inv.terminal().stderrColumns() : 0)) {
      result =
          inv.vsmBuilder().claudeCommand(a.claudeCommand).progress(progress).build().run(command);
    }
    inv.print(
        json
            ? JsonText.pretty(Documents.cycle(result, inv.verbose()))
            : HumanFormat.printable(HumanFormat.cycle(result, inv.verbose()), true));
    return result.success() ? ExitCode.SUCCESS : ExitCode.CYCLE_FAILED;
  }
}
