package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the password comes from, and that it never appears in a message or a log. */
class CredentialsTest {

  private static final LocalPostgres PG = LocalPostgres.shared();
  @TempDir Path home;

  private String database() {
    String url = PG.freshDatabase();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private static boolean works(PostgresStore store) {
    try (store) {
      return store.stateStore().metrics() != null;
    }
  }

  @Test
  void the_password_may_come_from_the_url_pgpassword_or_the_password_file() throws IOException {
    String db = database();
    String bare = PG.urlWithoutPassword(db);
    String user = LocalPostgres.USER;

    assertThat(
            works(
                PostgresAdapters.open(
                    PG.url(db), Map.of("HOME", home.toString()), Clock.systemUTC(), m -> {})))
        .isTrue();
    assertThat(
            works(
                PostgresAdapters.open(
                    bare,
                    Map.of("HOME", home.toString(), "PGUSER", user, "PGPASSWORD", PG.password()),
                    Clock.systemUTC(),
                    m -> {})))
        .isTrue();
    Path pgpass = home.resolve(".pgpass");
    Files.writeString(pgpass, "127.0.0.1:" + PG.port() + ":*:" + user + ":" + PG.password() + "\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    assertThat(
            works(
                PostgresAdapters.open(
                    bare,
                    Map.of("HOME", home.toString(), "PGUSER", user),
                    Clock.systemUTC(),
                    m -> {})))
        .isTrue();
  }

  @Test
  void a_wrong_password_never_appears_in_the_error_the_warnings_or_the_driver_log() {
    String wrong = "Wr0ngPassw0rd-" + System.nanoTime();
    String url =
        "postgresql://"
            + LocalPostgres.USER
            + ":"
            + wrong
            + "@127.0.0.1:"
            + PG.port()
            + "/postgres";
    List<String> warnings = new ArrayList<>();
    List<String> driverLog = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            driverLog.add(
                r.getMessage()
                    + " "
                    + java.util.Arrays.toString(r.getParameters())
                    + " "
                    + r.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    // Even with the driver's own logging turned all the way up, the password does not show.
    Level before = Database.DRIVER_LOG.getLevel();
    Database.DRIVER_LOG.setLevel(Level.ALL);
    Database.DRIVER_LOG.addHandler(capture);
    Throwable thrown;
    try (PostgresStore store =
        PostgresAdapters.open(
            url, Map.of("HOME", home.toString()), Clock.systemUTC(), warnings::add)) {
      thrown = catchThrowable(() -> store.executionLog("s").append(entry(wrong)));
      PostgresStore.Status status = store.check();
      assertThat(status.reachable()).isFalse();
      assertThat(status.problem()).doesNotContain(wrong).contains("password");
    } finally {
      Database.DRIVER_LOG.removeHandler(capture);
      Database.DRIVER_LOG.setLevel(before);
    }

    assertThat(thrown)
        .isInstanceOf(StateAccessException.class)
        .hasMessageContaining("postgresql://" + LocalPostgres.USER + "@127.0.0.1:" + PG.port())
        .hasMessageContaining("check the user and password");
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(wrong);
    assertThat(warnings).noneMatch(w -> w.contains(wrong));
    assertThat(driverLog).isNotEmpty().noneMatch(l -> l.contains(wrong));
  }

  @Test
  void no_password_anywhere_says_where_to_put_one() {
    PostgresStore store =
        PostgresAdapters.open(
            PG.urlWithoutPassword("postgres"),
            Map.of("HOME", home.toString(), "PGUSER", LocalPostgres.USER),
            Clock.systemUTC(),
            m -> {});
    Throwable thrown = catchThrowable(store::stateStore);
    store.close();

    assertThat(thrown)
        .isInstanceOf(StateAccessException.class)
        .hasMessageContaining("no password was found")
        .hasMessageContaining("PGPASSWORD or ~/.pgpass");
  }

  private static LogEntry entry(String text) {
    return LogEntry.of(
        "2026-01-15T10:00:00Z", EventType.TASK_STARTED, "t", null, Map.of("x", text), "s");
  }
}
