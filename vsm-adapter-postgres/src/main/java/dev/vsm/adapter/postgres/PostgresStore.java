package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.log.LogEntry;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A team store in one PostgreSQL database: the state store and execution log ports, the schema's
 * migrations and a health check. The schema is brought up to date on first use.
 */
public final class PostgresStore implements AutoCloseable {

  /**
   * What {@link #check()} found: reachable or not, and at which schema version; {@code problem}
   * says what is wrong (without the location) or is null.
   */
  public record Status(
      String location,
      boolean reachable,
      String serverVersion,
      int schemaVersion,
      int expectedSchemaVersion,
      String problem) {

    /** Reachable, and at the schema version this vsm expects. */
    public boolean healthy() {
      return reachable && problem == null && schemaVersion == expectedSchemaVersion;
    }
  }

  private final Database db;
  private final Clock clock;
  private final Diagnostics diagnostics;
  private volatile boolean schemaChecked;

  PostgresStore(Database db, Clock clock, Diagnostics diagnostics) {
    this.db = db;
    this.clock = clock;
    this.diagnostics = diagnostics;
  }

  Database database() {
    return db;
  }

  /** The store's URL without its password, for messages. */
  public String location() {
    return db.location().toString();
  }

  public StateStore stateStore() {
    ensureSchema();
    return new PostgresStateStore(db, clock, diagnostics);
  }

  public ExecutionLog executionLog(String sessionId) {
    ensureSchema();
    return new PostgresExecutionLog(db, sessionId);
  }

  /**
   * Appends every entry of {@code source} (a file log joining the team's) in batches, as one
   * transaction; their session ids are kept. Returns how many were appended.
   */
  public long importLog(ExecutionLog source) {
    return importLog(source, e -> true);
  }

  /** Like {@link #importLog(ExecutionLog)}, only the entries {@code which} accepts. */
  public long importLog(ExecutionLog source, Predicate<LogEntry> which) {
    ensureSchema();
    return new PostgresExecutionLog(db, "").appendAll(source, which);
  }

  /**
   * Runs {@code work} (this store's ports, used by the calling thread) as one transaction that
   * first locks every state document: moving history in, which reads what the store holds and
   * writes what it lacks, then sees no other move and no cycle's write between its read and its
   * write. Cycles writing state meanwhile wait for it; reading goes on.
   */
  public <T> T atomically(Supplier<T> work) {
    ensureSchema();
    return db.joined(
        c -> {
          // In name order, so two of these never wait for each other's rows.
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT name FROM vsm.state_document ORDER BY name FOR UPDATE");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              // Locked.
            }
          }
          return null;
        },
        work);
  }

  /** Applies the migrations this vsm ships that the database lacks; returns their versions. */
  public List<Integer> migrate() {
    List<Integer> applied = SchemaMigrations.migrate(db);
    schemaChecked = true;
    return applied;
  }

  /** Connects and reads the schema version; never throws for an unreachable store. */
  public Status check() {
    try {
      return db.run(
          c -> {
            DatabaseMetaData meta = c.getMetaData();
            int version = SchemaMigrations.currentVersion(c);
            String problem = null;
            if (version > SchemaMigrations.LATEST) {
              problem = SchemaMigrations.tooNew(db, version).getMessage();
            } else if (version < SchemaMigrations.LATEST) {
              problem =
                  "schema version "
                      + version
                      + " of "
                      + SchemaMigrations.LATEST
                      + ": run vsm store migrate (or any vsm command) to bring it up to date";
            }
            return new Status(
                location(),
                true,
                meta.getDatabaseProductVersion(),
                version,
                SchemaMigrations.LATEST,
                problem);
          });
    } catch (StateAccessException e) {
      String prefix = "team store " + location() + ": ";
      String problem = e.getMessage();
      return new Status(
          location(),
          false,
          null,
          0,
          SchemaMigrations.LATEST,
          problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem);
    }
  }

  /** Once per store: migrates a database behind this vsm, refuses one ahead of it. */
  private void ensureSchema() {
    if (schemaChecked) {
      return;
    }
    synchronized (this) {
      if (schemaChecked) {
        return;
      }
      int version = db.run(SchemaMigrations::currentVersion);
      if (version > SchemaMigrations.LATEST) {
        throw SchemaMigrations.tooNew(db, version);
      }
      if (version < SchemaMigrations.LATEST) {
        SchemaMigrations.migrate(db);
      }
      schemaChecked = true;
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
