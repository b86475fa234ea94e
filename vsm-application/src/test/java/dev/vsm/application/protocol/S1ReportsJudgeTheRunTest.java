package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.AgentResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An S1 agent's closing report decides its run: a report of failure, blocking or error fails a run
 * that exited well, naming the status and blockers; any other report, or none, leaves it as it ran.
 */
class S1ReportsJudgeTheRunTest {

  private static AgentResult ran(Map<String, Object> reply) {
    return new AgentResult(
        "s1-tester",
        true,
        "out",
        Optional.of(AgentReply.of(reply)),
        null,
        AgentResult.Failure.NONE,
        Duration.ofSeconds(1),
        0.1,
        1,
        1,
        null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"failed", "failure", "blocked", "error", " Blocked "})
  void a_report_of_failure_fails_the_run(String status) {
    AgentResult judged = S1Protocol.judge(ran(Map.of("status", status)));

    assertThat(judged.success()).isFalse();
    assertThat(judged.failure()).isEqualTo(AgentResult.Failure.ERROR);
    assertThat(judged.error()).isEqualTo("agent reported status '" + status.trim() + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"completed", "partial", "done", ""})
  void any_other_report_leaves_the_run_as_it_was(String status) {
    AgentResult ran = ran(Map.of("status", status));

    assertThat(S1Protocol.judge(ran)).isSameAs(ran);
  }

  @Test
  void the_blockers_are_named_in_the_failure() {
    AgentResult judged =
        S1Protocol.judge(ran(Map.of("status", "blocked", "blockers", List.of("tests", "db"))));

    assertThat(judged.error()).isEqualTo("agent reported status 'blocked': tests, db");
  }

  @Test
  void a_run_without_a_report_or_that_already_failed_is_left_as_it_was() {
    AgentResult noReport = ran(Map.of("summary", "did it"));
    AgentResult failed =
        AgentResult.failed("s1-tester", AgentResult.Failure.TIMEOUT, "slow", Duration.ZERO);

    assertThat(S1Protocol.judge(noReport)).isSameAs(noReport);
    assertThat(S1Protocol.judge(failed)).isSameAs(failed);
  }

  @Test
  void a_report_reads_its_fields_and_the_earlier_name_of_the_summary() {
    S1Protocol.S1Report r =
        S1Protocol.read(
                AgentReply.of(
                    Map.of(
                        "status", "completed",
                        "changes_made", "added a test",
                        "files_modified", List.of("a.py"),
                        "tests_run", "pytest: ok")))
            .orElseThrow();

    assertThat(r)
        .isEqualTo(
            new S1Protocol.S1Report(
                "completed", "added a test", List.of("a.py"), List.of("pytest: ok"), List.of()));
    assertThat(
            S1Protocol.read(AgentReply.of(Map.of("status", "completed", "summary", "s")))
                .orElseThrow()
                .summary())
        .isEqualTo("s");
    assertThat(S1Protocol.read(AgentReply.of(Map.of("status", "x"))).orElseThrow().summary())
        .isEmpty();
    assertThat(S1Protocol.read(AgentReply.of(Map.of("summary", "s")))).isEmpty();
  }

  @Test
  void a_report_without_a_status_text_reports_no_failure() {
    assertThat(new S1Protocol.S1Report(null, "", List.of(), List.of(), List.of()).reportsFailure())
        .isFalse();
  }
}
