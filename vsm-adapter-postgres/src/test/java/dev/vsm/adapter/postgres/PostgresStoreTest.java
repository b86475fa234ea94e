package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.application.document.StateDocuments;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the store holds, as the database shows it, and what it does with bad documents. */
class PostgresStoreTest {

  private static final LocalPostgres PG = LocalPostgres.shared();
  private final List<String> warnings = new ArrayList<>();
  private String database;
  private PostgresStore pg;

  @BeforeEach
  void open() {
    String url = PG.freshDatabase();
    database = url.substring(url.lastIndexOf('/') + 1);
    pg = PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), warnings::add);
  }

  @AfterEach
  void close() {
    pg.close();
  }

  /** The text of the first column of each row of {@code sql}, straight from the database. */
  private List<String> query(String sql, String... parameters) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + PG.port() + "/" + database,
                LocalPostgres.USER,
                PG.password());
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  private static Object parse(String json) {
    return Json.parse(json);
  }

  @Test
  void documents_are_stored_as_the_state_files_json() throws SQLException {
    CurrentTask task =
        new CurrentTask(
            "abc12345",
            "Add OAuth2",
            "2026-01-15T10:00:00Z",
            TaskStatus.IN_PROGRESS,
            "complex",
            List.of("backend"),
            Map.of("cost_usd", 0.25));
    StateStore store = pg.stateStore();
    store.saveCurrentTask(task);
    ViabilityMetrics m = store.updateMetrics(x -> x.withS3S4Conflict("2026-01-15T10:00:00Z"));

    assertThat(
            parse(
                query(
                        "SELECT document::text FROM vsm.state_document WHERE name = ?",
                        "current-task")
                    .get(0)))
        .isEqualTo(parse(Json.text(StateDocuments.task(task))));
    assertThat(
            parse(
                query(
                        "SELECT document::text FROM vsm.state_document WHERE name = ?",
                        "viability-metrics")
                    .get(0)))
        .isEqualTo(parse(Json.text(StateDocuments.metrics(m))));
  }

  @Test
  void log_entries_are_stored_with_the_log_lines_keys_and_indexed_columns() throws SQLException {
    LogEntry e =
        LogEntry.of(
            "2026-01-15T10:00:00.000001Z",
            EventType.AGENT_COMPLETED,
            "t1",
            "s1-tester",
            Map.of("success", true, "cost_usd", 0.01),
            "sess01");
    pg.executionLog("sess01").append(e);

    String entry = query("SELECT entry::text FROM vsm.execution_log").get(0);
    assertThat(parse(entry)).isEqualTo(parse(Json.text(StateDocuments.logEntry(e))));
    assertThat(((Map<?, ?>) parse(entry)).keySet().stream().map(String::valueOf).toList())
        .containsExactlyInAnyOrder(
            "timestamp", "event_type", "task_id", "agent", "data", "session_id");
    assertThat(
            query(
                "SELECT task_id || ' ' || session_id || ' ' || event_type FROM vsm.execution_log"))
        .containsExactly("t1 sess01 agent_completed");
  }

  @Test
  void a_document_of_the_wrong_shape_is_moved_aside_with_a_warning_and_defaults_are_used()
      throws SQLException {
    pg.stateStore().updateMetrics(x -> x.withS3S4Conflict("t"));
    PG.execute(
        database,
        "UPDATE vsm.state_document SET document = '{\"completion_rate\": \"high\"}'"
            + " WHERE name = 'viability-metrics'");

    assertThat(pg.stateStore().snapshot().metricsRecorded()).isFalse();
    assertThat(pg.stateStore().metrics()).isEqualTo(ViabilityMetrics.defaults());
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("viability-metrics")
        .contains("completion_rate")
        .contains("vsm.state_document_aside");
    assertThat(query("SELECT document::text FROM vsm.state_document_aside"))
        .containsExactly("{\"completion_rate\": \"high\"}");
    assertThat(pg.stateStore().updateMetrics(x -> x.withS3S4Conflict("t")).s3S4Conflicts())
        .isEqualTo(1);
  }

  @Test
  void a_nul_character_which_postgresql_text_cannot_hold_becomes_a_replacement_character() {
    ExecutionLog log = pg.executionLog("s");
    log.append(
        LogEntry.of(
            "2026-01-15T10:00:00Z",
            EventType.AGENT_COMPLETED,
            "t\0x",
            "s1-tester",
            Map.of("result_summary", "before\0after", "k\0", List.of("a\0")),
            "s"));
    pg.stateStore()
        .saveCurrentTask(
            new CurrentTask(
                "t\0x", "desc\0", "T", TaskStatus.PENDING, "simple", List.of(), Map.of()));

    LogEntry read = log.readTask("t\0x").get(0);
    assertThat(read.taskId()).isEqualTo("t\uFFFDx");
    assertThat(read.data())
        .containsEntry("result_summary", "before\uFFFDafter")
        .containsEntry("k\uFFFD", List.of("a\uFFFD"));
    assertThat(pg.stateStore().currentTask().orElseThrow().description()).isEqualTo("desc\uFFFD");
  }

  @Test
  void an_imported_log_keeps_its_order_and_session_ids_across_batches() {
    InMemoryExecutionLog source = new InMemoryExecutionLog();
    int n = PostgresExecutionLog.FETCH * 2 + 17;
    for (int i = 0; i < n; i++) {
      source.append(
          LogEntry.of(
              "2026-01-15T10:00:00Z",
              EventType.STATE_CHANGED,
              "t" + (i % 7),
              null,
              Map.of("n", i),
              "session-" + (i % 3)));
    }

    assertThat(pg.importLog(source)).isEqualTo(n);

    List<LogEntry> read = pg.executionLog("mine").readAll();
    assertThat(read)
        .extracting(e -> ((Number) e.data().get("n")).intValue())
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, n).boxed().toList());
    assertThat(read)
        .extracting(LogEntry::sessionId)
        .containsExactlyElementsOf(source.readAll().stream().map(LogEntry::sessionId).toList());
  }

  @Test
  void reset_names_each_removed_document_and_the_store_without_its_password() {
    pg.stateStore().updateMetrics(x -> x.withS3S4Conflict("t"));
    List<String> removed = pg.stateStore().reset();
    assertThat(removed)
        .singleElement()
        .asString()
        .startsWith("viability-metrics in postgresql://" + LocalPostgres.USER + "@")
        .doesNotContain(PG.password());
  }
}
