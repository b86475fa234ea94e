package dev.vsm.application.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A log line is written with the log's six keys and read back as its entry; lines of the earlier
 * hooks keep their extra keys as data, and a line that is no entry reads as none.
 */
class LogLinesReadAsEntriesTest {

  private static final String T = "2026-01-15T10:00:00Z";

  @Test
  void a_line_written_reads_back_as_its_entry() {
    LogEntry e =
        LogEntry.of(T, EventType.AGENT_COMPLETED, "abc", "s1-tester", Map.of("success", true), "s");

    Map<String, Object> written = LogDocuments.logEntry(e);

    assertThat(written)
        .containsOnlyKeys("timestamp", "event_type", "task_id", "agent", "data", "session_id");
    assertThat(LogDocuments.logEntry((Object) written)).isEqualTo(e);
  }

  @Test
  void a_log_line_of_the_earlier_hooks_keeps_its_extra_keys_as_data() {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", "2026-01-15T10:00:00");
    line.put("event_type", "tool_used");
    line.put("task_id", 7);
    line.put("tool", "Edit");
    line.put("data", Map.of("tool", "Write", "file", "a.py"));

    LogEntry e = LogDocuments.logEntry((Object) line);

    assertThat(e.timestamp()).isEqualTo("2026-01-15T10:00:00");
    assertThat(e.taskId()).as("a task id that is not text").isNull();
    assertThat(e.agent()).isNull();
    assertThat(e.sessionId()).isEmpty();
    assertThat(e.data())
        .as("data wins over an extra key")
        .isEqualTo(Map.of("tool", "Write", "file", "a.py"));
  }

  @Test
  void a_line_without_a_timestamp_or_kind_or_that_is_no_object_is_no_entry() {
    assertThat(LogDocuments.logEntry((Object) Map.of("event_type", "x"))).isNull();
    assertThat(LogDocuments.logEntry((Object) Map.of("timestamp", "T"))).isNull();
    assertThat(LogDocuments.logEntry((Object) Map.of("timestamp", 1, "event_type", "x"))).isNull();
    assertThat(LogDocuments.logEntry((Object) List.of())).isNull();
  }
}
