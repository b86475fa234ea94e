package dev.vsm.adapter.postgres;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.testing.AbstractStateStoreContract;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The state store contract against a real PostgreSQL server, a new database per test. */
class PostgresStateStoreTest extends AbstractStateStoreContract {

  private PostgresStore pg;

  @BeforeEach
  void newDatabase() {
    pg =
        PostgresAdapters.open(
            LocalPostgres.shared().freshDatabase(), Map.of(), Clock.systemUTC(), m -> {});
  }

  @AfterEach
  void close() {
    pg.close();
  }

  @Override
  protected StateStore store() {
    return pg.stateStore();
  }
}
