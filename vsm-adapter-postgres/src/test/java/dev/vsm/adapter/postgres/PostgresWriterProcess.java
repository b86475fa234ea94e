package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * A child process for the concurrency and crash tests against one database: each cycle records an
 * agent result and a conflict in the metrics (one transaction) and appends a log entry, then prints
 * its number. Arguments: store URL, writer id, count (0 = until killed).
 */
public final class PostgresWriterProcess {

  private PostgresWriterProcess() {}

  public static void main(String[] args) {
    String id = args[1];
    int count = Integer.parseInt(args[2]);
    try (PostgresStore pg =
        PostgresAdapters.open(args[0], System.getenv(), Clock.systemUTC(), m -> {})) {
      StateStore store = pg.stateStore();
      ExecutionLog log = pg.executionLog("writer" + id);
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
                Map.of("n", i, "writer", id),
                log.sessionId()));
        System.out.println(i);
        System.out.flush();
      }
    }
  }
}
