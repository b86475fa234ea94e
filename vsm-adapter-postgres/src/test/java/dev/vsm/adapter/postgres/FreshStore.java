package dev.vsm.adapter.postgres;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new empty database on the shared test server for each test, opened as a team store (closed
 * after the test); its warnings are collected. Use with {@code @RegisterExtension}.
 */
final class FreshStore implements BeforeEachCallback, AfterEachCallback {

  private final List<String> warnings = new ArrayList<>();
  private String url;
  private PostgresStore store;

  @Override
  public void beforeEach(ExtensionContext context) {
    warnings.clear();
    url = LocalPostgres.shared().freshDatabase();
    store = PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), warnings::add);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    store.close();
  }

  PostgresStore store() {
    return store;
  }

  /** The store's URL (with its password), to open it again as another process would. */
  String url() {
    return url;
  }

  /** The database's name on the shared server. */
  String database() {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  List<String> warnings() {
    return warnings;
  }
}
