package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.StateAccessException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store's schema, versioned: numbered SQL scripts shipped in the jar, applied in order, each
 * recorded in {@code vsm.schema_version} with its checksum. All pending scripts run in one
 * transaction under an advisory lock, so two vsm processes migrating at once apply each script once
 * and a failed script leaves nothing half done (PostgreSQL's DDL is transactional). A database
 * whose schema is newer than this vsm, or whose applied script differs from the shipped one, is
 * refused.
 */
final class SchemaMigrations {

  /** The shipped scripts, oldest first: {@code V<version>__<description>.sql}. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__state_documents_and_execution_log.sql",
          "V2__event_type_index.sql",
          "V3__task_plans.sql",
          "V4__task_history.sql");

  static final int LATEST = SCRIPTS.size();

  /** Any constant unique to vsm: the key of the advisory lock migrators take. */
  private static final long LOCK_KEY = 0x76736d5f736368L; // "vsm_sch"

  private SchemaMigrations() {}

  /** The version the database is at: 0 when vsm's schema is not there. */
  static int currentVersion(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT to_regclass('vsm.schema_version') IS NOT NULL")) {
      try (ResultSet r = s.executeQuery()) {
        r.next();
        if (!r.getBoolean(1)) {
          return 0;
        }
      }
    }
    try (PreparedStatement s =
            c.prepareStatement("SELECT coalesce(max(version), 0) FROM vsm.schema_version");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getInt(1);
    }
  }

  /** Brings the schema to {@link #LATEST}; returns the versions applied now (none when current). */
  static List<Integer> migrate(Database db) {
    return migrate(db, LATEST);
  }

  /** Brings the schema to {@code target} (tests: a database an older vsm left). */
  static List<Integer> migrate(Database db, int target) {
    return db.transaction(
        c -> {
          try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            lock.execute();
          }
          execute(c, "CREATE SCHEMA IF NOT EXISTS vsm");
          execute(
              c,
              "CREATE TABLE IF NOT EXISTS vsm.schema_version ("
                  + " version integer PRIMARY KEY,"
                  + " description text NOT NULL,"
                  + " checksum text NOT NULL,"
                  + " applied_at timestamptz NOT NULL DEFAULT now())");
          Map<Integer, String> applied = new TreeMap<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT version, checksum FROM vsm.schema_version");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              applied.put(r.getInt(1), r.getString(2));
            }
          }
          int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
          if (newest > LATEST) {
            throw tooNew(db, newest);
          }
          List<Integer> now = new java.util.ArrayList<>();
          for (int version = 1; version <= target; version++) {
            String script = SCRIPTS.get(version - 1);
            String sql = read(script);
            String checksum = sha256(sql);
            String was = applied.get(version);
            if (was != null) {
              if (!was.equals(checksum)) {
                throw new StateAccessException(
                    "team store "
                        + db.location()
                        + ": schema version "
                        + version
                        + " was applied from a different script than this vsm ships ("
                        + script
                        + "); the schema was changed by hand or by another build",
                    null);
              }
              continue;
            }
            execute(c, sql);
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO vsm.schema_version (version, description, checksum)"
                        + " VALUES (?, ?, ?)")) {
              s.setInt(1, version);
              s.setString(2, description(script));
              s.setString(3, checksum);
              s.executeUpdate();
            }
            now.add(version);
          }
          return now;
        });
  }

  static StateAccessException tooNew(Database db, int version) {
    return new StateAccessException(
        "team store "
            + db.location()
            + " has schema version "
            + version
            + "; this vsm knows versions up to "
            + LATEST
            + " (upgrade vsm)",
        null);
  }

  /** Runs a constant statement or script; the scripts take no parameters. */
  private static void execute(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.execute();
    }
  }

  private static String description(String script) {
    return script.substring(script.indexOf("__") + 2, script.lastIndexOf('.')).replace('_', ' ');
  }

  private static String read(String script) {
    try (InputStream in = SchemaMigrations.class.getResourceAsStream("migration/" + script)) {
      if (in == null) {
        throw new IllegalStateException("migration " + script + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + script, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
