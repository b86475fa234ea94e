package dev.vsm.adapter.filesystem;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * A child process for the concurrency and crash tests: records agent results in the metrics (the
 * conflict counter counts them exactly) and appends log entries, printing each number once both
 * writes of it have completed. Arguments: working directory, writer id, count (0 = until killed).
 */
public final class StateWriterProcess {

  private StateWriterProcess() {}

  public static void main(String[] args) {
    Path work = Path.of(args[0]);
    String id = args[1];
    int count = Integer.parseInt(args[2]);
    StateStore store = FileSystemAdapters.stateStore(work, Clock.systemUTC(), m -> {});
    ExecutionLog log = FileSystemAdapters.executionLog(work, "writer" + id, m -> {});
    for (int i = 1; count == 0 || i <= count; i++) {
      String now = Instant.now().toString();
      boolean success = i % 3 != 0;
      store.updateMetrics(
          m -> m.withAgentResult("agent-" + id, success, now).withS3S4Conflict(now));
      log.append(
          LogEntry.of(
              now,
              EventType.AGENT_COMPLETED,
              "task-" + id,
              "s1-agent-" + id,
              Map.of("n", i, "writer", id, "padding", "p".repeat(200)),
              log.sessionId()));
      System.out.println(i);
      System.out.flush();
    }
  }
}
