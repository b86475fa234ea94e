package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.application.port.out.StateAccessException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The schema: created on first use, once even when several processes start at once, versioned. */
class SchemaMigrationsTest {

  private static final LocalPostgres PG = LocalPostgres.shared();

  private static PostgresStore open(String url) {
    return PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), m -> {});
  }

  private static String name(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  @Test
  void an_empty_database_is_migrated_on_first_use_and_then_reports_healthy() {
    String url = PG.freshDatabase();
    try (PostgresStore store = open(url)) {
      PostgresStore.Status before = store.check();
      assertThat(before.reachable()).isTrue();
      assertThat(before.schemaVersion()).isZero();
      assertThat(before.healthy()).isFalse();
      assertThat(before.problem()).contains("vsm store migrate");

      store.stateStore().metrics();

      PostgresStore.Status after = store.check();
      assertThat(after.healthy()).isTrue();
      assertThat(after.schemaVersion()).isEqualTo(SchemaMigrations.LATEST);
      assertThat(after.serverVersion()).isNotBlank();
      assertThat(store.migrate()).isEmpty();
    }
  }

  @Test
  void explicit_migrate_applies_every_version_once() {
    try (PostgresStore store = open(PG.freshDatabase())) {
      assertThat(store.migrate()).hasSize(SchemaMigrations.LATEST).startsWith(1);
      assertThat(store.migrate()).isEmpty();
    }
  }

  @Test
  void a_database_an_older_vsm_left_is_brought_up_to_date_keeping_its_data() {
    String url = PG.freshDatabase();
    try (PostgresStore older = open(url)) {
      SchemaMigrations.migrate(older.database(), 1);
      assertThat(older.check().schemaVersion()).isEqualTo(1);
    }
    PG.execute(
        name(url),
        "INSERT INTO vsm.execution_log (entry) VALUES ('{\"timestamp\": \"T\","
            + " \"event_type\": \"task_started\", \"task_id\": \"t1\", \"data\": {},"
            + " \"session_id\": \"s\"}')");

    try (PostgresStore newer = open(url)) {
      assertThat(newer.executionLog("x").readTask("t1")).hasSize(1);
      assertThat(newer.check().schemaVersion()).isEqualTo(SchemaMigrations.LATEST);
      assertThat(newer.migrate()).isEmpty();
    }
  }

  @Test
  void processes_starting_at_once_on_an_empty_database_migrate_it_exactly_once() throws Exception {
    String url = PG.freshDatabase();
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> done = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                try (PostgresStore store = open(url)) {
                  return store.migrate();
                }
              }));
    }
    start.countDown();
    List<Integer> applied = new ArrayList<>();
    for (Future<List<Integer>> f : done) {
      applied.addAll(f.get());
    }
    pool.shutdown();

    assertThat(applied).hasSize(SchemaMigrations.LATEST).doesNotHaveDuplicates();
  }

  @Test
  void a_schema_newer_than_this_vsm_is_refused_not_used() {
    String url = PG.freshDatabase();
    try (PostgresStore store = open(url)) {
      store.migrate();
    }
    PG.execute(
        name(url),
        "INSERT INTO vsm.schema_version (version, description, checksum) VALUES ("
            + (SchemaMigrations.LATEST + 1)
            + ", 'from the future', 'x')");

    try (PostgresStore store = open(url)) {
      assertThatThrownBy(store::stateStore)
          .isInstanceOf(StateAccessException.class)
          .hasMessageContaining("upgrade vsm");
      assertThat(store.check().healthy()).isFalse();
      assertThat(store.check().problem()).contains("upgrade vsm");
    }
  }

  @Test
  void a_migration_changed_after_it_was_applied_is_reported() {
    String url = PG.freshDatabase();
    try (PostgresStore store = open(url)) {
      store.migrate();
    }
    PG.execute(name(url), "UPDATE vsm.schema_version SET checksum = 'edited' WHERE version = 1");

    try (PostgresStore store = open(url)) {
      assertThatThrownBy(store::migrate)
          .isInstanceOf(StateAccessException.class)
          .hasMessageContaining("schema version 1 was applied from a different script");
    }
  }

  @Test
  void an_unreachable_store_is_reported_by_check_without_throwing() throws Exception {
    int closedPort = LocalPostgres.freePort();
    try (PostgresStore store = open("postgresql://u:pw@127.0.0.1:" + closedPort + "/x")) {
      PostgresStore.Status status = store.check();
      assertThat(status.reachable()).isFalse();
      assertThat(status.location()).isEqualTo("postgresql://u@127.0.0.1:" + closedPort + "/x");
      assertThat(status.problem()).contains("is the server running");
    }
  }
}
