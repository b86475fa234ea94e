package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.Diagnostics;
import java.time.Clock;
import java.util.Map;

/** The one way in to the PostgreSQL adapter: a team store from its URL. */
public final class PostgresAdapters {

  private PostgresAdapters() {}

  /** Whether {@code location} names a PostgreSQL store ({@code postgresql://…}). */
  public static boolean isStoreUrl(String location) {
    return StoreLocation.isStoreUrl(location);
  }

  /**
   * The store at {@code url}, completed from {@code environment} ({@code PGHOST}, {@code PGPORT},
   * {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}, {@code PGPASSFILE}, {@code HOME}) and
   * the password file. Nothing connects until the store is first used.
   *
   * @throws IllegalArgumentException when the URL cannot be read (the message never quotes a
   *     password)
   */
  public static PostgresStore open(
      String url, Map<String, String> environment, Clock clock, Diagnostics diagnostics) {
    StoreLocation location =
        StoreLocation.parse(
            url,
            environment,
            new PasswordFile(StoreLocation.passwordFile(environment), diagnostics));
    return new PostgresStore(new Database(location), clock, diagnostics);
  }
}
