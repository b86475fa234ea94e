import dev.vsm.adapter.filesystem.FileSystemAdapters;
import dev.vsm.adapter.postgres.PostgresAdapters;
import dev.vsm.adapter.postgres.PostgresStore;
import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.service.RunCycleService;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.application.testing.SequentialIds;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The team store (PostgreSQL: a local server with its default, durable settings) next to the state
 * files, measured in one run: appends per second with 1 and 4 writer processes, a cycle's store
 * overhead, and reads of a generated log held by both. Then it writes WORKDIR/ready (a store URL
 * without password, the password file, the files' directory and a task id) and keeps the server up
 * until its standard input closes, for end-to-end timings of ./vsm.
 * Usage: TeamStore all WORKDIR ENTRIES [PER_WRITER]; the writers: TeamStore append KIND WHERE N ID.
 */
public final class TeamStore {

  public static void main(String[] args) throws Exception {
    if (args[0].equals("append")) {
      append(args[1], args[2], Integer.parseInt(args[3]), args[4]);
      return;
    }
    Path work = Path.of(args[1]);
    int entries = Integer.parseInt(args[2]);
    int perWriter = Integer.parseInt(args.length > 3 ? args[3] : "2000");
    LocalPostgres server = LocalPostgres.start(true);
    try {
      appends(server, work, perWriter);
      cycles(server, work);
      String url = reads(server, work, entries);
      Path pgpass = work.resolve("pgpass");
      Files.writeString(pgpass, "*:*:*:*:" + server.password() + "\n");
      Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      String bare = url.replace(":" + server.password() + "@", "@");
      Files.writeString(work.resolve("ready.tmp"), String.join("\n", bare, pgpass.toString(),
          work.resolve("reads").toString(), task(entries)) + "\n");
      Files.move(work.resolve("ready.tmp"), work.resolve("ready"));
      System.in.transferTo(java.io.OutputStream.nullOutputStream());
    } finally {
      server.stop();
    }
  }

  // Appends: child processes, JVM start-up included, as bench/append.sh measures the files.

  static void append(String kind, String location, int n, String id) {
    PostgresStore pg = null;
    ExecutionLog log;
    if (kind.equals("files")) {
      log = FileSystemAdapters.executionLog(Path.of(location), "writer" + id, m -> {});
    } else {
      pg = PostgresAdapters.open(location, Map.of(), Clock.systemUTC(), m -> {});
      log = pg.executionLog("writer" + id);
    }
    for (int i = 0; i < n; i++) {
      log.append(LogEntry.of(Instant.now().toString(), EventType.AGENT_COMPLETED, "task" + id,
          "s1-tester", Map.of("n", i, "success", true, "result_summary", "ok"), log.sessionId()));
    }
    if (pg != null) {
      pg.close();
    }
  }

  static void appends(LocalPostgres server, Path work, int per) throws Exception {
    System.out.println("appends (" + per + " per writer process, JVM start-up included):");
    for (int writers : new int[] {1, 4}) {
      Path dir = Files.createDirectories(work.resolve("append-" + writers));
      String url = server.freshDatabase();
      try (PostgresStore pg = PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), m -> {})) {
        pg.migrate();
      }
      double files = run("files", dir.toString(), writers, per);
      long fileCount = FileSystemAdapters.executionLog(dir, "x", m -> {}).readAll().size();
      double postgres = run("postgres", url, writers, per);
      long pgCount;
      try (PostgresStore pg = PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), m -> {})) {
        pgCount = pg.executionLog("x").recent(Integer.MAX_VALUE).size();
      }
      System.out.printf(Locale.ROOT, "  %d writer(s): files %6.0f entries/s (%d entries)   "
          + "postgres %6.0f entries/s (%d entries)%n", writers, fileCount / files, fileCount,
          pgCount / postgres, pgCount);
    }
  }

  /** Seconds for {@code writers} child processes appending {@code per} entries each. */
  static double run(String kind, String location, int writers, int per) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long t = System.nanoTime();
    List<Process> ps = new ArrayList<>();
    for (int w = 1; w <= writers; w++) {
      ps.add(new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          "TeamStore", "append", kind, location, String.valueOf(per), String.valueOf(w))
          .inheritIO().start());
    }
    for (Process p : ps) {
      if (p.waitFor() != 0) {
        throw new IllegalStateException(kind + " writer failed");
      }
    }
    return (System.nanoTime() - t) / 1e9;
  }

  // A cycle's store overhead: the same cycle (instant scripted agents) on each store.

  static void cycles(LocalPostgres server, Path work) throws Exception {
    int warmup = 100;
    int measured = 300;
    Path dir = Files.createDirectories(work.resolve("cycles"));
    double memory = cycleMedian(new InMemoryStateStore(), new InMemoryExecutionLog(), warmup, measured);
    double files = cycleMedian(FileSystemAdapters.stateStore(dir, Clock.systemUTC(), m -> {}),
        FileSystemAdapters.executionLog(dir, "bench", m -> {}), warmup, measured);
    double postgres;
    try (PostgresStore pg = PostgresAdapters.open(server.freshDatabase(), Map.of(), Clock.systemUTC(), m -> {})) {
      postgres = cycleMedian(pg.stateStore(), pg.executionLog("bench"), warmup, measured);
    }
    System.out.printf(Locale.ROOT, "cycle (S4, S3, S2, two S1, S3*; instant agents; median of %d after %d):%n"
        + "  in-memory %.2f ms   files %.2f ms (store +%.2f ms)   postgres %.2f ms (store +%.2f ms)%n",
        measured, warmup, memory, files, files - memory, postgres, postgres - memory);
  }

  static double cycleMedian(StateStore store, ExecutionLog log, int warmup, int measured) {
    RunCycleService service = new RunCycleService(store, log, new ScriptedAgentRunner(),
        Clock.systemUTC(), new SequentialIds(), ComplexityAnalyzer.withDefaults(), null);
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    double[] ms = new double[measured];
    for (int i = 0; i < warmup + measured; i++) {
      long t = System.nanoTime();
      service.run(RunCycleCommand.of("Add input validation to the login form", dir));
      if (i >= warmup) {
        ms[i - warmup] = (System.nanoTime() - t) / 1e6;
      }
    }
    Arrays.sort(ms);
    return ms[measured / 2];
  }

  // Log reads on the same generated log in both stores (bench/src/LogReads generates it).

  /** The task the read benchmarks ask about: one in the middle of the generated log. */
  static String task(int entries) {
    return String.format("%08x", entries / 2 / 16);
  }

  static String reads(LocalPostgres server, Path work, int entries) throws Exception {
    Path dir = Files.createDirectories(work.resolve("reads"));
    LogReads.generate(dir, entries);
    ExecutionLog files = FileSystemAdapters.executionLog(dir, "bench", m -> {});
    String url = server.freshDatabase();
    try (PostgresStore pg = PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), m -> {})) {
      long t = System.nanoTime();
      long loaded = pg.importLog(files);
      System.out.printf(Locale.ROOT, "log of %d entries: loaded into postgres in %.1f s%n", loaded,
          (System.nanoTime() - t) / 1e9);
      String database = url.substring(url.lastIndexOf('/') + 1);
      server.execute(database, "VACUUM ANALYZE vsm.execution_log");
      // What schema version 4 does once to a store that has a log: fold it into vsm.task_history.
      server.execute(database, "TRUNCATE vsm.task_history");
      t = System.nanoTime();
      server.execute(database, "SELECT vsm.task_history_fold(seq, entry) FROM vsm.execution_log"
          + " WHERE task_id <> '' AND event_type IN ('task_started', 'task_completed',"
          + " 'task_failed', 'agent_invoked', 'allocation_made', 'task_planned', 'task_resumed')"
          + " ORDER BY seq");
      System.out.printf(Locale.ROOT, "  its task history built by the schema 4 migration in %.1f s%n",
          (System.nanoTime() - t) / 1e9);
      server.execute(database, "VACUUM ANALYZE vsm.task_history");
      ExecutionLog postgres = pg.executionLog("bench");
      String task = task(entries);
      row("recent(20)   (log --log-count 20)", () -> files.recent(20).size(), () -> postgres.recent(20).size(), 15);
      row("readTask(id) (log --task ID)", () -> files.readTask(task).size(), () -> postgres.readTask(task).size(), 7);
      row("readSession(id) (log --session ID)", () -> files.readSession("bench" + task).size(),
          () -> postgres.readSession("bench" + task).size(), 7);
      row("taskSummary(id)", () -> files.taskSummary(task).status(), () -> postgres.taskSummary(task).status(), 7);
      row("task history (tasks)", () -> tasks(files), () -> tasks(postgres), 3);
      plans(server, database, task);
    }
    return url;
  }

  /**
   * The planner's plans (EXPLAIN ANALYZE) for the adapter's own statements on this log: the
   * statements are read from PostgresExecutionLog, so these are the queries vsm sends.
   */
  static void plans(LocalPostgres server, String database, String task) throws Exception {
    Class<?> log = Class.forName("dev.vsm.adapter.postgres.PostgresExecutionLog");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, LocalPostgres.USER,
        server.password())) {
      plan(c, "log -n 20", statement(log, "RECENT"), 20);
      plan(c, "log --task " + task, statement(log, "BY_TASK"), task);
      plan(c, "log --session bench" + task, statement(log, "OF_SESSIONS"),
          c.createArrayOf("text", new String[] {"bench" + task}));
      plan(c, "tasks", statement(log, "TASKS"), null);
    }
  }

  static String statement(Class<?> log, String name) throws Exception {
    java.lang.reflect.Field f = log.getDeclaredField(name);
    f.setAccessible(true);
    return (String) f.get(null);
  }

  static void plan(java.sql.Connection c, String what, String sql, Object parameter) throws Exception {
    try (java.sql.PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) " + sql)) {
      if (parameter != null) {
        s.setObject(1, parameter);
      }
      System.out.println("  plan of " + what + ":");
      try (java.sql.ResultSet r = s.executeQuery()) {
        while (r.next()) {
          System.out.println("    " + r.getString(1));
        }
      }
    }
  }

  /** What vsm tasks reads: the files fold the log; the team store reads the fold it keeps. */
  static Object tasks(ExecutionLog log) {
    return log.taskHistory();
  }

  static void row(String what, Supplier<Object> files, Supplier<Object> postgres, int runs) {
    if (!files.get().equals(postgres.get())) {
      throw new IllegalStateException(what + ": the stores disagree");
    }
    System.out.printf(Locale.ROOT, "  %-36s files %9.2f ms   postgres %9.2f ms%n", what,
        LogReads.median(files, runs), LogReads.median(postgres, runs));
  }
}
