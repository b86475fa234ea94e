package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskHistory;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The task history the database keeps from the log (V4__task_history.sql) against the Java fold it
 * mirrors ({@link TaskHistory}), on generated logs with awkward values: each test's log is random
 * from a seed ({@code -Dvsm.fuzz.seed=N} tries others).
 */
class PostgresTaskHistoryTest {

  private static final long SEED = Long.getLong("vsm.fuzz.seed", 17);

  @RegisterExtension final FreshStore fresh = new FreshStore();

  private static final List<String> TYPES = new ArrayList<>();

  static {
    Arrays.stream(EventType.values()).map(EventType::label).forEach(TYPES::add);
    // The kinds folded come up more often; one is not a kind at all.
    TYPES.addAll(List.of("task_started", "task_completed", "task_failed", "agent_invoked"));
    TYPES.addAll(List.of("agent_invoked", "allocation_made", "Task_Started"));
  }

  private static final List<String> TASKS =
      Arrays.asList("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "", null);
  private static final List<String> AGENTS =
      Arrays.asList(null, "s1-code-writer", "s1-tester", "s1-x", "system3-control", "systemic");
  private static final List<String> TIMES =
      List.of(
          "2026-11-24T10:00:00Z",
          "2026-11-24T10:00:09.5Z",
          "2026-11-24T22:35:26.354688",
          "2026-11-24T12:00:00+02:00",
          "yesterday");
  private static final Map<String, List<Object>> VALUES = new HashMap<>();

  static {
    VALUES.put("description", Arrays.asList("Add login", "", "naïve ✓", 42, null, List.of("x")));
    VALUES.put("complexity", Arrays.asList("simple", "medium", "unknown", "complex", 3, null));
    VALUES.put("success", Arrays.asList(true, false, "false", 0, null));
    VALUES.put(
        "cost_usd",
        Arrays.asList(
            0.0738,
            1,
            0,
            -2.5,
            "0.5",
            null,
            1e308,
            4.9e-324,
            Double.POSITIVE_INFINITY,
            new BigInteger("1" + "0".repeat(400))));
    VALUES.put(
        "duration_ms",
        Arrays.asList(
            1200,
            12.9,
            -0.5,
            -1,
            0,
            Long.MAX_VALUE,
            new BigInteger("18446744073709551616"),
            1e30,
            "1200",
            null));
  }

  private static <T> T any(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  static LogEntry randomEntry(Random r, String session) {
    Map<String, Object> data = new HashMap<>();
    for (Map.Entry<String, List<Object>> v : VALUES.entrySet()) {
      if (r.nextInt(3) == 0) {
        data.put(v.getKey(), any(r, v.getValue()));
      }
    }
    return new LogEntry(any(r, TIMES), any(r, TYPES), any(r, TASKS), any(r, AGENTS), data, session);
  }

  private static List<TaskHistory.Task> fold(ExecutionLog log) {
    TaskHistory history = new TaskHistory();
    log.readAll().forEach(history::accept);
    return history.tasks();
  }

  @Test
  void a_generated_log_gives_the_tasks_the_fold_of_its_entries_gives() {
    Random r = new Random(SEED);
    ExecutionLog log = fresh.store().executionLog("s");
    for (int i = 0; i < 2000; i++) {
      log.append(randomEntry(r, "s"));
    }

    assertThat(log.taskHistory()).isNotEmpty().isEqualTo(fold(log));
  }

  @Test
  void writers_appending_at_once_give_the_tasks_of_the_log_in_its_order() throws Exception {
    int writers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Random r = new Random(SEED + w);
      ExecutionLog log = fresh.store().executionLog("w" + w);
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 400; i++) {
                  log.append(randomEntry(r, log.sessionId()));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    ExecutionLog log = fresh.store().executionLog("x");
    assertThat(log.taskHistory()).isNotEmpty().isEqualTo(fold(log));
  }

  @Test
  void an_imported_log_joins_the_history_and_a_cleared_log_leaves_none() {
    Random r = new Random(SEED);
    ExecutionLog log = fresh.store().executionLog("s");
    for (int i = 0; i < 300; i++) {
      log.append(randomEntry(r, "s"));
    }
    InMemoryExecutionLog source = new InMemoryExecutionLog();
    for (int i = 0; i < 2500; i++) {
      source.append(randomEntry(r, "imported"));
    }

    fresh.store().importLog(source);

    assertThat(log.taskHistory()).isNotEmpty().isEqualTo(fold(log));
    log.clear();
    assertThat(log.taskHistory()).isEmpty();
    log.append(LogEntry.of("T", EventType.TASK_STARTED, "new", null, Map.of(), "s"));
    assertThat(log.taskHistory()).extracting(TaskHistory.Task::taskId).containsExactly("new");
  }

  @Test
  void a_log_an_older_vsm_left_is_folded_when_the_schema_is_brought_up_to_date() {
    String url = LocalPostgres.shared().freshDatabase();
    Random r = new Random(SEED);
    try (PostgresStore older = PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), m -> {})) {
      SchemaMigrations.migrate(older.database(), 2);
      PostgresExecutionLog log = new PostgresExecutionLog(older.database(), "s");
      for (int i = 0; i < 1000; i++) {
        log.append(randomEntry(r, "s"));
      }
    }

    try (PostgresStore newer = PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), m -> {})) {
      ExecutionLog log = newer.executionLog("x");
      assertThat(log.taskHistory()).isNotEmpty().isEqualTo(fold(log));
    }
  }
}
