package dev.vsm.adapter.cli;

import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAssessment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vsm analyze}: complexity by the rules alone; no agent runs. */
@Command(
    mixinStandardHelpOptions = true,
    header = "Rate tasks' complexity with the rules alone.",
    name = "analyze",
    aliases = "analyse",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Rate each task's complexity with the rules alone and name the agents a cycle would use; "
          + "no agent runs. Without TASK, tasks are read from standard input, one per line "
          + "(with --json: one object per line)."
    })
final class AnalyzeCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TASK", arity = "0..*", description = "Tasks to analyse, one each.")
  List<String> tasks = new ArrayList<>();

  @Mixin SharedOptions.Json json;
  @Mixin SharedOptions.Hint hint;
  @Mixin SharedOptions.Rules rules;

  @Override
  public Integer call() {
    return analyze(vsm.invocation(spec, rules.file, true), tasks, hint.complexity(), json.json);
  }

  /**
   * From this many tasks on, they are analysed in parallel (the analyzer is safe to share): fewer
   * are done before a pool of threads would have started.
   */
  static final int IN_PARALLEL_FROM = 64;

  static int analyze(Invocation inv, List<String> given, Complexity hint, boolean json) {
    List<String> tasks = new ArrayList<>();
    for (String t : given.isEmpty() ? lines(inv.context().stdin()) : given) {
      if (!t.isBlank()) {
        tasks.add(t.strip());
      }
    }
    if (tasks.isEmpty() && given.isEmpty()) {
      throw new UsageException(
          "no task to analyse: give tasks as arguments or one per line on standard input");
    }
    var queries = inv.vsm();
    String newline = System.lineSeparator();
    // Each thread writes its compact lines through one builder, not a new one grown per line.
    // Classes, not lambdas, on the way to one answer: the first lambda of a process costs
    // `analyze` of one task ~12 ms of set-up (a batch's parallel stream pays it anyway).
    ThreadLocal<StringBuilder> lines =
        new ThreadLocal<>() {
          @Override
          protected StringBuilder initialValue() {
            return new StringBuilder(1024);
          }
        };
    IntFunction<String> answer =
        new IntFunction<>() {
          @Override
          public String apply(int i) {
            String t = tasks.get(i);
            ComplexityAssessment a = queries.analyze(t, hint);
            if (!json) {
              return HumanFormat.printable(HumanFormat.assessment(t, a), true);
            }
            var doc = Documents.versionedAssessment(t, a);
            if (tasks.size() == 1) {
              return JsonText.pretty(doc).strip() + newline;
            }
            StringBuilder line = lines.get();
            line.setLength(0);
            JsonText.appendCompact(line, doc);
            String text = line.append(newline).toString();
            if (!latin1(text)) {
              // A builder that once held a wider character keeps two bytes a character for
              // good, and every later line would be narrowed again on the way out: start anew.
              lines.remove();
            }
            return text;
          }
        };
    if (tasks.size() < IN_PARALLEL_FROM) {
      for (int i = 0; i < tasks.size(); i++) {
        inv.out().print(answer.apply(i));
      }
    } else {
      // A batch from standard input is analysed on every core; the answers keep the tasks' order.
      for (String line :
          IntStream.range(0, tasks.size()).parallel().mapToObj(answer).toArray(String[]::new)) {
        inv.out().print(line);
      }
    }
    inv.out().flush();
    return ExitCode.SUCCESS;
  }

  private static boolean latin1(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  /**
   * The lines of standard input, read whole and decoded at once: a line reader decodes a batch
   * several times slower before the JIT has compiled it. Lines end as {@link
   * BufferedReader#readLine} ends them (at LF, CR or CR LF), and bytes that are not UTF-8 read as
   * U+FFFD.
   */
  static List<String> lines(InputStream stdin) {
    String text;
    try {
      text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read tasks from standard input: " + e.getMessage());
    }
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }
}
