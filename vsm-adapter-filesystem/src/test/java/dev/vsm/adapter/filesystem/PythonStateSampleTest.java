package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import dev.vsm.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The earlier Python implementation's state directory: we read it, and write its keys back. */
class PythonStateSampleTest {

  private static final List<String> SAMPLE =
      List.of(
          "agent-registry.json",
          "current-task.json",
          "execution-log.jsonl",
          "s3-allocations.json",
          "s4-environment.json",
          "viability-metrics.json");

  @TempDir Path work;
  private final List<String> warnings = new ArrayList<>();
  private StateStore store;
  private ExecutionLog log;

  @BeforeEach
  void copySample() throws IOException {
    Path dir = FileSystemAdapters.stateDirectory(work);
    Files.createDirectories(dir);
    for (String name : SAMPLE) {
      try (InputStream in = getClass().getResourceAsStream("/python-state-sample/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    store = FileSystemAdapters.stateStore(work, Clock.systemUTC(), warnings::add);
    log = FileSystemAdapters.executionLog(work, "abcdef123456", warnings::add);
  }

  private Map<?, ?> file(String name) throws IOException {
    return (Map<?, ?>)
        JsonValues.read(Files.readAllBytes(FileSystemAdapters.stateDirectory(work).resolve(name)));
  }

  @Test
  void every_python_state_file_is_read_with_its_values() {
    var task = store.currentTask().orElseThrow();
    assertThat(task.id()).isEqualTo("7ef07469");
    assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(task.complexity()).isEqualTo("unknown");
    assertThat(task.createdAt()).isEqualTo("2026-11-24T22:35:26.354515Z");

    ViabilityMetrics m = store.metrics();
    assertThat(m.agentErrors()).containsEntry("tester", 0.5443200000000001);
    assertThat(m.s3S4Conflicts()).isEqualTo(5);
    assertThat(m.oscillationRate()).isEqualTo(0.15);
    assertThat(AdaptationPolicy.shouldAddReviewStep(m, "tester")).isTrue();
    assertThat(AdaptationPolicy.shouldRequireS5Approval(m)).isTrue();

    var registry = store.registry();
    assertThat(registry.agents()).hasSize(9);
    assertThat(registry.agents().get("backend").status()).isEqualTo(AgentStatus.BUSY);
    assertThat(registry.agents().get("backend").currentTask()).isEqualTo("a8179c0a");

    var allocation = store.allocation().orElseThrow();
    assertThat(allocation.agentNames())
        .containsExactly("backend", "frontend", "tester", "reviewer");
    assertThat(allocation.parallelExecution()).isTrue();
    assertThat(allocation.createdAt()).isEqualTo("x");

    var env = store.environment().orElseThrow();
    assertThat(env.recommendedApproach()).isEqualTo("Use JWT tokens");
    assertThat(env.risks()).containsExactly(Map.of("risk", "Security", "severity", "high"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void the_python_log_reads_including_the_hook_line_without_data_or_session() {
    List<LogEntry> all = log.readAll();

    assertThat(all).hasSize(19);
    LogEntry hook = all.get(18);
    assertThat(hook.eventType()).isEqualTo("agent_completed");
    assertThat(hook.agent()).isEqualTo("s1-tester");
    assertThat(hook.taskId()).isNull();
    assertThat(hook.sessionId()).isEmpty();
    assertThat(hook.data()).containsEntry("status", "failed").containsKey("error_rate_after");
    assertThat(log.recent(2))
        .extracting(LogEntry::eventType)
        .containsExactly("task_completed", "agent_completed");
    assertThat(log.taskSummary("7ef07469").status()).isEqualTo("completed");
    assertThat(warnings).isEmpty();
  }

  @Test
  void what_we_write_keeps_exactly_the_python_keys() throws IOException {
    Map<String, Set<?>> before = new java.util.HashMap<>();
    for (String name :
        List.of(
            "agent-registry.json",
            "current-task.json",
            "s3-allocations.json",
            "s4-environment.json",
            "viability-metrics.json")) {
      before.put(name, Set.copyOf(file(name).keySet()));
    }

    store.saveCurrentTask(store.currentTask().orElseThrow().withStatus(TaskStatus.FAILED));
    store.updateMetrics(x -> x.withAgentResult("tester", true, "2026-11-25T10:00:00Z"));
    store.updateRegistry(
        r -> r.withStatus("tester", AgentStatus.BUSY, "t", "2026-11-25T10:00:00Z"));
    store.saveAllocation(store.allocation().orElseThrow());
    store.saveEnvironment(store.environment().orElseThrow());

    for (var e : before.entrySet()) {
      assertThat(file(e.getKey()).keySet()).as(e.getKey()).isEqualTo(e.getValue());
    }
    Map<?, ?> metrics = file("viability-metrics.json");
    Map<?, ?> adaptation = (Map<?, ?>) ((List<?>) metrics.get("active_adaptations")).get(0);
    assertThat(new ArrayList<Object>(adaptation.keySet()))
        .containsExactlyInAnyOrder("type", "trigger", "effect", "applied_at", "parameters");
    assertThat(adaptation.get("applied_at")).isEqualTo("2026-11-24T22:35:26.519809Z");
    assertThat(file("current-task.json").get("created_at"))
        .isEqualTo("2026-11-24T22:35:26.354515Z");
    String written =
        Files.readString(FileSystemAdapters.stateDirectory(work).resolve("current-task.json"));
    assertThat(written).startsWith("{\n  \"id\": \"7ef07469\",");
  }

  @Test
  void log_lines_we_append_have_exactly_the_six_keys() throws IOException {
    log.append(
        LogEntry.of(
            "2026-11-25T10:00:00Z",
            dev.vsm.domain.log.EventType.TASK_STARTED,
            "t1",
            null,
            Map.of("description", "x"),
            log.sessionId()));

    List<String> lines =
        Files.readAllLines(FileSystemAdapters.stateDirectory(work).resolve("execution-log.jsonl"));
    Map<?, ?> last = (Map<?, ?>) JsonValues.read(lines.get(lines.size() - 1));
    assertThat(new ArrayList<Object>(last.keySet()))
        .containsExactly("timestamp", "event_type", "task_id", "agent", "data", "session_id");
    assertThat(last.get("agent")).isNull();
  }
}
