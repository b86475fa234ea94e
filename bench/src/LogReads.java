import dev.vsm.adapter.filesystem.FileSystemAdapters;
import dev.vsm.application.port.out.ExecutionLog;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * In-process log read timings on a generated log: recent(20), the task query and a full read,
 * each the median of several runs. Usage: LogReads DIR ENTRIES [generate]
 */
public final class LogReads {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int entries = Integer.parseInt(args[1]);
    if (args.length > 2 && args[2].equals("generate")) {
      generate(dir, entries);
      return;
    }
    ExecutionLog log = FileSystemAdapters.executionLog(dir, "bench00000000", m -> {});
    String task = String.format("%08x", entries / 2 / 16);
    Path file = FileSystemAdapters.stateDirectory(dir).resolve("execution-log.jsonl");
    System.out.printf(Locale.ROOT, "log of %d entries (%.1f MB):%n", entries, Files.size(file) / 1e6);
    double recent = median(() -> log.recent(20).size(), 15);
    double byTask = median(() -> log.readTask(task).size(), 5);
    double summary = median(() -> log.taskSummary(task).agentsInvoked().size(), 5);
    double all = median(() -> log.readAll().size(), entries > 100_000 ? 3 : 9);
    System.out.printf(Locale.ROOT, "  recent(20)        %9.2f ms%n", recent);
    System.out.printf(Locale.ROOT, "  readTask(id)      %9.2f ms  (%d entries)%n", byTask, log.readTask(task).size());
    System.out.printf(Locale.ROOT, "  taskSummary(id)   %9.2f ms%n", summary);
    System.out.printf(Locale.ROOT, "  readAll()         %9.2f ms  (full read is %.0fx recent(20))%n", all, all / recent);
  }

  static double median(Supplier<Object> work, int runs) {
    work.get();
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms[runs / 2];
  }

  /**
   * Writes a log of realistic cycle entries (16 per task, about 300 bytes each, each task run by its
   * own vsm process: session benchTASK) directly, as one file the way the earlier implementation
   * (which never rotates) leaves it.
   */
  static void generate(Path dir, int entries) throws Exception {
    Path stateDir = FileSystemAdapters.stateDirectory(dir);
    Files.createDirectories(stateDir);
    String[] types = {"task_started", "agent_invoked", "agent_completed", "agent_invoked", "agent_completed",
        "allocation_made", "agent_invoked", "agent_completed", "agent_invoked", "agent_completed",
        "agent_invoked", "agent_completed", "agent_invoked", "agent_completed", "audit_performed", "task_completed"};
    try (BufferedWriter w = Files.newBufferedWriter(stateDir.resolve("execution-log.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < entries; i++) {
        String task = String.format("%08x", i / 16);
        String type = types[i % 16];
        w.write(String.format(Locale.ROOT,
            "{\"timestamp\":\"2026-11-24T22:%02d:%02d.%06dZ\",\"event_type\":\"%s\",\"task_id\":\"%s\","
                + "\"agent\":\"s1-code-writer\",\"data\":{\"success\":true,\"result_summary\":\"Done; "
                + "tests pass\",\"duration_ms\":%d,\"cost_usd\":0.0123,"
                + "\"input_tokens\":1000,\"output_tokens\":200,\"claude_session_id\":\"%012d\"},"
                + "\"session_id\":\"bench%s\"}\n",
            (i / 60000) % 60, (i / 1000) % 60, i % 1000000, type, task, 1000 + i % 5000, i, task));
      }
    }
  }
}
