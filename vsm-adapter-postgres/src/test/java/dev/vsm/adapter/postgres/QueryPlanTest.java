package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.TaskHistory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The log's queries read an index, not the whole table: the planner's own plan (EXPLAIN) for the
 * adapter's statements on a cycle-shaped log (16 entries per task, as bench/log-reads.sh makes
 * them) of 50 000 entries across 3 125 tasks and 250 sessions.
 */
class QueryPlanTest {

  private static final LocalPostgres PG = LocalPostgres.shared();
  private static final String CYCLE =
      "ARRAY['task_started', 'agent_invoked', 'agent_completed', 'agent_invoked',"
          + " 'agent_completed', 'allocation_made', 'agent_invoked', 'agent_completed',"
          + " 'agent_invoked', 'agent_completed', 'agent_invoked', 'agent_completed',"
          + " 'agent_invoked', 'agent_completed', 'audit_performed', 'task_completed']";
  private static String database;
  private static Connection connection;

  @BeforeAll
  static void aLogOfFiftyThousandEntries() throws Exception {
    String url = PG.freshDatabase();
    database = url.substring(url.lastIndexOf('/') + 1);
    try (PostgresStore store = PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), m -> {})) {
      store.migrate();
    }
    PG.execute(
        database,
        "INSERT INTO vsm.execution_log (entry) SELECT json_build_object("
            + "'timestamp', '2026-01-15T10:00:00Z', 'event_type', ("
            + CYCLE
            + ")[i % 16 + 1], 'task_id', 'task-' || (i / 16), 'agent', 's1-code-writer',"
            + " 'data', json_build_object('n', i, 'success', true, 'duration_ms', 1000),"
            + " 'session_id', 'sess-' || (i / 16 % 250))"
            + " FROM generate_series(0, 49999) AS i");
    PG.execute(database, "ANALYZE vsm.execution_log");
    PG.execute(database, "ANALYZE vsm.task_history");
    connection =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + PG.port() + "/" + database,
            LocalPostgres.USER,
            PG.password());
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
  }

  /** Every scan of a table in the plan of {@code sql}: node type, table and index. */
  private static List<String> scans(String sql, Object parameter) throws Exception {
    try (PreparedStatement s = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
      if (parameter instanceof String[] texts) {
        s.setArray(1, connection.createArrayOf("text", texts));
      } else if (parameter != null) {
        s.setObject(1, parameter);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        List<String> out = new ArrayList<>();
        Object plan = ((Map<?, ?>) ((List<?>) Json.parse(r.getString(1))).get(0)).get("Plan");
        collect(plan, out);
        return out;
      }
    }
  }

  private static void collect(Object node, List<String> out) {
    Map<?, ?> n = (Map<?, ?>) node;
    if (n.get("Relation Name") != null || n.get("Index Name") != null) {
      out.add(
          n.get("Node Type")
              + (n.get("Relation Name") == null ? "" : " " + n.get("Relation Name"))
              + (n.get("Index Name") == null ? "" : " " + n.get("Index Name")));
    }
    if (n.get("Plans") instanceof List<?> children) {
      children.forEach(c -> collect(c, out));
    }
  }

  @Test
  void a_tasks_entries_come_from_the_task_index() throws Exception {
    assertThat(scans(PostgresExecutionLog.BY_TASK, "task-42"))
        .isNotEmpty()
        .noneMatch(s -> s.startsWith("Seq Scan"))
        .anyMatch(s -> s.contains("execution_log_task"));
  }

  @Test
  void the_entries_of_a_few_sessions_come_from_the_session_index() throws Exception {
    for (String[] sessions : List.of(new String[] {"sess-7"}, new String[] {"sess-7", "sess-9"})) {
      assertThat(scans(PostgresExecutionLog.OF_SESSIONS, sessions))
          .isNotEmpty()
          .noneMatch(s -> s.startsWith("Seq Scan"))
          .anyMatch(s -> s.contains("execution_log_session"));
    }
  }

  @Test
  void the_task_history_reads_one_row_per_task_and_never_the_log() throws Exception {
    // What vsm tasks folds, read from the log, is more than half of it: the whole table is read.
    String[] folded = TaskHistory.EVENTS.stream().map(EventType::label).toArray(String[]::new);
    assertThat(
            scans(
                "SELECT entry::text FROM vsm.execution_log WHERE event_type = ANY(?) ORDER BY seq",
                folded))
        .noneMatch(s -> s.contains("task_history"))
        .anyMatch(
            s ->
                s.startsWith("Seq Scan execution_log")
                    || s.equals("Index Scan execution_log execution_log_pkey"));

    assertThat(scans(PostgresExecutionLog.TASKS, null))
        .isNotEmpty()
        .allMatch(s -> s.contains("task_history"))
        .noneMatch(s -> s.contains("execution_log"));
    try (PreparedStatement s =
            connection.prepareStatement("SELECT count(*) FROM vsm.task_history");
        ResultSet r = s.executeQuery()) {
      r.next();
      assertThat(r.getInt(1)).isEqualTo(3125);
    }
  }

  @Test
  void the_recent_tail_reads_the_primary_key_backwards() throws Exception {
    assertThat(scans(PostgresExecutionLog.RECENT, 20))
        .containsExactly("Index Scan execution_log execution_log_pkey");
  }
}
