package dev.vsm.domain.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A log entry keeps its event type as text, so entries of kinds this version does not know survive;
 * it answers whether it is of a known kind.
 */
class LogEntriesTest {

  @Test
  void every_event_type_reads_back_from_its_label() {
    for (EventType t : EventType.values()) {
      assertThat(EventType.parse(t.label())).contains(t);
    }
    assertThat(EventType.TOOL_USED.label()).isEqualTo("tool_used");
    assertThat(EventType.parse("TOOL_USED")).isEmpty();
    assertThat(EventType.parse("something_new")).isEmpty();
  }

  @Test
  void an_entry_knows_its_kind() {
    LogEntry e = LogEntry.of("T", EventType.AUDIT_PERFORMED, "t", null, null, null);

    assertThat(e.eventType()).isEqualTo("audit_performed");
    assertThat(e.is(EventType.AUDIT_PERFORMED)).isTrue();
    assertThat(e.is(EventType.TASK_FAILED)).isFalse();
  }

  @Test
  void missing_data_and_session_are_empty() {
    LogEntry e = LogEntry.of("T", EventType.TASK_STARTED, "t", null, null, null);

    assertThat(e.data()).isEmpty();
    assertThat(e.sessionId()).isEmpty();
  }

  @Test
  void an_entry_needs_a_time_and_a_kind() {
    assertThatThrownBy(() -> new LogEntry(null, "task_started", "t", null, null, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new LogEntry("T", null, "t", null, null, null))
        .isInstanceOf(NullPointerException.class);
  }
}
