package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.CyclePlan;
import dev.vsm.application.port.in.PlannedTask;
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

/**
 * {@code vsm plan}: the plan a cycle would follow by the rules (no agent runs, nothing is saved),
 * or with {@code --agents} the plan of the real S4, S3 (S5) and S2, saved for {@code vsm apply}.
 */
@Command(
    mixinStandardHelpOptions = true,
    header = "Show the plan a cycle would follow; with --agents, plan with the real agents.",
    name = "plan",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Show the plan a cycle would follow for TASK: the adaptations it would apply or clear, "
          + "the allocation and the S1 steps (rule-based stand-ins for S4 and S3). No agent "
          + "runs and nothing is saved. The Python-compatible form is --dry-run.",
      "With --agents the real S4, S3 (and S5 when its approval is required) and S2 plan the "
          + "task, and the plan is saved under a new task id: its agents and their focus, the "
          + "steps, which files S2 gave to whom, the adaptations in force and what planning "
          + "cost. No S1 agent runs; vsm apply ID runs them."
    })
final class PlanCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TASK", arity = "0..*", description = "The task (words are joined).")
  List<String> task = new ArrayList<>();

  @Mixin SharedOptions.Json json;
  @Mixin SharedOptions.Hint hint;
  @Mixin SharedOptions.Rules rules;

  @Option(
      names = "--agents",
      description =
          "Plan with the real S4, S3 (S5) and S2 agents and save the plan for vsm apply (they"
              + " read the code and cost money; no S1 agent runs).")
  boolean agents;

  @ArgGroup(validate = false, heading = "%nRun options (with --agents):%n")
  SharedOptions.Agents run = new SharedOptions.Agents();

  @Override
  public Integer call() {
    String text = RunCommand.taskText(task, "plan");
    Invocation inv = vsm.invocation(spec, rules.file, true);
    if (!agents) {
      if (spec.commandLine().getParseResult().matchedOptions().stream()
          .anyMatch(o -> o.group() != null)) {
        throw new UsageException("run options go with --agents: vsm plan --agents TASK");
      }
      return plan(inv, text, hint, json.json);
    }
    PlannedTask planned =
        RunCommand.cycles(
            inv, run, vsm -> vsm.planTask(RunCommand.command(inv, text, hint.complexity(), run)));
    return inv.print(
        json.json
            ? JsonText.pretty(Documents.plannedTask(planned))
            : HumanFormat.printable(PlanView.of(planned), true)
                + "vsm apply "
                + planned.taskId()
                + " runs its S1 agents, the audit and S5.\n");
  }

  static int plan(Invocation inv, String task, SharedOptions.Hint hint, boolean json) {
    CyclePlan plan = inv.vsm().plan(task, hint.complexity());
    return inv.print(
        json
            ? JsonText.pretty(Documents.plan(plan))
            : HumanFormat.printable(HumanFormat.plan(plan), true));
  }
}
