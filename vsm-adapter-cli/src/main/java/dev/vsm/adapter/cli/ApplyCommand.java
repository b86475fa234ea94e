package dev.vsm.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vsm apply TASK_ID}: runs the S1 agents, the audit and S5 of a planned task. */
@Command(
    mixinStandardHelpOptions = true,
    header = "Run the S1 agents, the audit and S5 of a task planned with vsm plan --agents.",
    name = "apply",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Run the task TASK_ID that vsm plan --agents (or vsm run --approve, not approved) saved: "
          + "its S1 agents in the planned steps, then the S3* audit and S5, under the "
          + "adaptations the plan was made with. S4, S3 and S2 are not asked again."
    })
final class ApplyCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TASK_ID", description = "The planned task's id (vsm tasks lists it).")
  String taskId;

  @Mixin SharedOptions.Json json;

  @ArgGroup(validate = false, heading = "%nRun options:%n")
  SharedOptions.Agents agents = new SharedOptions.Agents();

  @Override
  public Integer call() {
    return ResumeTaskCommand.goOn(
        vsm.invocation(spec, null, false), taskId, true, agents, json.json);
  }
}
