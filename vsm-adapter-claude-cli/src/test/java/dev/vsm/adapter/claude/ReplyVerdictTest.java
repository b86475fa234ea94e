package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.service.RunCycleService;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.application.testing.SequentialIds;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts a cycle reads from its agents' replies, with each agent a child process of the
 * scripted CLI: the report is the CLI's structured output, else the last object of the text.
 */
class ReplyVerdictTest {

  private static final String EXAMPLE_FIRST =
      "I wrote the endpoint; it answers {\"status\": \"ok\"}.\n\n"
          + "```json\n{\"status\": \"failed\", \"summary\": \"tests fail\", "
          + "\"blockers\": [\"tests\"]}\n```";
  private static final String REPORT_LAST =
      "First attempt: {\"status\": \"failed\", \"blockers\": [\"tests\"]}\n"
          + "Fixed it. Final report:\n{\"status\": \"ok\"}";

  @TempDir Path work;
  private FakeClaude fake;
  private final InMemoryStateStore store = new InMemoryStateStore();

  @BeforeEach
  void install() {
    fake = FakeClaude.installIn(work.resolve("fake"));
  }

  private CycleResult cycle() {
    RunCycleService service =
        new RunCycleService(
            store,
            new InMemoryExecutionLog(),
            ClaudeAdapters.agentRunner(
                ClaudeSettings.fromEnvironment(
                    fake.command().toString(), new HashMap<>(System.getenv())),
                message -> {}),
            Clock.systemUTC(),
            new SequentialIds(),
            ComplexityAnalyzer.withDefaults(),
            null);
    return service.run(
        RunCycleCommand.of("Add input validation to the login form", work)
            .withAgentTimeout(Duration.ofSeconds(30)));
  }

  private AgentRun tester(CycleResult r) {
    return r.s1Results().stream().filter(a -> a.agent().equals("s1-tester")).findFirst().get();
  }

  @Test
  void an_example_json_before_a_failed_report_is_a_failed_run() {
    fake.mode("s1-tester", "text-only").reply("s1-tester", EXAMPLE_FIRST);

    CycleResult r = cycle();

    assertThat(tester(r).success()).isFalse();
    assertThat(tester(r).error()).contains("'failed'").contains("tests");
    assertThat(r.success()).isFalse();
    assertThat(store.metrics().agentErrors().get("tester")).isPositive();
  }

  @Test
  void a_failed_example_before_a_good_report_is_a_successful_run() {
    fake.mode("s1-tester", "text-only").reply("s1-tester", REPORT_LAST);

    CycleResult r = cycle();

    assertThat(tester(r).success()).as(tester(r).error()).isTrue();
    assertThat(r.success()).isTrue();
    assertThat(store.metrics().agentErrors()).containsEntry("tester", 0.0);
  }

  @Test
  void an_auditor_quoting_json_before_its_verdict_is_read_by_its_verdict() {
    fake.mode("system3-audit", "text-only")
        .reply(
            "system3-audit",
            "package.json says {\"name\": \"app\"}. Verdict:\n"
                + "{\"audit_passed\": false, \"overall_score\": 0.4, "
                + "\"quality_assessment\": {\"issues_found\": [\"no test for the empty form\"]}}");

    CycleResult r = cycle();

    assertThat(r.auditPassed()).isFalse();
    assertThat(r.notes()).noneMatch(n -> n.contains("S3*"));
    assertThat(store.metrics().auditPassRate()).isLessThan(1.0);
  }

  @Test
  void an_auditor_quoting_json_before_a_passing_verdict_passes_the_cycle() {
    fake.mode("system3-audit", "text-only")
        .reply(
            "system3-audit",
            "package.json says {\"name\": \"app\"}. Verdict: {\"audit_passed\": true}");

    CycleResult r = cycle();

    assertThat(r.auditPassed()).isTrue();
    assertThat(r.success()).isTrue();
  }

  @Test
  void the_clis_structured_output_is_the_verdict_whatever_the_text_says() {
    fake.reply("s1-tester", "All good: {\"status\": \"completed\"}")
        .structured("s1-tester", "{\"status\": \"blocked\", \"blockers\": [\"no database\"]}");

    CycleResult r = cycle();

    assertThat(tester(r).success()).isFalse();
    assertThat(tester(r).error()).contains("blocked").contains("no database");
  }

  @Test
  void every_agent_of_the_cycle_is_asked_with_a_reply_schema() {
    cycle();

    assertThat(fake.calls()).contains("system4-strategy", "s1-code-writer", "system3-audit");
    assertThat(fake.callsWithoutSchema()).isEmpty();
  }
}
