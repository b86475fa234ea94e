package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Moving history in reads what the store holds and writes what it lacks; {@link
 * PostgresStore#atomically} makes that one transaction. Each test stops a move between its read and
 * its write, lets another process's write start, and checks that the other write waited for the
 * move instead of slipping in between (which would duplicate entries or lose a cycle's update).
 */
class AtomicImportTest {

  private static final LocalPostgres PG = LocalPostgres.shared();
  @RegisterExtension final FreshStore fresh = new FreshStore();
  private PostgresStore mover;
  private PostgresStore other;
  private final CountDownLatch moverHasRead = new CountDownLatch(1);
  private final CountDownLatch moverMayWrite = new CountDownLatch(1);

  @BeforeEach
  void open() {
    mover = fresh.store();
    other = PostgresAdapters.open(fresh.url(), Map.of(), Clock.systemUTC(), m -> {});
  }

  @AfterEach
  void close() {
    other.close();
  }

  /** Between a move's read and its write: says it has read, waits to be let on. */
  private void pauseMover() {
    moverHasRead.countDown();
    try {
      assertThat(moverMayWrite.await(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts {@code otherWrite} while the move is paused, lets the move on once the other write is
   * waiting for a lock (or has finished: then nothing made it wait), and returns both results.
   */
  private <A, B> Map.Entry<A, B> race(Supplier<A> move, Supplier<B> otherWrite) throws Exception {
    CompletableFuture<A> moved = CompletableFuture.supplyAsync(move);
    assertThat(moverHasRead.await(60, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<B> wrote = CompletableFuture.supplyAsync(otherWrite);
    while (!wrote.isDone() && !someoneWaitsForALock()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    moverMayWrite.countDown();
    return Map.entry(moved.get(60, TimeUnit.SECONDS), wrote.get(60, TimeUnit.SECONDS));
  }

  private boolean someoneWaitsForALock() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + PG.port() + "/postgres",
                LocalPostgres.USER,
                PG.password());
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ?"
                    + " AND wait_event_type = 'Lock'")) {
      s.setString(1, fresh.database());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1) > 0;
      }
    }
  }

  private static InMemoryExecutionLog aDevelopersLog() {
    InMemoryExecutionLog log = new InMemoryExecutionLog();
    for (int i = 0; i < 10; i++) {
      log.append(
          LogEntry.of(
              "2026-01-15T10:00:0" + i + "Z",
              EventType.STATE_CHANGED,
              "t1",
              null,
              Map.of("n", i),
              "developer-session"));
    }
    return log;
  }

  /** As vsm store import does: the entries of the log's session the store lacks, appended. */
  private static long importOnce(PostgresStore store, InMemoryExecutionLog log, Runnable between) {
    return store.atomically(
        () -> {
          int held = store.executionLog("import").readSession("developer-session").size();
          between.run();
          return held == 0 ? store.importLog(log) : 0L;
        });
  }

  @Test
  void two_imports_of_one_log_at_once_append_its_entries_once() throws Exception {
    InMemoryExecutionLog log = aDevelopersLog();

    Map.Entry<Long, Long> appended =
        race(
            () -> importOnce(mover, log, this::pauseMover), () -> importOnce(other, log, () -> {}));

    assertThat(appended.getKey()).isEqualTo(10);
    assertThat(appended.getValue()).as("the second import saw the first one's entries").isZero();
    assertThat(mover.executionLog("x").readAll()).hasSize(10);
  }

  @Test
  void a_cycles_metrics_update_during_an_import_is_kept_on_top_of_the_imported_metrics()
      throws Exception {
    ViabilityMetrics imported =
        ViabilityMetrics.defaults().withTaskCompletion(false, "2026-01-15T10:00:00Z");

    race(
        () ->
            mover.atomically(
                () -> {
                  boolean storeHasMetrics = mover.stateStore().snapshot().metricsRecorded();
                  pauseMover();
                  return storeHasMetrics ? null : mover.stateStore().updateMetrics(m -> imported);
                }),
        () ->
            other
                .stateStore()
                .updateMetrics(m -> m.withTaskCompletion(true, "2026-01-15T11:00:00Z")));

    ViabilityMetrics result = mover.stateStore().metrics();
    assertThat(result.lastUpdated()).isEqualTo("2026-01-15T11:00:00Z");
    assertThat(result.completionRate())
        .isEqualTo(imported.withTaskCompletion(true, "x").completionRate());
  }
}
