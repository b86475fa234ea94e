package dev.vsm.adapter.postgres.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests and benchmarks: Debian's {@code postgresql} binaries
 * ({@code initdb}, {@code pg_ctl}) run on a free loopback port in a temporary directory, with a
 * random password, and stopped when the JVM exits. PostgreSQL refuses to run as root, so under root
 * (CI) the server runs as the {@code postgres} account the Debian package creates.
 *
 * <p>Binaries: {@code $VSM_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}, else {@code
 * initdb} on the PATH.
 */
public final class LocalPostgres {

  public static final String USER = "vsm_test";

  private static LocalPostgres shared;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String password;
  private final boolean asPostgresUser;

  private LocalPostgres(Path bin, Path dir, int port, String password, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.password = password;
    this.asPostgresUser = asPostgresUser;
  }

  /** One server for the whole JVM (test speed: fsync off), started on first use. */
  public static synchronized LocalPostgres shared() {
    if (shared == null) {
      shared = start(false);
      LocalPostgres s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "local-postgres-stop"));
    }
    return shared;
  }

  /**
   * A new server. {@code durable}: PostgreSQL's default settings (fsync and synchronous commit on),
   * as a team's server runs, for benchmarks; otherwise the test-speed settings.
   */
  public static LocalPostgres start(boolean durable) {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path dir = Files.createTempDirectory("vsm-pg-");
      String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
      Path pwfile = dir.resolve("pw");
      Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
      if (root) {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        try {
          Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
          Files.setOwner(pwfile, users.lookupPrincipalByName("postgres"));
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
          throw new IllegalStateException(
              "PostgreSQL does not run as root and there is no 'postgres' account:"
                  + " install Debian's postgresql package (apt-get install postgresql)");
        }
      }
      LocalPostgres pg = null;
      IOException last = null;
      for (int attempt = 0; attempt < 3 && pg == null; attempt++) {
        int port = freePort();
        LocalPostgres candidate = new LocalPostgres(bin, dir, port, password, root);
        if (attempt == 0) {
          candidate.run(
              "initdb",
              "-D",
              dir.resolve("data").toString(),
              "-U",
              USER,
              "--pwfile=" + pwfile,
              "-A",
              "scram-sha-256",
              "-E",
              "UTF8",
              "--locale=C",
              "--no-sync");
        }
        List<String> options = new ArrayList<>();
        options.add("-p " + port);
        options.add("-k " + dir);
        options.add("-c listen_addresses=127.0.0.1");
        if (!durable) {
          options.add("-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        try {
          candidate.run(
              "pg_ctl",
              "-D",
              dir.resolve("data").toString(),
              "-l",
              dir.resolve("server.log").toString(),
              "-w",
              "-t",
              "60",
              "-o",
              String.join(" ", options),
              "start");
          pg = candidate;
        } catch (IOException e) {
          last = e; // most likely the port was taken meanwhile: try another
        }
      }
      if (pg == null) {
        throw new IllegalStateException("cannot start PostgreSQL: " + last.getMessage(), last);
      }
      return pg;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** A store URL for {@code database}, with the password in it. */
  public String url(String database) {
    return "postgresql://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + database;
  }

  /** A store URL for {@code database} without credentials: they come from elsewhere. */
  public String urlWithoutPassword(String database) {
    return "postgresql://127.0.0.1:" + port + "/" + database;
  }

  public int port() {
    return port;
  }

  public String password() {
    return password;
  }

  /** Creates a new empty database and returns its store URL. */
  public String freshDatabase() {
    String name = "vsm_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    execute("CREATE DATABASE " + name);
    return url(name);
  }

  /** Runs a statement of test set-up as the superuser, in database {@code postgres}. */
  public void execute(String sql) {
    execute("postgres", sql);
  }

  public void execute(String database, String sql) {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Stops the server at once and deletes its directory. */
  public synchronized void stop() {
    try {
      run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } catch (IOException e) {
      // Already stopped.
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory: the system cleans it eventually.
    }
  }

  private void run(String program, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("vsm-pg-run", ".out");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(program + " did not finish in 120 s");
      }
      if (p.exitValue() != 0) {
        String log = "";
        Path serverLog = dir.resolve("server.log");
        if (Files.exists(serverLog)) {
          log = "; server log: " + Files.readString(serverLog);
        }
        throw new IOException(
            program + " exited " + p.exitValue() + ": " + Files.readString(out).strip() + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** A loopback port nothing listens on (at the moment of asking): a store that is down. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Path binaries() {
    String configured = System.getenv("VSM_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        var newest =
            versions
                .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                .max(Comparator.comparingInt(LocalPostgres::versionNumber));
        if (newest.isPresent()) {
          return newest.get().resolve("bin");
        }
      } catch (IOException e) {
        // Fall through to the PATH.
      }
    }
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, "initdb"))) {
        return Path.of(d);
      }
    }
    throw new IllegalStateException(
        "no PostgreSQL server binaries (initdb, pg_ctl) found: install them"
            + " (Debian: apt-get install postgresql) or set VSM_PG_BIN to their directory");
  }

  private static int versionNumber(Path p) {
    try {
      return Integer.parseInt(p.getFileName().toString().toLowerCase(Locale.ROOT));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
