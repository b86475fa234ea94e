package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.testing.AbstractStateStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The state store contract against a real PostgreSQL server, a new database per test. */
class PostgresStateStoreTest extends AbstractStateStoreContract {

  @RegisterExtension final FreshStore pg = new FreshStore();

  @Override
  protected StateStore store() {
    return pg.store().stateStore();
  }
}
