package dev.vsm.adapter.postgres;

import dev.vsm.application.document.LogDocuments;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskHistory;
import dev.vsm.domain.log.TaskSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The execution log as rows of {@code vsm.execution_log}: each entry the JSON text of its log line
 * (the same text the file holds), in order of {@code seq}. Task, session and recent queries read an
 * index, never the whole table; the task history reads the fold the database keeps of it; long
 * reads stream through a cursor instead of holding the log in memory.
 */
final class PostgresExecutionLog implements ExecutionLog {

  /** Rows fetched per round trip when streaming. */
  static final int FETCH = 1000;

  static final String INSERT = "INSERT INTO vsm.execution_log (entry) VALUES (?::json)";
  static final String BY_TASK =
      "SELECT entry::text FROM vsm.execution_log WHERE task_id = ? ORDER BY seq";
  static final String OF_SESSIONS =
      "SELECT entry::text FROM vsm.execution_log WHERE session_id = ANY(?) ORDER BY seq";
  static final String RECENT =
      "SELECT entry FROM (SELECT seq, entry::text FROM vsm.execution_log"
          + " ORDER BY seq DESC LIMIT ?) AS newest ORDER BY seq";
  static final String ALL = "SELECT entry::text FROM vsm.execution_log ORDER BY seq";

  /** The tasks, from the fold the database keeps (V4__task_history.sql); the log is not read. */
  static final String TASKS =
      "SELECT task_id, started_at, description, complexity, status,"
          + " agents::text, costs::text, duration_ms, ended_at"
          + " FROM vsm.task_history ORDER BY first_seq";

  private final Database db;
  private final String sessionId;

  PostgresExecutionLog(Database db, String sessionId) {
    this.db = db;
    this.sessionId = sessionId;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public void append(LogEntry entry) {
    String text = Json.text(LogDocuments.logEntry(entry));
    db.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, text);
            return s.executeUpdate();
          }
        });
  }

  /**
   * Appends the entries of {@code source} that {@code which} accepts, oldest first, as one
   * transaction sent in batches of {@value #FETCH}: a log moved into the store arrives whole or not
   * at all. Returns how many.
   */
  long appendAll(ExecutionLog source, Predicate<LogEntry> which) {
    return db.transaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(INSERT)) {
            long[] count = {0};
            try {
              source.forEach(
                  e -> {
                    if (!which.test(e)) {
                      return;
                    }
                    try {
                      s.setString(1, Json.text(LogDocuments.logEntry(e)));
                      s.addBatch();
                      if (++count[0] % FETCH == 0) {
                        s.executeBatch();
                      }
                    } catch (SQLException x) {
                      throw new BatchFailed(x);
                    }
                  });
            } catch (BatchFailed f) {
              throw f.sql;
            }
            s.executeBatch();
            return count[0];
          }
        });
  }

  /** Carries a batch's failure out of the source's {@code forEach}. */
  private static final class BatchFailed extends RuntimeException {
    final SQLException sql;

    BatchFailed(SQLException sql) {
      super(sql.getMessage(), null, false, false);
      this.sql = sql;
    }
  }

  /**
   * Feeds the rows of {@code sql} to {@code action}, in the query's order; a cursor (inside a
   * transaction) fetches them {@value #FETCH} at a time. {@code parameter}: none (null), a text, or
   * texts for {@code = ANY(?)}.
   */
  private void stream(String sql, Object parameter, Consumer<LogEntry> action) {
    db.transaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH);
            if (parameter instanceof String text) {
              s.setString(1, Json.withoutNul(text));
            } else if (parameter instanceof String[] texts) {
              s.setArray(1, c.createArrayOf("text", texts));
            }
            feed(s, action);
          }
          return null;
        });
  }

  private static void feed(PreparedStatement s, Consumer<LogEntry> action) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        LogEntry e = LogDocuments.logEntry(Json.parse(r.getString(1)));
        if (e != null) {
          action.accept(e);
        }
      }
    }
  }

  @Override
  public void forEach(Consumer<LogEntry> action) {
    stream(ALL, null, action);
  }

  @Override
  public List<LogEntry> recent(int count) {
    List<LogEntry> out = new ArrayList<>();
    if (count <= 0) {
      return out;
    }
    db.run(
        c -> {
          try (PreparedStatement s = c.prepareStatement(RECENT)) {
            s.setInt(1, count);
            feed(s, out::add);
          }
          return null;
        });
    return out;
  }

  @Override
  public List<LogEntry> readTask(String taskId) {
    List<LogEntry> out = new ArrayList<>();
    stream(BY_TASK, taskId, out::add);
    return out;
  }

  @Override
  public List<LogEntry> readSession(String session) {
    List<LogEntry> out = new ArrayList<>();
    forEachOfSessions(Set.of(session), out::add);
    return out;
  }

  /** Through the session index. */
  @Override
  public void forEachOfSessions(Set<String> sessionIds, Consumer<LogEntry> action) {
    if (sessionIds.isEmpty()) {
      return;
    }
    stream(OF_SESSIONS, sessionIds.stream().map(Json::withoutNul).toArray(String[]::new), action);
  }

  @Override
  public TaskSummary taskSummary(String taskId) {
    TaskSummary.Fold fold = new TaskSummary.Fold(taskId);
    stream(BY_TASK, taskId, fold::accept);
    return fold.result();
  }

  /** One row per task, kept by the database as entries are appended: no entry is read. */
  @Override
  public List<TaskHistory.Task> taskHistory() {
    return db.transaction(
        c -> {
          List<TaskHistory.Task> tasks = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(TASKS)) {
            s.setFetchSize(FETCH);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                tasks.add(task(r));
              }
            }
          }
          return tasks;
        });
  }

  private static TaskHistory.Task task(ResultSet r) throws SQLException {
    // Null while the task runs; else completed, failed or planned, TaskSummary's words.
    String status = r.getString(5);
    Double costUsd = cost(r.getString(7));
    long duration = r.getLong(8);
    Long durationMs = r.wasNull() ? null : duration;
    return TaskHistory.task(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        status == null ? TaskSummary.IN_PROGRESS : status,
        agents(r.getString(6)),
        costUsd,
        durationMs,
        r.getString(9));
  }

  /**
   * The S1 agents in the order they were first invoked, from their object of {@code agent: seq}.
   * (Sorted here: a subquery per row would cost the database several times the whole read.)
   */
  @SuppressWarnings("unchecked")
  private static List<String> agents(String json) {
    Map<String, Number> firstSeq = (Map<String, Number>) Json.parse(json);
    List<String> agents = new ArrayList<>(firstSeq.keySet());
    agents.sort(Comparator.comparingLong(a -> firstSeq.get(a).longValue()));
    return agents;
  }

  /**
   * The sum of a task's costs, from their object of {@code seq: cost}, added in log order from 0 as
   * the Java fold adds them (in another order a double sum can differ in its last digit); null when
   * no end gave a cost.
   */
  @SuppressWarnings("unchecked")
  private static Double cost(String json) {
    Map<String, Number> bySeq = (Map<String, Number>) Json.parse(json);
    if (bySeq.isEmpty()) {
      return null;
    }
    List<String> seqs = new ArrayList<>(bySeq.keySet());
    seqs.sort(Comparator.comparingLong(Long::parseLong));
    double sum = 0;
    for (String seq : seqs) {
      sum += bySeq.get(seq).doubleValue();
    }
    return sum;
  }

  /** The log and the task history kept from it. */
  @Override
  public void clear() {
    db.transaction(
        c -> {
          for (String table : List.of("vsm.execution_log", "vsm.task_history")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table)) {
              s.executeUpdate();
            }
          }
          return null;
        });
  }
}
