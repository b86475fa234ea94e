import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The analyzer alone, in one process: building it and its first task, a first pass over the tasks
 * (the JIT still warming, as in one `vsm analyze` run), then the median of warm passes. Each task
 * gets its assessment and agent recommendation. Prints {@code load first warm} in milliseconds.
 * Usage: AnalyzerThroughput TASKS_FILE
 */
public final class AnalyzerThroughput {
  public static void main(String[] args) throws Exception {
    List<String> tasks = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    ComplexityAnalyzer analyzer = ComplexityAnalyzer.withDefaults();
    ComplexityAnalyzer.recommendation(analyzer.analyze(tasks.get(0)));
    long t1 = System.nanoTime();
    int sink = pass(analyzer, tasks);
    long t2 = System.nanoTime();
    double[] warm = new double[5];
    for (int i = 0; i < warm.length; i++) {
      long s = System.nanoTime();
      sink += pass(analyzer, tasks);
      warm[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(warm);
    System.out.printf(
        Locale.ROOT, "%.1f %.1f %.1f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, warm[warm.length / 2]);
    if (sink == 42) {
      System.out.println();
    }
  }

  private static int pass(ComplexityAnalyzer analyzer, List<String> tasks) {
    int sink = 0;
    for (String task : tasks) {
      ComplexityAssessment a = analyzer.analyze(task);
      sink += ComplexityAnalyzer.recommendation(a).primaryAgents().size();
    }
    return sink;
  }
}
