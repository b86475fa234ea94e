package dev.vsm.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentOptions;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link AgentRunner} must do, whatever carries the request: replies become results,
 * failures are results not exceptions, hangs time out, authentication failures are fatal, and an
 * interrupted caller gets a cancelled result.
 */
public abstract class AbstractAgentRunnerContract {

  /** How the agent behind the runner should behave in a test. */
  protected enum Behaviour {
    /** Replies {@code {"status":"completed","answer":42}} inside some prose. */
    REPLIES,
    /**
     * Quotes {@code {"status": "ok"}} from the code it wrote, then ends with its report {@code
     * {"status": "failed", "blockers": ["tests"]}}.
     */
    QUOTES_JSON_BEFORE_ITS_REPORT,
    /** Fails with an error message containing "agent broke". */
    FAILS,
    /** Never answers. */
    HANGS,
    /** Answers that it is not logged in. */
    NOT_LOGGED_IN
  }

  @TempDir protected Path workDir;

  protected abstract AgentRunner runner(Behaviour behaviour);

  /**
   * Whether this runner's agent can be made to behave so; a real CLI offline can only say it is not
   * logged in. Unsupported behaviours are skipped (reported as skipped, never as passed).
   */
  protected boolean supports(Behaviour behaviour) {
    return true;
  }

  private AgentRunner runnerThat(Behaviour behaviour) {
    Assumptions.assumeTrue(
        supports(behaviour), "this runner cannot be made to behave " + behaviour);
    return runner(behaviour);
  }

  /** The schema every test request carries (an S1 report's). */
  protected static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"status\":{\"type\":\"string\"}},"
          + "\"required\":[\"status\"]}";

  protected AgentRequest request(String agent, Duration timeout) {
    return new AgentRequest(
        agent,
        AgentRequest.AgentRole.OPERATIONS,
        "Do the task.\n--not-a-flag",
        workDir,
        timeout,
        AgentOptions.defaults(),
        SCHEMA);
  }

  @Test
  void a_reply_is_a_successful_result_carrying_the_reply_read_as_data() {
    AgentResult r = runnerThat(Behaviour.REPLIES).run(request("s1-tester", Duration.ofSeconds(30)));

    assertThat(r.success()).as("error: %s", r.error()).isTrue();
    assertThat(r.failure()).isEqualTo(AgentResult.Failure.NONE);
    assertThat(r.reply())
        .hasValueSatisfying(
            reply ->
                assertThat(reply.fields())
                    .containsEntry("status", "completed")
                    .containsEntry("answer", 42L));
    assertThat(r.output()).contains("42");
    assertThat(r.duration().isNegative()).isFalse();
  }

  @Test
  void the_report_is_the_last_object_of_the_reply_not_an_example_quoted_before_it() {
    AgentResult r =
        runnerThat(Behaviour.QUOTES_JSON_BEFORE_ITS_REPORT)
            .run(request("s1-tester", Duration.ofSeconds(30)));

    assertThat(r.success()).as("error: %s", r.error()).isTrue();
    assertThat(r.reply().orElseThrow().text("status")).hasValue("failed");
    assertThat(r.reply().orElseThrow().list("blockers")).containsExactly("tests");
  }

  @Test
  void a_failed_run_carries_no_reply() {
    AgentResult r = runnerThat(Behaviour.FAILS).run(request("s1-tester", Duration.ofSeconds(30)));

    assertThat(r.reply()).isEmpty();
  }

  @Test
  void an_agent_without_a_definition_is_a_failed_result_not_an_exception() {
    AgentResult r = runner(Behaviour.FAILS).run(request("s1-ml", Duration.ofSeconds(30)));

    assertThat(r.success()).isFalse();
    assertThat(r.failure()).isEqualTo(AgentResult.Failure.ERROR);
    assertThat(r.error()).contains("no definition").contains("s1-ml");
  }

  @Test
  void every_system_agent_and_default_specialist_is_defined() {
    java.util.Set<String> defined = runner(Behaviour.FAILS).definedAgents(workDir);

    for (dev.vsm.application.protocol.SystemAgent a :
        dev.vsm.application.protocol.SystemAgent.values()) {
      assertThat(defined).contains(a.agentName());
    }
    dev.vsm.domain.agent.AgentRegistry.defaults("")
        .agents()
        .keySet()
        .forEach(n -> assertThat(defined).contains("s1-" + n));
    assertThat(defined).doesNotContain("s1-ml");
  }

  @Test
  void a_failing_agent_is_a_failed_result_with_its_reason() {
    AgentResult r = runnerThat(Behaviour.FAILS).run(request("s1-tester", Duration.ofSeconds(30)));

    assertThat(r.success()).isFalse();
    assertThat(r.failure()).isEqualTo(AgentResult.Failure.ERROR);
    assertThat(r.error()).contains("agent broke");
  }

  @Test
  void a_hanging_agent_times_out_as_a_failed_result() {
    long start = System.nanoTime();
    AgentResult r = runnerThat(Behaviour.HANGS).run(request("s1-tester", Duration.ofMillis(500)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(r.success()).isFalse();
    assertThat(r.failure()).isEqualTo(AgentResult.Failure.TIMEOUT);
    assertThat(took).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void not_being_logged_in_is_a_fatal_authentication_failure() {
    AgentResult r =
        runnerThat(Behaviour.NOT_LOGGED_IN)
            .run(request("system4-strategy", Duration.ofSeconds(30)));

    assertThat(r.success()).isFalse();
    assertThat(r.failure()).isEqualTo(AgentResult.Failure.AUTHENTICATION);
    assertThat(r.failure().isFatal()).isTrue();
  }

  @Test
  void an_interrupted_caller_gets_a_cancelled_result_without_waiting_for_the_agent() {
    Thread.currentThread().interrupt();
    try {
      AgentResult r = runnerThat(Behaviour.HANGS).run(request("s1-tester", Duration.ofSeconds(30)));
      assertThat(r.failure()).isEqualTo(AgentResult.Failure.CANCELLED);
      assertThat(r.success()).isFalse();
    } finally {
      Thread.interrupted();
    }
  }
}
