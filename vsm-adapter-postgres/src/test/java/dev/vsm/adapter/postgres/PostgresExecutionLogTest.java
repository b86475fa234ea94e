package dev.vsm.adapter.postgres;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.testing.AbstractExecutionLogContract;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The execution log contract against a real PostgreSQL server, a new database per test. */
class PostgresExecutionLogTest extends AbstractExecutionLogContract {

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
  protected ExecutionLog log() {
    return pg.executionLog("abcdef123456");
  }
}
