package dev.vsm.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vsm state}: the current task, viability metrics, agent registry, plan and health. */
@Command(
    mixinStandardHelpOptions = true,
    header = "Show the current task, metrics, registry and health.",
    name = "state",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Show the current task, the viability metrics, the agent registry and a health verdict "
          + "(with --json also the S3 allocation, the S4 environment and the coordination plan)."
    })
final class StateCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;
  @Mixin SharedOptions.Json json;

  @Override
  public Integer call() {
    return show(vsm.invocation(spec, null, false), json.json);
  }

  static int show(Invocation inv, boolean json) {
    var s = inv.vsm().state();
    return inv.print(
        json
            ? JsonText.pretty(Documents.state(s))
            : HumanFormat.printable(HumanFormat.state(s), true));
  }
}
