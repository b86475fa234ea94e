package dev.vsm.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskHistory;
import dev.vsm.domain.log.TaskSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ExecutionLog} must do; extended by each implementation's test. */
public abstract class AbstractExecutionLogContract {

  /** A new, empty log whose session id is {@code sessionId}. Same state within one test. */
  protected abstract ExecutionLog log();

  protected LogEntry entry(int i, String task, EventType type) {
    return LogEntry.of(
        String.format("2026-01-15T10:00:%02d.000000Z", i % 60),
        type,
        task,
        "s1-tester",
        Map.of("n", i, "text", "entry \"" + i + "\"\nline"),
        log().sessionId());
  }

  @Test
  void appended_entries_read_back_in_order_with_all_fields() {
    log().append(entry(1, "t1", EventType.TASK_STARTED));
    log().append(entry(2, "t1", EventType.AGENT_INVOKED));

    List<LogEntry> all = log().readAll();
    assertThat(all).hasSize(2);
    LogEntry first = all.get(0);
    assertThat(first.eventType()).isEqualTo("task_started");
    assertThat(first.taskId()).isEqualTo("t1");
    assertThat(first.agent()).isEqualTo("s1-tester");
    assertThat(((Number) first.data().get("n")).intValue()).isEqualTo(1);
    assertThat(first.data().get("text")).isEqualTo("entry \"1\"\nline");
    assertThat(first.sessionId()).isEqualTo(log().sessionId());
    assertThat(first.timestamp()).isEqualTo("2026-01-15T10:00:01.000000Z");
  }

  @Test
  void recent_gives_the_last_entries_oldest_first() {
    for (int i = 0; i < 30; i++) {
      log().append(entry(i, "t", EventType.STATE_CHANGED));
    }

    assertThat(log().recent(3))
        .extracting(e -> ((Number) e.data().get("n")).intValue())
        .containsExactly(27, 28, 29);
    assertThat(log().recent(0)).isEmpty();
    assertThat(log().recent(100)).hasSize(30);
  }

  @Test
  void entries_of_some_types_come_oldest_first_and_no_others() {
    for (int i = 0; i < 40; i++) {
      EventType type = EventType.values()[i % EventType.values().length];
      log().append(entry(i, "t" + (i % 3), type));
    }
    // Another type's data may hold a type's name, quotes and all.
    log()
        .append(
            LogEntry.of(
                "2026-01-15T10:01:00Z",
                EventType.AGENT_COMPLETED,
                "t9",
                "s1-tester",
                Map.of("said", "\"task_started\" and \"agent_invoked\""),
                log().sessionId()));
    var types = java.util.Set.of(EventType.TASK_STARTED, EventType.AGENT_INVOKED);

    List<LogEntry> some = new ArrayList<>();
    log().forEachOfTypes(types, some::add);

    assertThat(some)
        .isEqualTo(
            log().readAll().stream()
                .filter(e -> e.is(EventType.TASK_STARTED) || e.is(EventType.AGENT_INVOKED))
                .toList())
        .isNotEmpty();
  }

  private void append(String time, String type, String task, String agent, Map<String, ?> data) {
    log().append(new LogEntry(time, type, task, agent, Map.copyOf(data), log().sessionId()));
  }

  @Test
  void the_task_history_is_the_fold_of_the_entries() {
    String started = EventType.TASK_STARTED.label();
    String invoked = EventType.AGENT_INVOKED.label();
    String completed = EventType.TASK_COMPLETED.label();
    append("2026-11-24T10:00:00Z", started, "a", null, Map.of("description", "Add login"));
    append("2026-11-24T10:00:01Z", invoked, "a", "system4-strategy", Map.of());
    append("2026-11-24T10:00:02Z", "allocation_made", "a", null, Map.of("complexity", "medium"));
    append("2026-11-24T10:00:03Z", invoked, "a", "s1-code-writer", Map.of());
    append("2026-11-24T10:00:04Z", started, "b", null, Map.of("complexity", "unknown"));
    append("2026-11-24T10:00:05Z", invoked, "a", "s1-tester", Map.of());
    append("2026-11-24T10:00:06Z", invoked, "b", "s1-documenter", Map.of());
    append("2026-11-24T10:00:07Z", invoked, "a", "s1-code-writer", Map.of());
    append("2026-11-24T10:00:08Z", "agent_completed", "a", "s1-x", Map.of("success", false));
    append(
        "2026-11-24T10:00:41Z",
        completed,
        "a",
        null,
        Map.of("success", true, "cost_usd", 0.0738, "duration_ms", 41300));
    append(
        "2026-11-24T10:00:42Z",
        "task_failed",
        "b",
        null,
        Map.of("duration_ms", -3, "cost_usd", "0.5"));
    append("2026-11-24T10:00:43Z", started, "c", null, Map.of("description", 7));
    append("2026-11-24T10:00:44Z", completed, "d", null, Map.of("success", false));
    append("2026-11-24T10:00:45Z", started, "", null, Map.of("description", "no task"));
    append("2026-11-24T10:00:46Z", "Task_Started", "f", null, Map.of());
    append("2026-11-24T10:00:47Z", invoked, "e", "system3-audit", Map.of());
    append("2026-11-24T10:00:59Z", completed, "a", null, Map.of("success", true));

    TaskHistory fold = new TaskHistory();
    log().readAll().forEach(fold::accept);
    List<TaskHistory.Task> tasks = log().taskHistory();

    assertThat(tasks).isEqualTo(fold.tasks());
    assertThat(tasks).extracting(TaskHistory.Task::taskId).containsExactly("a", "b", "c", "d", "e");
    TaskHistory.Task a = tasks.get(0);
    assertThat(a.agents()).containsExactly("s1-code-writer", "s1-tester");
    assertThat(a.complexity()).isEqualTo("medium");
    assertThat(a.costUsd()).isEqualTo(0.0738);
    assertThat(a.durationMs()).isEqualTo(41300);
    assertThat(a.endedAt()).isEqualTo("2026-11-24T10:00:59Z");
    assertThat(tasks.get(1).status()).isEqualTo(TaskSummary.FAILED);
    assertThat(tasks.get(1).durationMs()).as("from start to end").isEqualTo(38000);
    assertThat(tasks.get(2).status()).isEqualTo(TaskSummary.IN_PROGRESS);
    assertThat(tasks.get(3).status()).isEqualTo(TaskSummary.FAILED);
  }

  @Test
  void an_empty_log_reads_as_empty() {
    assertThat(log().readAll()).isEmpty();
    assertThat(log().recent(20)).isEmpty();
    assertThat(log().taskSummary("x").status()).isEqualTo(TaskSummary.NOT_FOUND);
    assertThat(log().taskHistory()).isEmpty();
  }

  @Test
  void queries_by_task_and_session_and_the_task_summary() {
    log().append(entry(1, "t1", EventType.TASK_STARTED));
    log().append(entry(2, "t2", EventType.TASK_STARTED));
    log().append(entry(3, "t1", EventType.TASK_COMPLETED));
    log()
        .append(
            LogEntry.of(
                "2026-01-15T10:00:04Z", EventType.STATE_CHANGED, "t1", null, Map.of(), "other"));

    assertThat(log().readTask("t1")).hasSize(3);
    assertThat(log().readSession(log().sessionId())).hasSize(3);
    assertThat(log().readSession("other")).hasSize(1);
    TaskSummary s = log().taskSummary("t1");
    assertThat(s.status()).isEqualTo(TaskSummary.COMPLETED);
    assertThat(s.startedAt()).isEqualTo("2026-01-15T10:00:01.000000Z");
  }

  @Test
  void the_entries_of_some_sessions_come_oldest_first_and_no_others() {
    for (int i = 0; i < 30; i++) {
      log()
          .append(
              LogEntry.of(
                  "2026-01-15T10:00:00Z",
                  EventType.STATE_CHANGED,
                  "t",
                  null,
                  Map.of("n", i),
                  "session-" + (i % 4)));
    }

    List<LogEntry> some = new ArrayList<>();
    log().forEachOfSessions(java.util.Set.of("session-1", "session-3", "none"), some::add);

    assertThat(some)
        .extracting(e -> ((Number) e.data().get("n")).intValue())
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 30).filter(i -> i % 2 == 1).boxed().toList());
    List<LogEntry> none = new ArrayList<>();
    log().forEachOfSessions(java.util.Set.of(), none::add);
    assertThat(none).isEmpty();
  }

  @Test
  void clear_removes_every_entry() {
    log().append(entry(1, "t1", EventType.TASK_STARTED));
    log().clear();
    assertThat(log().readAll()).isEmpty();
    assertThat(log().taskHistory()).isEmpty();
  }

  @Test
  void concurrent_appends_lose_nothing() throws Exception {
    int threads = 4;
    int each = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * each;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  log().append(entry(base + i, "t", EventType.STATE_CHANGED));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(log().readAll())
        .hasSize(threads * each)
        .extracting(e -> ((Number) e.data().get("n")).intValue())
        .doesNotHaveDuplicates();
  }
}
