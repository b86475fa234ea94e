package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.ResumeCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vsm resume TASK_ID}: goes on with a task that did not finish, where it stopped. */
@Command(
    mixinStandardHelpOptions = true,
    header = "Go on with a task that did not finish, where it stopped.",
    name = "resume",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Go on with the task TASK_ID — failed, interrupted (Ctrl-C), abandoned by a killed vsm, "
          + "stopped by its budget or time limit, or planned: phases that finished are not run "
          + "again, nor S1 agents that succeeded; an agent that was stopped continues its Claude "
          + "session. --max-budget-usd and --cycle-timeout cover what runs now. The metrics count "
          + "the task once, when it finally ends."
    })
final class ResumeTaskCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TASK_ID", description = "The task's id (vsm tasks lists it).")
  String taskId;

  @Mixin SharedOptions.Json json;

  @ArgGroup(validate = false, heading = "%nRun options:%n")
  SharedOptions.Agents agents = new SharedOptions.Agents();

  @Override
  public Integer call() {
    return goOn(vsm.invocation(spec, null, false), taskId, false, agents, json.json);
  }

  /** Applies ({@code plannedOnly}) or resumes a task and reports it as a cycle. */
  static int goOn(
      Invocation inv,
      String taskId,
      boolean plannedOnly,
      SharedOptions.Agents agents,
      boolean json) {
    ResumeCommand command =
        new ResumeCommand(
            taskId, plannedOnly, RunCommand.command(inv, "task " + taskId, null, agents));
    return RunCommand.report(inv, RunCommand.cycles(inv, agents, vsm -> vsm.resume(command)), json);
  }
}
