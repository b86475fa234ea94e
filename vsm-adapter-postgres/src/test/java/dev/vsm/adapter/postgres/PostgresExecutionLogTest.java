package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.testing.AbstractExecutionLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The execution log contract against a real PostgreSQL server, a new database per test. */
class PostgresExecutionLogTest extends AbstractExecutionLogContract {

  @RegisterExtension final FreshStore pg = new FreshStore();

  @Override
  protected ExecutionLog log() {
    return pg.store().executionLog("abcdef123456");
  }
}
