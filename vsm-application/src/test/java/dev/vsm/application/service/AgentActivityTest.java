package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.domain.cycle.Oscillation;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What agents do while they run reaches the cycle: each tool use is progress, each change is a
 * {@code tool_used} entry and a file in the agent's result, and two S1 agents changing the same
 * file are a measured oscillation.
 */
class AgentActivityTest extends CycleTest {

  @Test
  void each_tool_use_is_progress_with_its_target_relative_to_the_project() {
    runner.changing("s1-code-writer", "src/login.py");

    run(TASK);

    assertThat(progress.events)
        .containsSubsequence(
            "start s1-code-writer",
            "tool s1-code-writer Read src/login.py",
            "tool s1-code-writer Edit src/login.py",
            "finish s1-code-writer ok");
  }

  @Test
  void each_change_is_logged_as_tool_used_and_listed_in_the_agents_result() {
    runner.changing("s1-code-writer", "src/login.py", "src/forms.py");

    CycleResult r = run(TASK);

    List<LogEntry> uses = log.ofType(EventType.TOOL_USED);
    assertThat(uses).extracting(LogEntry::agent).containsOnly("s1-code-writer");
    assertThat(uses)
        .extracting(e -> e.data().get("file_path"))
        .containsExactly(
            dir.resolve("src/login.py").toString(), dir.resolve("src/forms.py").toString());
    assertThat(uses).extracting(LogEntry::taskId).containsOnly(r.taskId());
    assertThat(r.s1Results())
        .filteredOn(a -> a.agent().equals("s1-code-writer"))
        .singleElement()
        .extracting(AgentRun::filesChanged)
        .isEqualTo(List.of("src/forms.py", "src/login.py"));
  }

  @Test
  void every_agent_is_told_the_task_it_works_for() {
    CycleResult r = run(TASK);

    assertThat(runner.requests()).extracting(AgentRequest::taskId).containsOnly(r.taskId());
  }

  @Test
  void two_s1_agents_changing_the_same_file_are_a_measured_oscillation() {
    runner.changing("s1-code-writer", "src/login.py", "src/forms.py");
    runner.changing("s1-tester", "tests/test_login.py", "src/login.py");
    double before = store.metrics().oscillationRate();

    CycleResult r = run(TASK);

    assertThat(r.oscillations())
        .containsExactly(
            new Oscillation(
                List.of("s1-code-writer", "s1-tester"), List.of("src/login.py"), false));
    assertThat(store.metrics().oscillationRate()).isGreaterThan(before);
    Map<String, Object> entry = only(EventType.OSCILLATION_DETECTED);
    assertThat(entry)
        .containsEntry("source", "changed_files")
        .containsEntry("agents", List.of("s1-code-writer", "s1-tester"))
        .containsEntry("files", List.of("src/login.py"));
    assertThat(runner.lastPromptTo("system3-audit"))
        .contains("changed: src/forms.py, src/login.py")
        .contains("changed: src/login.py, tests/test_login.py");
  }

  @Test
  void agents_changing_different_files_leave_the_oscillation_rate_alone() {
    runner.changing("s1-code-writer", "src/login.py");
    runner.changing("s1-tester", "tests/test_login.py");
    double before = store.metrics().oscillationRate();

    CycleResult r = run(TASK);

    assertThat(r.oscillations()).isEmpty();
    assertThat(store.metrics().oscillationRate()).isEqualTo(before);
    assertThat(log.ofType(EventType.OSCILLATION_DETECTED)).isEmpty();
  }
}
