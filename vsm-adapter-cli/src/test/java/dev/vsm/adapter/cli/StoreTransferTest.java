package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which log entries a move between two stores carries: those the target lacks, counted. */
class StoreTransferTest {

  private static LogEntry entry(String text, String session) {
    return LogEntry.of(
        "2026-11-24T10:00:00Z",
        EventType.AGENT_COMPLETED,
        "t1",
        "s1-tester",
        Map.of("result_summary", text),
        session);
  }

  private static StoreTransfer.Result move(InMemoryExecutionLog from, InMemoryExecutionLog to) {
    return StoreTransfer.copy(
        new StoreTransfer.Side("from", new InMemoryStateStore(), from),
        new StoreTransfer.Side("to", new InMemoryStateStore(), to),
        StoreTransfer.appendingTo(to),
        false);
  }

  @Test
  void only_the_entries_the_target_lacks_move_and_an_entry_held_twice_moves_twice() {
    InMemoryExecutionLog from = new InMemoryExecutionLog("a");
    for (String text : List.of("A", "B", "B", "C")) {
      from.append(entry(text, "a"));
    }
    InMemoryExecutionLog to = new InMemoryExecutionLog("b");
    to.append(entry("B", "a"));
    to.append(entry("X", "b"));

    StoreTransfer.Result first = move(from, to);

    assertThat(first.entries()).isEqualTo(3);
    assertThat(first.alreadyThere()).isEqualTo(1);
    assertThat(to.readSession("a")).containsExactlyInAnyOrderElementsOf(from.readAll());
    StoreTransfer.Result again = move(from, to);
    assertThat(again.entries()).isZero();
    assertThat(again.alreadyThere()).isEqualTo(4);
    from.append(entry("D", "a"));
    assertThat(move(from, to).entries()).isEqualTo(1);
    assertThat(to.readAll()).hasSize(6);
  }

  @Test
  void an_entry_is_the_same_whatever_its_data_keys_order_or_a_nul_the_team_store_replaced() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", List.of("x\0y"));
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", List.of("x\uFFFDy"));
    ba.put("a", 1);
    LogEntry one = LogEntry.of("T", EventType.STATE_CHANGED, "t", null, ab, "s");
    LogEntry other = LogEntry.of("T", EventType.STATE_CHANGED, "t", null, ba, "s");

    assertThat(StoreTransfer.EntryKey.of(one)).isEqualTo(StoreTransfer.EntryKey.of(other));
    assertThat(StoreTransfer.EntryKey.of(one))
        .isNotEqualTo(StoreTransfer.EntryKey.of(entry("B", "s")))
        .isNotEqualTo(
            StoreTransfer.EntryKey.of(
                LogEntry.of("T", EventType.STATE_CHANGED, "t", null, ab, "other")));
  }
}
