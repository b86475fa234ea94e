package dev.vsm.adapter.postgres;

import dev.vsm.application.document.DocumentFields;
import dev.vsm.application.document.StateDocuments;
import dev.vsm.application.document.TaskPlanDocuments;
import dev.vsm.application.document.Timestamps;
import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;

/**
 * The state store as rows of {@code vsm.state_document}, one per document of the state files and
 * holding the same JSON. Read-modify-write locks the document's row for one transaction, so
 * processes on several machines recording results at once lose nothing.
 */
final class PostgresStateStore implements StateStore {

  static final String CURRENT_TASK = "current-task";
  static final String METRICS = "viability-metrics";
  static final String REGISTRY = "agent-registry";
  static final String ALLOCATION = "s3-allocations";
  static final String ENVIRONMENT = "s4-environment";
  static final String PLAN = "coordination-plan";

  /** What a task's advisory lock is keyed on, with its id. */
  private static final String CLAIM_PREFIX = "vsm-task:";

  private final Database db;
  private final Clock clock;
  private final Diagnostics diagnostics;

  PostgresStateStore(Database db, Clock clock, Diagnostics diagnostics) {
    this.db = db;
    this.clock = clock;
    this.diagnostics = diagnostics;
  }

  // Reading and writing one document

  private static String select(Connection c, String name, boolean lock) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT document::text FROM vsm.state_document WHERE name = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  private static void write(Connection c, String name, Map<String, Object> document)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO vsm.state_document (name, document, updated_at) VALUES (?, ?::jsonb, now())"
                + " ON CONFLICT (name) DO UPDATE"
                + " SET document = excluded.document, updated_at = excluded.updated_at")) {
      s.setString(1, name);
      s.setString(2, Json.text(document));
      s.executeUpdate();
    }
  }

  /**
   * The document's value, or empty when absent. A document of the wrong shape is moved to {@code
   * vsm.state_document_aside} (only if it is still the one read) and reads as absent.
   */
  private <T> Optional<T> decode(
      Connection c, String name, String text, Function<DocumentFields, T> mapping)
      throws SQLException {
    if (text == null) {
      return Optional.empty();
    }
    String reason;
    try {
      return Optional.of(mapping.apply(DocumentFields.of(Json.parse(text), name)));
    } catch (JacksonException e) {
      reason = "not valid JSON";
    } catch (DocumentFields.WrongShape | IllegalArgumentException e) {
      reason = e.getMessage();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "WITH moved AS (UPDATE vsm.state_document SET document = NULL, updated_at = now()"
                + " WHERE name = ? AND document = ?::jsonb RETURNING name, document)"
                + " INSERT INTO vsm.state_document_aside (name, document, reason)"
                + " SELECT moved.name, ?::jsonb, ? FROM moved")) {
      s.setString(1, name);
      s.setString(2, text);
      s.setString(3, text);
      s.setString(4, reason);
      if (s.executeUpdate() > 0) {
        diagnostics.warn(
            "warning: team store "
                + db.location()
                + ": the "
                + name
                + " document was unreadable ("
                + reason
                + "); moved to vsm.state_document_aside, defaults used");
      }
    }
    return Optional.empty();
  }

  private <T> Optional<T> read(String name, Function<DocumentFields, T> mapping) {
    return db.run(c -> decode(c, name, select(c, name, false), mapping));
  }

  private void save(String name, Map<String, Object> document) {
    db.run(
        c -> {
          write(c, name, document);
          return null;
        });
  }

  /** Reads under the row's lock, applies {@code change}, writes, commits: one transaction. */
  private <T> T update(
      String name,
      Function<DocumentFields, T> mapping,
      java.util.function.Supplier<T> absent,
      UnaryOperator<T> change,
      Function<T, Map<String, Object>> document) {
    return db.transaction(
        c -> {
          T current = decode(c, name, select(c, name, true), mapping).orElseGet(absent);
          T updated = change.apply(current);
          write(c, name, document.apply(updated));
          return updated;
        });
  }

  // The port

  @Override
  public Optional<CurrentTask> currentTask() {
    return read(CURRENT_TASK, StateDocuments::task);
  }

  @Override
  public void saveCurrentTask(CurrentTask task) {
    save(CURRENT_TASK, StateDocuments.task(task));
  }

  @Override
  public ViabilityMetrics metrics() {
    return read(METRICS, StateDocuments::metrics).orElseGet(ViabilityMetrics::defaults);
  }

  @Override
  public ViabilityMetrics updateMetrics(UnaryOperator<ViabilityMetrics> change) {
    return update(
        METRICS,
        StateDocuments::metrics,
        ViabilityMetrics::defaults,
        change,
        StateDocuments::metrics);
  }

  @Override
  public AgentRegistry registry() {
    Optional<AgentRegistry> r = read(REGISTRY, StateDocuments::registry);
    return r.orElseGet(() -> updateRegistry(UnaryOperator.identity()));
  }

  @Override
  public AgentRegistry updateRegistry(UnaryOperator<AgentRegistry> change) {
    return update(
        REGISTRY,
        StateDocuments::registry,
        () -> AgentRegistry.defaults(Timestamps.now(clock)),
        change,
        StateDocuments::registry);
  }

  @Override
  public Optional<S3Allocation> allocation() {
    return read(ALLOCATION, StateDocuments::allocation);
  }

  @Override
  public void saveAllocation(S3Allocation allocation) {
    save(ALLOCATION, StateDocuments.allocation(allocation));
  }

  @Override
  public Optional<S4Environment> environment() {
    return read(ENVIRONMENT, StateDocuments::environment);
  }

  @Override
  public void saveEnvironment(S4Environment environment) {
    save(ENVIRONMENT, StateDocuments.environment(environment));
  }

  @Override
  public Optional<CoordinationPlan> coordinationPlan() {
    return read(PLAN, StateDocuments::plan);
  }

  @Override
  public void saveCoordinationPlan(CoordinationPlan plan) {
    save(PLAN, StateDocuments.plan(plan));
  }

  @Override
  public Optional<TaskPlan> taskPlan(String taskId) {
    return db.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT document::text FROM vsm.task_plan WHERE task_id = ?")) {
            s.setString(1, taskId);
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.<TaskPlan>empty();
              }
              try {
                return Optional.of(
                    TaskPlanDocuments.plan(
                        DocumentFields.of(Json.parse(r.getString(1)), "task plan " + taskId)));
              } catch (JacksonException | DocumentFields.WrongShape | IllegalArgumentException e) {
                throw new StateAccessException(
                    "team store "
                        + db.location()
                        + ": the plan of task "
                        + taskId
                        + " is unreadable ("
                        + e.getMessage()
                        + "): plan the task again",
                    e);
              }
            }
          }
        });
  }

  @Override
  public void saveTaskPlan(TaskPlan plan) {
    db.run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO vsm.task_plan (task_id, document, updated_at)"
                      + " VALUES (?, ?::jsonb, now()) ON CONFLICT (task_id) DO UPDATE"
                      + " SET document = excluded.document, updated_at = excluded.updated_at")) {
            s.setString(1, plan.taskId());
            s.setString(2, Json.text(TaskPlanDocuments.plan(plan)));
            s.executeUpdate();
          }
          return null;
        });
  }

  /**
   * A session-level advisory lock on the task, held on a connection of its own: the server drops it
   * when the connection closes, so a vsm killed on any machine leaves no claim behind.
   */
  @Override
  public Optional<TaskClaim> claimTask(String taskId) {
    Connection c = db.hold();
    boolean claimed = false;
    try (PreparedStatement s =
        c.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
      s.setString(1, CLAIM_PREFIX + taskId);
      try (ResultSet r = s.executeQuery()) {
        claimed = r.next() && r.getBoolean(1);
      }
    } catch (SQLException e) {
      db.release(c, false);
      throw db.failure(e);
    }
    if (!claimed) {
      db.release(c, true);
      return Optional.empty();
    }
    return Optional.of(
        () -> {
          boolean healthy = false;
          try (PreparedStatement s =
              c.prepareStatement("SELECT pg_advisory_unlock(hashtextextended(?, 0))")) {
            s.setString(1, CLAIM_PREFIX + taskId);
            s.execute();
            healthy = true;
          } catch (SQLException e) {
            // The connection is gone, and the lock with it.
          } finally {
            db.release(c, healthy);
          }
        });
  }

  /** All documents from one statement, so the parts belong to one moment. */
  @Override
  public StateSnapshot snapshot() {
    return db.run(
        c -> {
          Map<String, String> texts = new HashMap<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT name, document::text FROM vsm.state_document");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              texts.put(r.getString(1), r.getString(2));
            }
          }
          Optional<ViabilityMetrics> metrics =
              decode(c, METRICS, texts.get(METRICS), StateDocuments::metrics);
          return new StateSnapshot(
              decode(c, CURRENT_TASK, texts.get(CURRENT_TASK), StateDocuments::task),
              metrics.orElseGet(ViabilityMetrics::defaults),
              metrics.isPresent(),
              decode(c, REGISTRY, texts.get(REGISTRY), StateDocuments::registry),
              decode(c, ALLOCATION, texts.get(ALLOCATION), StateDocuments::allocation),
              decode(c, ENVIRONMENT, texts.get(ENVIRONMENT), StateDocuments::environment),
              decode(c, PLAN, texts.get(PLAN), StateDocuments::plan));
        });
  }

  @Override
  public List<String> reset() {
    return db.run(
        c -> {
          List<String> removed = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "UPDATE vsm.state_document SET document = NULL, updated_at = now()"
                          + " WHERE document IS NOT NULL RETURNING name");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              removed.add(r.getString(1) + " in " + db.location());
            }
          }
          try (PreparedStatement s =
                  c.prepareStatement("DELETE FROM vsm.task_plan RETURNING task_id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              removed.add("the plan of task " + r.getString(1) + " in " + db.location());
            }
          }
          return removed;
        });
  }
}
