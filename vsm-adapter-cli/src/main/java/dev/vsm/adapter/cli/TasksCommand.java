package dev.vsm.adapter.cli;

import dev.vsm.domain.log.TaskHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code vsm tasks}: one line per task from the log, and the totals. */
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    header = "List the tasks in the log, with their totals.",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "One line per task in the execution log, oldest first: id, start, complexity, status, "
          + "the S1 agents that worked on it, cost and duration; then the totals."
    })
final class TasksCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      converter = Since.class,
      description = "Only tasks started on or after DATE (2026-11-01, or 2026-11-01T12:00:00Z).")
  Instant since;

  @Mixin SharedOptions.Json json;

  @Override
  public Integer call() {
    return list(vsm.invocation(spec, null, false), since, json.json);
  }

  /** A date (midnight UTC) or an instant. */
  static final class Since implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        Instant i = TaskHistory.instant(value.strip());
        if (i == null) {
          throw new TypeConversionException(
              "'" + value + "' is not a date: use e.g. 2026-11-01 or 2026-11-01T12:00:00Z");
        }
        return i;
      }
    }
  }

  static int list(Invocation inv, Instant since, boolean json) {
    // Loops, not streams, on the way to the table: the first lambda or stream of a process costs
    // `tasks` ~12 ms of set-up.
    List<TaskHistory.Task> tasks = new ArrayList<>();
    for (TaskHistory.Task t : inv.vsm().tasks()) {
      if (after(t, since)) {
        tasks.add(t);
      }
    }
    TaskHistory.Totals totals = TaskHistory.Totals.of(tasks);
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("since", since == null ? null : since.toString());
      List<Map<String, Object>> documents = new ArrayList<>(tasks.size());
      for (TaskHistory.Task t : tasks) {
        documents.add(document(t));
      }
      doc.put("tasks", documents);
      doc.put("totals", document(totals));
      return inv.print(JsonText.pretty(Documents.versioned(doc)));
    }
    int width = inv.terminal().columns();
    StringBuilder b = new StringBuilder();
    if (tasks.isEmpty()) {
      b.append(since == null ? "No task in the execution log." : "No task since " + since + ".")
          .append('\n');
      return inv.print(b.toString());
    }
    b.append(
        fit(line("ID", "STARTED", "COMPLEXITY", "STATUS", "COST", "DURATION", "AGENTS"), width));
    for (TaskHistory.Task t : tasks) {
      b.append(
          fit(
              line(
                  HumanFormat.printable(t.taskId()),
                  t.startedAt() == null ? "-" : shortTime(t.startedAt()),
                  t.complexity() == null ? "-" : HumanFormat.printable(t.complexity()),
                  t.status(),
                  t.costUsd() == null ? "-" : "$" + HumanFormat.fixed(t.costUsd(), 4),
                  t.durationMs() == null ? "-" : duration(t.durationMs()),
                  t.agents().isEmpty() ? "-" : HumanFormat.printable(agents(t.agents()))),
              width));
    }
    b.append(
        fit(
            (totals.tasks()
                    + (totals.tasks() == 1 ? " task: " : " tasks: ")
                    + totals.completed()
                    + " completed, "
                    + totals.failed()
                    + " failed, "
                    + totals.inProgress()
                    + " in progress"
                    + (totals.planned() == 0 ? "" : ", " + totals.planned() + " planned")
                    + "; cost $"
                    + HumanFormat.fixed(totals.costUsd(), 4)
                    + "; duration "
                    + duration(totals.durationMs()))
                .strip(),
            width));
    return inv.print(b.toString());
  }

  /** The agents that worked on a task, named without the {@code s1-} prefix. */
  private static String agents(List<String> agents) {
    StringBuilder b = new StringBuilder();
    for (String a : agents) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(a.startsWith("s1-") ? a.substring(3) : a);
    }
    return b.toString();
  }

  private static boolean after(TaskHistory.Task t, Instant since) {
    if (since == null) {
      return true;
    }
    Instant at = TaskHistory.instant(t.startedAt() != null ? t.startedAt() : t.endedAt());
    return at != null && !at.isBefore(since);
  }

  private static String line(String... cells) {
    return (HumanFormat.left(cells[0], 9)
            + " "
            + HumanFormat.left(cells[1], 19)
            + " "
            + HumanFormat.left(cells[2], 10)
            + " "
            + HumanFormat.left(cells[3], 11)
            + " "
            + HumanFormat.right(cells[4], 9)
            + " "
            + HumanFormat.right(cells[5], 9)
            + "  "
            + cells[6])
        .stripTrailing();
  }

  private static String fit(String line, int width) {
    return (width > 0 ? HumanFormat.fit(line, width) : line) + "\n";
  }

  /** {@code 2026-11-24T22:35:26.354Z} as {@code 2026-11-24 22:35:26}. */
  static String shortTime(String timestamp) {
    Instant i = TaskHistory.instant(timestamp);
    if (i == null) {
      return HumanFormat.printable(timestamp);
    }
    String s =
        i.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    return s.length() == 16 ? s + ":00" : s;
  }

  /** {@code 41.3s}, {@code 8m 15s}, {@code 2h 03m}. */
  static String duration(long ms) {
    if (ms < 60_000) {
      return HumanFormat.fixed(ms / 1000.0, 1) + "s";
    }
    long s = ms / 1000;
    if (s < 3600) {
      return s / 60 + "m " + twoDigits(s % 60) + "s";
    }
    return s / 3600 + "h " + twoDigits((s % 3600) / 60) + "m";
  }

  private static String twoDigits(long n) {
    return n < 10 ? "0" + n : Long.toString(n);
  }

  private static Map<String, Object> document(TaskHistory.Task t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", t.taskId());
    m.put("started_at", t.startedAt());
    m.put("ended_at", t.endedAt());
    m.put("description", t.description());
    m.put("complexity", t.complexity());
    m.put("status", t.status());
    m.put("agents", t.agents());
    m.put("cost_usd", t.costUsd());
    m.put("duration_ms", t.durationMs());
    return m;
  }

  private static Map<String, Object> document(TaskHistory.Totals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tasks", t.tasks());
    m.put("completed", t.completed());
    m.put("failed", t.failed());
    m.put("in_progress", t.inProgress());
    m.put("planned", t.planned());
    m.put("cost_usd", t.costUsd());
    m.put("duration_ms", t.durationMs());
    return m;
  }
}
