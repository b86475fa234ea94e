package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file's own concerns: junk and torn lines, rotation, reading from the end. */
class ExecutionLogFileTest {

  @TempDir Path work;
  private final List<String> warnings = new ArrayList<>();

  private ExecutionLog log(long maxBytes) {
    return FileSystemAdapters.executionLog(work, "abcdef123456", warnings::add, maxBytes);
  }

  private ExecutionLog log() {
    return log(64L * 1024 * 1024);
  }

  private Path file(String name) {
    return FileSystemAdapters.stateDirectory(work).resolve(name);
  }

  private LogEntry entry(int n, String task) {
    return LogEntry.of(
        "2026-01-01T00:00:00Z",
        EventType.STATE_CHANGED,
        task,
        null,
        Map.of("n", n),
        "abcdef123456");
  }

  private static int n(LogEntry e) {
    return ((Number) e.data().get("n")).intValue();
  }

  @Test
  void junk_lines_and_a_truncated_last_line_are_skipped_and_reported_once() throws IOException {
    log().append(entry(1, "t"));
    Files.writeString(
        file("execution-log.jsonl"),
        "not json at all\n{\"no_timestamp\": true}\n\n[1,2]\n",
        StandardOpenOption.APPEND);
    log().append(entry(2, "t"));
    Files.writeString(
        file("execution-log.jsonl"),
        "{\"timestamp\": \"2026-01-01T00:00:00Z\", \"event_ty",
        StandardOpenOption.APPEND);

    List<LogEntry> all = log().readAll();

    assertThat(all).extracting(ExecutionLogFileTest::n).containsExactly(1, 2);
    assertThat(warnings).singleElement().asString().contains("skipped 4 unreadable lines");
  }

  @Test
  void recent_skips_a_truncated_last_line() throws IOException {
    log().append(entry(1, "t"));
    log().append(entry(2, "t"));
    Files.writeString(
        file("execution-log.jsonl"), "{\"timestamp\": \"2026", StandardOpenOption.APPEND);

    assertThat(log().recent(5)).extracting(ExecutionLogFileTest::n).containsExactly(1, 2);
    assertThat(warnings).singleElement().asString().contains("skipped 1 unreadable line ");
  }

  @Test
  void an_append_after_a_torn_line_starts_on_a_line_of_its_own() throws IOException {
    log().append(entry(1, "t"));
    Files.writeString(
        file("execution-log.jsonl"), "{\"timestamp\": \"20", StandardOpenOption.APPEND);

    log().append(entry(2, "t"));

    assertThat(log().readAll()).extracting(ExecutionLogFileTest::n).containsExactly(1, 2);
    assertThat(Files.readAllLines(file("execution-log.jsonl"))).hasSize(3);
  }

  @Test
  void recent_reads_lines_across_block_boundaries() {
    ExecutionLog log = log();
    String big = "x".repeat(50_000);
    for (int i = 0; i < 12; i++) {
      log.append(
          LogEntry.of(
              "2026-01-01T00:00:00Z",
              EventType.STATE_CHANGED,
              "t",
              null,
              Map.of("n", i, "pad", big + "é"),
              "s"));
    }

    List<LogEntry> last = log.recent(5);

    assertThat(last).extracting(ExecutionLogFileTest::n).containsExactly(7, 8, 9, 10, 11);
    assertThat(last.get(0).data().get("pad").toString()).endsWith("xé").hasSize(50_001);
    assertThat(log.recent(50)).hasSize(12);
  }

  @Test
  void past_the_size_limit_the_log_rotates_and_queries_span_the_rotated_files() {
    ExecutionLog log = log(2_000);
    for (int i = 0; i < 100; i++) {
      log.append(entry(i, i % 2 == 0 ? "even" : "odd"));
    }

    assertThat(Files.exists(file("execution-log.1.jsonl"))).isTrue();
    assertThat(Files.exists(file("execution-log.6.jsonl"))).isFalse();
    List<LogEntry> all = log.readAll();
    assertThat(all).extracting(ExecutionLogFileTest::n).isSorted();
    assertThat(all.get(all.size() - 1).data()).containsEntry("n", 99);
    assertThat(log.recent(40))
        .extracting(ExecutionLogFileTest::n)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(60, 100).boxed().toList());
    assertThat(log.readTask("even")).extracting(ExecutionLogFileTest::n).allMatch(x -> x % 2 == 0);
    assertThat(all.size()).isLessThan(100).as("only five rotated files are kept");
  }

  @Test
  void a_missing_log_reads_empty_and_creates_nothing() {
    assertThat(log().recent(20)).isEmpty();
    assertThat(log().readAll()).isEmpty();
    assertThat(Files.exists(FileSystemAdapters.stateDirectory(work))).isFalse();
  }

  @Test
  void session_ids_come_from_the_environment_or_are_twelve_hex_characters() {
    assertThat(FileSystemAdapters.sessionId("from-claude")).isEqualTo("from-claude");
    assertThat(FileSystemAdapters.sessionId(null)).matches("[0-9a-f]{12}");
    assertThat(FileSystemAdapters.sessionId("")).matches("[0-9a-f]{12}");
  }

  @Test
  void task_queries_find_lines_across_large_blocks_and_non_ascii_text() {
    ExecutionLog log = log();
    String pad = "ü".repeat(300_000); // lines of 600 kB: several span the 1 MiB blocks
    for (int i = 0; i < 8; i++) {
      log.append(
          LogEntry.of(
              "2026-01-01T00:00:00Z",
              EventType.STATE_CHANGED,
              i % 2 == 0 ? "tâche-é" : "other",
              null,
              Map.of("n", i, "pad", pad),
              "s"));
    }

    assertThat(log.readTask("tâche-é"))
        .extracting(ExecutionLogFileTest::n)
        .containsExactly(0, 2, 4, 6);
    assertThat(log.readTask("other"))
        .extracting(ExecutionLogFileTest::n)
        .containsExactly(1, 3, 5, 7);
    assertThat(log.readTask("absent")).isEmpty();
    assertThat(log.taskSummary("tâche-é").status()).isEqualTo("in_progress");
  }

  @Test
  void a_task_query_reports_an_unreadable_matching_line() throws IOException {
    log().append(entry(1, "t1"));
    Files.writeString(
        file("execution-log.jsonl"), "garbage mentioning t1\n", StandardOpenOption.APPEND);

    assertThat(log().readTask("t1")).hasSize(1);
    assertThat(warnings).singleElement().asString().contains("skipped 1 unreadable line");
  }

  @Test
  void a_task_query_on_a_log_split_into_segments_finds_every_line_once() {
    ExecutionLog log = log();
    String pad = "x".repeat(4_000);
    for (int i = 0; i < 9_000; i++) { // about 36 MB: scanned in two segments on two cores
      log.append(
          LogEntry.of(
              "2026-01-01T00:00:00Z",
              EventType.STATE_CHANGED,
              "t" + (i % 3),
              null,
              Map.of("n", i, "pad", pad),
              "s"));
    }

    List<LogEntry> found = log.readTask("t1");

    assertThat(found)
        .extracting(ExecutionLogFileTest::n)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 9_000).filter(i -> i % 3 == 1).boxed().toList());
  }
}
