package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.PlanApproval;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.library.Vsm;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Option(
      names = "--approve",
      description =
          "Stop after S2 and show the plan; the S1 agents run only when you answer y (on a"
              + " terminal). No: the task stays planned, and vsm apply ID runs it later.")
  boolean approve;

  @Option(
      names = {"-y", "--yes"},
      description = "With --approve: approve without asking (for scripts).")
  boolean yes;

  @Override
  public Integer call() {
    String text = taskText(task, "run");
    Invocation inv = vsm.invocation(spec, rules.file, true);
    return run(
        inv, text, hint.complexity(), agents, json.json, Approval.of(inv, approve, yes, json.json));
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
    return run(inv, task, hint, agents, json, null);
  }

  static int run(
      Invocation inv,
      String task,
      Complexity hint,
      SharedOptions.Agents agents,
      boolean json,
      PlanApproval approval) {
    RunCycleCommand command = command(inv, task, hint, agents).withApproval(approval);
    return report(inv, cycles(inv, agents, vsm -> vsm.run(command)), json);
  }

  /** What the run options say, for {@code task} in the invocation's directory. */
  static RunCycleCommand command(
      Invocation inv, String task, Complexity hint, SharedOptions.Agents agents) {
    SharedOptions.Agents a = agents == null ? new SharedOptions.Agents() : agents;
    a.validate();
    return new RunCycleCommand(
            task,
            null,
            hint,
            inv.workDir(),
            a.agentTimeout,
            a.agentSettings(),
            a.maxBudgetUsd,
            0,
            inv.context().cancellation(),
            a.cycleTimeout)
        .withIsolation(a.isolation);
  }

  /** Does {@code work} with vsm set up by the run options, progress going to stderr. */
  static <T> T cycles(
      Invocation inv, SharedOptions.Agents agents, java.util.function.Function<Vsm, T> work) {
    SharedOptions.Agents a = agents == null ? new SharedOptions.Agents() : agents;
    PrintWriter progressOut = a.noProgress ? new PrintWriter(Writer.nullWriter()) : inv.err();
    boolean live = !a.noProgress && inv.terminal().liveProgress();
    try (ProgressPrinter progress =
        new ProgressPrinter(
            progressOut, live, inv.verbose(), live ? inv.terminal().stderrColumns() : 0)) {
      return work.apply(inv.vsmBuilder().claudeCommand(a.claudeCommand).progress(progress).build());
    }
  }

  /**
   * Prints a cycle's result; the exit code says how it went (a plan not approved is no failure).
   */
  static int report(Invocation inv, CycleResult result, boolean json) {
    String text =
        json
            ? JsonText.pretty(Documents.cycle(result, inv.verbose()))
            : HumanFormat.printable(HumanFormat.cycle(result, inv.verbose()), true)
                + (result.planned()
                    ? "The task stays planned: vsm apply " + result.taskId() + " runs it.\n"
                    : result.success()
                        ? ""
                        : "vsm resume "
                            + result.taskId()
                            + " goes on with it (agents that succeeded are not run again).\n");
    inv.print(text);
    return result.success() || result.planned() ? ExitCode.SUCCESS : ExitCode.CYCLE_FAILED;
  }
}
