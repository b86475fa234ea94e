package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import dev.vsm.json.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * §5 and §2.2 at the file: vsm reads back every file it writes (no {@code "Infinity"}, no text
 * changed), counters saturate, and one entry vsm does not know does not cost the rest of the
 * metrics.
 */
class NumbersAndUnknownEntriesTest {

  @TempDir Path work;
  private final List<String> warnings = new ArrayList<>();

  private StateStore store() {
    return FileSystemAdapters.stateStore(work, Clock.systemUTC(), warnings::add);
  }

  private Path file(String name) throws IOException {
    return Files.createDirectories(FileSystemAdapters.stateDirectory(work)).resolve(name);
  }

  private List<Path> corruptCopies() throws IOException {
    try (Stream<Path> s = Files.list(FileSystemAdapters.stateDirectory(work))) {
      return s.filter(p -> p.getFileName().toString().contains(".corrupt-")).toList();
    }
  }

  private static Map<?, ?> parse(Path p) throws IOException {
    return (Map<?, ?>) JsonValues.read(Files.readString(p));
  }

  @Test
  void an_unknown_adaptation_type_is_dropped_with_a_warning_and_the_rest_is_kept()
      throws IOException {
    Files.writeString(
        file("viability-metrics.json"),
        """
        {"completion_rate": 0.4, "s3_s4_conflicts": 5, "agent_errors": {"tester": 0.5},
         "active_adaptations": [
           {"type": "tighten_s3_star", "trigger": "low_audit_pass_rate", "effect": "e"},
           {"type": "summon_s6", "trigger": "?", "effect": "?"},
           {"type": "add_review_step", "parameters": {"target_agent": "tester"}}
         ]}
        """);

    StateStore s = store();
    ViabilityMetrics m = s.metrics();
    s.metrics(); // read again: the warning is said once per process

    assertThat(m.completionRate()).isEqualTo(0.4);
    assertThat(m.s3S4Conflicts()).isEqualTo(5);
    assertThat(m.agentErrors()).containsEntry("tester", 0.5);
    assertThat(m.activeAdaptations())
        .extracting(a -> a.type())
        .containsExactly(AdaptationType.TIGHTEN_S3_STAR, AdaptationType.ADD_REVIEW_STEP);
    assertThat(corruptCopies()).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(file("viability-metrics.json").toString())
        .contains("unknown type 'summon_s6'");

    s.updateMetrics(x -> x.withOscillation("now"));
    assertThat(parse(file("viability-metrics.json")).get("active_adaptations").toString())
        .doesNotContain("summon_s6")
        .contains("tighten_s3_star", "add_review_step");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"completion_rate\": 1e400}",
        "{\"audit_pass_rate\": -1e400}",
        "{\"avg_cycle_iterations\": 1e999}",
        "{\"agent_errors\": {\"tester\": 1e400}}",
        "{\"s3_s4_conflicts\": 1e400}",
        "{\"s3_s4_conflicts\": -1}"
      })
  void a_non_finite_rate_or_a_negative_count_makes_the_metrics_corrupt_and_vsm_reads_what_it_writes(
      String content) throws IOException {
    Files.writeString(file("viability-metrics.json"), content);

    ViabilityMetrics updated = store().updateMetrics(m -> m.withTaskCompletion(true, "now"));

    assertThat(corruptCopies()).singleElement();
    assertThat(Files.readString(corruptCopies().get(0))).isEqualTo(content);
    assertThat(warnings).singleElement().asString().contains("was corrupt");
    String written = Files.readString(file("viability-metrics.json"));
    assertThat(written).doesNotContain("Infinity").doesNotContain("NaN");
    warnings.clear();
    assertThat(store().metrics()).isEqualTo(updated);
    assertThat(warnings).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2147483647", "2147483648", "1e12", "99999999999999999999999"})
  void the_conflict_counter_saturates_at_the_largest_int_and_never_wraps(String stored)
      throws IOException {
    Files.writeString(file("viability-metrics.json"), "{\"s3_s4_conflicts\": " + stored + "}");

    ViabilityMetrics m = store().updateMetrics(x -> x.withS3S4Conflict("now"));

    assertThat(m.s3S4Conflicts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(parse(file("viability-metrics.json")).get("s3_s4_conflicts"))
        .isEqualTo(Integer.MAX_VALUE);
    assertThat(store().metrics().s3S4Conflicts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_non_finite_number_in_free_form_data_is_written_as_null() throws IOException {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("cost_usd", Double.POSITIVE_INFINITY);
    metadata.put("ratio", Float.NaN);
    metadata.put("tokens", 12);
    store()
        .saveCurrentTask(
            new CurrentTask("t1", "x", "", TaskStatus.PENDING, "simple", List.of(), metadata));
    ExecutionLog log = FileSystemAdapters.executionLog(work, "s", warnings::add);
    log.append(
        LogEntry.of(
            "2026-01-01T00:00:00Z",
            EventType.AGENT_COMPLETED,
            "t1",
            "tester",
            Map.of("cost_usd", Double.NaN, "duration_ms", 5),
            "s"));

    assertThat(Files.readString(file("current-task.json")))
        .contains("\"cost_usd\": null", "\"ratio\": null", "\"tokens\": 12");
    assertThat(Files.readString(file("execution-log.jsonl")))
        .contains("\"cost_usd\":null", "\"duration_ms\":5");
    assertThat(store().currentTask().orElseThrow().metadata()).containsEntry("tokens", 12);
    assertThat(log.readAll()).singleElement();
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_free_form_number_too_large_for_a_double_is_read_and_written_back_as_null()
      throws IOException {
    Files.writeString(
        file("coordination-plan.json"),
        "{\"task_id\": \"t1\", \"plan\": {\"weight\": 1e400, \"steps\": 3}}");

    var plan = store().coordinationPlan().orElseThrow();
    store().saveCoordinationPlan(plan);

    assertThat(Files.readString(file("coordination-plan.json")))
        .contains("\"weight\": null")
        .doesNotContain("Infinity");
    assertThat(store().coordinationPlan().orElseThrow().plan()).containsEntry("steps", 3);
  }

  @Test
  void text_with_a_lone_surrogate_is_written_back_as_it_was_read() throws IOException {
    // JSON may escape half of a surrogate pair; UTF-8 cannot encode it, so it stays escaped.
    Files.writeString(
        file("current-task.json"), "{\"id\": \"t1\", \"description\": \"a\\ud800b\"}");
    ExecutionLog log = FileSystemAdapters.executionLog(work, "s", warnings::add);

    CurrentTask read = store().currentTask().orElseThrow();
    store().saveCurrentTask(read);
    log.append(
        LogEntry.of(
            "2026-01-01T00:00:00Z",
            EventType.TASK_STARTED,
            "t1",
            null,
            Map.of("description", read.description()),
            "s"));

    assertThat(read.description()).isEqualTo("a\ud800b");
    assertThat(store().currentTask().orElseThrow().description()).isEqualTo("a\ud800b");
    assertThat(log.readAll().get(0).data()).containsEntry("description", "a\ud800b");
  }
}
