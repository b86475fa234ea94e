package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.CyclePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vsm plan}: the plan a cycle would follow; no agent runs, nothing is saved. */
@Command(
    mixinStandardHelpOptions = true,
    header = "Show the plan a cycle would follow; no agent runs.",
    name = "plan",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Show the plan a cycle would follow for TASK: the adaptations it would apply or clear, "
          + "the allocation and the S1 steps (rule-based stand-ins for S4 and S3). No agent "
          + "runs and nothing is saved. The Python-compatible form is --dry-run."
    })
final class PlanCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TASK", arity = "0..*", description = "The task (words are joined).")
  List<String> task = new ArrayList<>();

  @Mixin SharedOptions.Json json;
  @Mixin SharedOptions.Hint hint;
  @Mixin SharedOptions.Rules rules;

  @Override
  public Integer call() {
    String text = RunCommand.taskText(task, "plan");
    return plan(vsm.invocation(spec, rules.file, true), text, hint, json.json);
  }

  static int plan(Invocation inv, String task, SharedOptions.Hint hint, boolean json) {
    CyclePlan plan = inv.vsm().plan(task, hint.complexity());
    return inv.print(
        json
            ? JsonText.pretty(Documents.plan(plan))
            : HumanFormat.printable(HumanFormat.plan(plan), true));
  }
}
