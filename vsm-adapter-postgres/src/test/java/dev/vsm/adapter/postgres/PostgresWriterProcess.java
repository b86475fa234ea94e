package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.agent.AgentProfile;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child process for the concurrency and crash tests against one database: each cycle records an
 * agent result and a conflict in the metrics (one transaction), adds its number to the capabilities
 * of its own agent {@code writer-ID} in the registry (one transaction on the one registry document
 * every writer changes) and marks the built-in tester busy with it, and appends a log entry, then
 * prints its number. Arguments: store URL, writer id, count (0 = until killed).
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
        int n = i;
        store.updateRegistry(
            r ->
                withCapability(r, "writer-" + id, String.valueOf(n), now)
                    .withStatus("tester", AgentStatus.BUSY, "task-" + id + "-" + n, now));
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

  /** The registry with {@code capability} added to {@code agent}, which is created when missing. */
  static AgentRegistry withCapability(
      AgentRegistry r, String agent, String capability, String now) {
    Map<String, AgentProfile> agents = new LinkedHashMap<>(r.agents());
    AgentProfile p =
        agents.getOrDefault(
            agent, new AgentProfile(AgentType.DOMAIN, AgentStatus.AVAILABLE, List.of(), null));
    List<String> capabilities = new ArrayList<>(p.capabilities());
    capabilities.add(capability);
    agents.put(agent, new AgentProfile(p.type(), p.status(), capabilities, p.currentTask()));
    return new AgentRegistry(agents, now);
  }
}
