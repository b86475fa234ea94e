package dev.vsm.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vsm log}: the last entries of the execution log, or one task's with its summary. */
@Command(
    mixinStandardHelpOptions = true,
    header = "Show the execution log.",
    name = "log",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Show the last entries of the execution log, one per line (time, event, task, agent, "
          + "data), with --task one task's entries and its summary, or with --session one session's entries."
    })
final class LogCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Option(
      names = {"-n", "--count", "--log-count"},
      paramLabel = "N",
      converter = Numbers.Count.class,
      description = "How many entries (default 20; with --task: the task's last N).")
  Integer count;

  @Option(
      names = "--task",
      paramLabel = "ID",
      description = "Only this task's entries, and its summary.")
  String task;

  @Option(
      names = "--session",
      paramLabel = "ID",
      description =
          "Only this session's entries (one vsm process or Claude Code session: the entries'"
              + " session_id, as --json shows it).")
  String session;

  @Mixin SharedOptions.Json json;

  @Override
  public Integer call() {
    if (task != null && session != null) {
      throw new UsageException("--task and --session do not go together: give one of them");
    }
    return show(vsm.invocation(spec, null, false), count, task, session, json.json, false);
  }

  /**
   * Prints the entries. {@code listOnly}: the Python-compatible {@code --log --json}, a bare list
   * of entries; otherwise a document with the schema version (and the task's summary).
   */
  static int show(
      Invocation inv, Integer count, String task, String session, boolean json, boolean listOnly) {
    return inv.print(
        LogView.render(
            inv.vsm().log(), count, task, session, json, listOnly, inv.terminal().columns()));
  }
}
