package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the store holds, as the database shows it, and what it does with bad documents. */
class PostgresStoreTest {

  private static final LocalPostgres PG = LocalPostgres.shared();
  @RegisterExtension final FreshStore fresh = new FreshStore();
  private String database;
  private PostgresStore pg;
  private List<String> warnings;

  @BeforeEach
  void open() {
    database = fresh.database();
    pg = fresh.store();
    warnings = fresh.warnings();
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
  void a_log_entry_is_stored_as_the_text_of_its_log_line_with_indexed_columns_beside_it()
      throws SQLException {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("success", true);
    data.put("result_summary", "done");
    data.put("duration_ms", 34);
    data.put("cost_usd", 0.01);
    LogEntry e =
        LogEntry.of(
            "2026-01-15T10:00:00.000001Z",
            EventType.AGENT_COMPLETED,
            "t1",
            "s1-tester",
            data,
            "sess01");
    pg.executionLog("sess01").append(e);

    assertThat(query("SELECT entry::text FROM vsm.execution_log"))
        .containsExactly(
            "{\"timestamp\":\"2026-01-15T10:00:00.000001Z\",\"event_type\":\"agent_completed\","
                + "\"task_id\":\"t1\",\"agent\":\"s1-tester\",\"data\":{\"success\":true,"
                + "\"result_summary\":\"done\",\"duration_ms\":34,\"cost_usd\":0.01},"
                + "\"session_id\":\"sess01\"}");
    assertThat(new java.util.ArrayList<>(pg.executionLog("x").recent(1).get(0).data().keySet()))
        .containsExactly("success", "result_summary", "duration_ms", "cost_usd");
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
  void a_non_finite_number_is_written_as_null_never_as_infinity_or_nan() throws SQLException {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("cost_usd", Double.POSITIVE_INFINITY);
    data.put("ratio", Double.NaN);
    data.put("scores", List.of(1.5, Float.NEGATIVE_INFINITY));
    pg.executionLog("s")
        .append(
            LogEntry.of("2026-01-15T10:00:00Z", EventType.TASK_COMPLETED, "t1", null, data, "s"));
    pg.stateStore()
        .saveCurrentTask(
            new CurrentTask(
                "t1",
                "d",
                "2026-01-15T10:00:00Z",
                TaskStatus.COMPLETED,
                "simple",
                List.of(),
                Map.of("cost_usd", Double.NEGATIVE_INFINITY)));

    assertThat(query("SELECT entry::text FROM vsm.execution_log").get(0))
        .contains("\"data\":{\"cost_usd\":null,\"ratio\":null,\"scores\":[1.5,null]}");
    assertThat(
            query("SELECT document::text FROM vsm.state_document WHERE name = ?", "current-task"))
        .singleElement()
        .asString()
        .contains("\"metadata\": {\"cost_usd\": null}");
    assertThat(pg.executionLog("s").recent(1).get(0).data()).containsEntry("cost_usd", null);
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
  void an_import_that_fails_part_way_leaves_nothing_behind() {
    ExecutionLog failing =
        new ExecutionLog() {
          @Override
          public void forEach(java.util.function.Consumer<LogEntry> action) {
            for (int i = 0; i < PostgresExecutionLog.FETCH + 500; i++) {
              action.accept(
                  LogEntry.of("T", EventType.STATE_CHANGED, "t", null, Map.of("n", i), "s"));
            }
            throw new IllegalStateException("disk gone");
          }

          @Override
          public String sessionId() {
            return "s";
          }

          @Override
          public void append(LogEntry entry) {}

          @Override
          public List<LogEntry> recent(int count) {
            return List.of();
          }

          @Override
          public void clear() {}
        };

    assertThatThrownBy(() -> pg.importLog(failing)).hasMessageContaining("disk gone");
    assertThat(pg.executionLog("x").recent(10)).isEmpty();
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
