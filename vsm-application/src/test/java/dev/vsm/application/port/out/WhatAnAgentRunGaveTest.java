package dev.vsm.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An agent run's result: a failure has a kind (an error when unsaid), only a missing login or CLI
 * is fatal, and judging a run failed after reading its reply keeps what it cost and said.
 */
class WhatAnAgentRunGaveTest {

  @Test
  void only_a_missing_login_or_cli_stops_the_cycle() {
    for (AgentResult.Failure f : AgentResult.Failure.values()) {
      assertThat(f.isFatal())
          .as(f.name())
          .isEqualTo(
              f == AgentResult.Failure.AUTHENTICATION
                  || f == AgentResult.Failure.COMMAND_NOT_FOUND);
    }
  }

  @Test
  void an_unsaid_failure_is_an_error_and_a_success_has_none() {
    assertThat(new AgentResult("a", false, null, null, "x", null, null, 0, 0, 0, null).failure())
        .isEqualTo(AgentResult.Failure.ERROR);
    AgentResult ok = new AgentResult("a", true, null, null, null, null, null, 0, 0, 0, null);
    assertThat(ok.failure()).isEqualTo(AgentResult.Failure.NONE);
    assertThat(ok.output()).isEmpty();
    assertThat(ok.reply()).isEmpty();
    assertThat(ok.duration()).isEqualTo(Duration.ZERO);
  }

  @Test
  void a_run_judged_failed_after_its_reply_keeps_its_reply_cost_and_tokens() {
    AgentReply reply = AgentReply.of(Map.of("status", "blocked"));
    AgentResult ran =
        new AgentResult(
            "s1-tester",
            true,
            "out",
            Optional.of(reply),
            null,
            AgentResult.Failure.NONE,
            Duration.ofSeconds(3),
            0.25,
            100,
            50,
            "sess");

    AgentResult judged = ran.asFailed("reported blocked");

    assertThat(judged).isEqualTo(failedAs("s1-tester", reply));
    assertThat(judged.withAgent("tester")).isEqualTo(failedAs("tester", reply));
  }

  /** The run of the test above, failed for "reported blocked" and run as {@code agent}. */
  private static AgentResult failedAs(String agent, AgentReply reply) {
    return new AgentResult(
        agent,
        false,
        "out",
        Optional.of(reply),
        "reported blocked",
        AgentResult.Failure.ERROR,
        Duration.ofSeconds(3),
        0.25,
        100,
        50,
        "sess");
  }

  @Test
  void the_shortcuts_make_a_plain_success_and_a_failure_of_a_kind() {
    assertThat(AgentResult.succeeded("a", "done", Duration.ofSeconds(1)))
        .isEqualTo(
            new AgentResult(
                "a",
                true,
                "done",
                Optional.empty(),
                null,
                AgentResult.Failure.NONE,
                Duration.ofSeconds(1),
                0,
                0,
                0,
                null));
    assertThat(AgentResult.failed("a", AgentResult.Failure.TIMEOUT, "slow", Duration.ofSeconds(1)))
        .isEqualTo(
            new AgentResult(
                "a",
                false,
                "",
                Optional.empty(),
                "slow",
                AgentResult.Failure.TIMEOUT,
                Duration.ofSeconds(1),
                0,
                0,
                0,
                null));
  }

  @Test
  void a_request_needs_its_parts_and_takes_the_default_options() {
    AgentRequest r =
        new AgentRequest(
            "a",
            AgentRequest.AgentRole.SYSTEM,
            "p",
            Path.of("."),
            Duration.ofSeconds(1),
            null,
            "{}");

    assertThat(r.options()).isEqualTo(AgentOptions.defaults());
    assertThat(r.taskId()).isNull();
    assertThatThrownBy(
            () ->
                new AgentRequest(
                    "a",
                    AgentRequest.AgentRole.SYSTEM,
                    "p",
                    Path.of("."),
                    Duration.ofSeconds(1),
                    null,
                    null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("replySchema");
  }
}
