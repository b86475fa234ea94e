package dev.vsm.adapter.cli;

import dev.vsm.adapter.postgres.PostgresAdapters;
import dev.vsm.adapter.postgres.PostgresStore;
import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.library.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team store (PostgreSQL) named by {@code --store} or {@code VSM_STORE}, plugged into the
 * library's {@link Store}; and {@code vsm store}'s work on it. Nothing connects, and a bad URL is
 * no error, until state or log are first used, so {@code vsm analyze} never needs the store.
 */
final class TeamStore {

  /** The environment variable naming the team store when {@code --store} is not given. */
  static final String STORE_VARIABLE = "VSM_STORE";

  private final String storeUrl;
  private final String storeOrigin;
  private final Map<String, String> environment;
  private final Diagnostics diagnostics;
  private PostgresStore store;

  /** {@code store}: the {@code --store} URL, or null for {@code $VSM_STORE}, else the files. */
  TeamStore(String store, Map<String, String> environment, Diagnostics diagnostics) {
    String url = store != null ? store : environment.get(STORE_VARIABLE);
    this.storeUrl = url == null || url.isBlank() ? null : url;
    this.storeOrigin = store != null ? "--store" : STORE_VARIABLE;
    this.environment = environment;
    this.diagnostics = diagnostics;
  }

  /** The team store for the library, or null when state and log live in the files. */
  Store asStore() {
    return storeUrl == null
        ? null
        : Store.of(() -> open().stateStore(), s -> open().executionLog(s));
  }

  private synchronized PostgresStore open() {
    if (store == null) {
      if (!PostgresAdapters.isStoreUrl(storeUrl)) {
        throw new UsageException(
            storeOrigin
                + " takes a PostgreSQL URL, postgresql://USER@HOST:PORT/DATABASE (leave it out"
                + " for the state files in the working directory)");
      }
      try {
        store = PostgresAdapters.open(storeUrl, environment, Clock.systemUTC(), diagnostics);
      } catch (IllegalArgumentException e) {
        throw new UsageException(storeOrigin + ": " + e.getMessage());
      }
    }
    return store;
  }

  /** The team store this run uses; a usage error when there is none. */
  private PostgresStore required() {
    if (storeUrl == null) {
      throw new UsageException(
          "no team store given: add --store postgresql://USER@HOST/DB or set " + STORE_VARIABLE);
    }
    return open();
  }

  /** The team store's URL without its password, or empty when state lives in the files. */
  Optional<String> location() {
    return storeUrl == null ? Optional.empty() : Optional.of(open().location());
  }

  /** What {@code vsm doctor} says of a team store. */
  record StoreHealth(
      String location,
      boolean reachable,
      String serverVersion,
      int schemaVersion,
      int expectedSchemaVersion,
      String problem) {}

  /** The team store's health (connects, reads the schema version); empty with the files. */
  Optional<StoreHealth> health() {
    if (storeUrl == null) {
      return Optional.empty();
    }
    PostgresStore.Status s = open().check();
    return Optional.of(
        new StoreHealth(
            s.location(),
            s.reachable(),
            s.serverVersion(),
            s.schemaVersion(),
            s.expectedSchemaVersion(),
            s.problem()));
  }

  /** Brings the team store's schema up to date; returns the versions applied now. */
  List<Integer> migrate() {
    return required().migrate();
  }

  /**
   * The state files and log of {@code dir} into the team store, as one transaction: what the store
   * lacks is read and written with no other import or cycle writing in between.
   */
  StoreTransfer.Result importFrom(Path dir, boolean replace) {
    PostgresStore pg = required();
    Store files = Store.files(dir, diagnostics);
    return pg.atomically(
        () ->
            StoreTransfer.copy(
                new StoreTransfer.Side(
                    Store.filesDirectory(dir).toString(),
                    files.stateStore(),
                    files.executionLog("import")),
                new StoreTransfer.Side(pg.location(), pg.stateStore(), pg.executionLog("import")),
                pg::importLog,
                replace));
  }

  /** The team store's documents and log into the state files of {@code dir}. */
  StoreTransfer.Result exportTo(Path dir, boolean replace) {
    PostgresStore pg = required();
    Store files = Store.files(dir, diagnostics);
    ExecutionLog log = files.executionLog("export");
    return StoreTransfer.copy(
        new StoreTransfer.Side(pg.location(), pg.stateStore(), pg.executionLog("export")),
        new StoreTransfer.Side(Store.filesDirectory(dir).toString(), files.stateStore(), log),
        StoreTransfer.appendingTo(log),
        replace);
  }
}
