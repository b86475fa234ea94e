import dev.vsm.adapter.filesystem.FileSystemAdapters;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** One writer process: appends N entries to the log of DIR. Usage: AppendThroughput DIR N ID */
public final class AppendThroughput {
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    ExecutionLog log = FileSystemAdapters.executionLog(dir, "writer" + args[2], m -> {});
    for (int i = 0; i < n; i++) {
      log.append(LogEntry.of(Instant.now().toString(), EventType.AGENT_COMPLETED, "task" + args[2],
          "s1-tester", Map.of("n", i, "success", true, "result_summary", "ok"), log.sessionId()));
    }
  }
}
