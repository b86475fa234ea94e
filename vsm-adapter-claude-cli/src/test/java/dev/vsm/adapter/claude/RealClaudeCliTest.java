package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentOptions;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.protocol.AuditProtocol;
import dev.vsm.application.protocol.S1Protocol;
import dev.vsm.application.protocol.S2Protocol;
import dev.vsm.application.protocol.S3Protocol;
import dev.vsm.application.protocol.S4Protocol;
import dev.vsm.application.protocol.S5Protocol;
import dev.vsm.application.testing.AbstractAgentRunnerContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runner against the real Claude Code CLI (npm {@code @anthropic-ai/claude-code}), offline and
 * without credentials: it must accept our exact argument lists (an unknown option or a malformed
 * {@code --agents} / {@code --json-schema} is refused on stderr instead) and answer "Not logged
 * in", which must become the fatal authentication failure. {@code VSM_REAL_CLAUDE} names the CLI;
 * {@code .ci/run} installs it, and under CI the test refuses to be skipped.
 */
class RealClaudeCliTest extends AbstractAgentRunnerContract {

  private static final String CLI = System.getenv("VSM_REAL_CLAUDE");

  @BeforeEach
  void requireTheRealCli() {
    if (CLI == null || CLI.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI must set VSM_REAL_CLAUDE to the real Claude Code CLI");
      }
      Assumptions.abort(
          "VSM_REAL_CLAUDE is not set: the real Claude Code CLI is not installed here");
    }
  }

  private AgentRunner realRunner() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("ANTHROPIC_API_KEY");
    env.remove("ANTHROPIC_AUTH_TOKEN");
    env.remove("CLAUDE_CODE_OAUTH_TOKEN");
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    try {
      Path home = Files.createDirectories(workDir.resolve("home"));
      env.put("HOME", home.toString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ClaudeAdapters.agentRunner(ClaudeSettings.fromEnvironment(CLI, env), message -> {});
  }

  @Override
  protected boolean supports(Behaviour behaviour) {
    return behaviour == Behaviour.NOT_LOGGED_IN;
  }

  @Override
  protected AgentRunner runner(Behaviour behaviour) {
    return realRunner();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "system4-strategy, SYSTEM", "system3-control, SYSTEM", "system5-policy, SYSTEM",
    "system2-coordination, SYSTEM", "system3-audit, SYSTEM", "s1-generalist-coder, OPERATIONS",
    "s1-backend, OPERATIONS"
  })
  void our_exact_argument_list_is_accepted_and_not_logged_in_is_fatal(
      String agent, AgentRole role) {
    String schema =
        switch (agent) {
          case "system4-strategy" -> S4Protocol.SCHEMA;
          case "system3-control" -> S3Protocol.SCHEMA;
          case "system5-policy" -> S5Protocol.APPROVAL_SCHEMA;
          case "system2-coordination" -> S2Protocol.SCHEMA;
          case "system3-audit" -> AuditProtocol.SCHEMA;
          default -> S1Protocol.SCHEMA;
        };
    AgentResult r =
        realRunner()
            .run(
                new AgentRequest(
                    agent,
                    role,
                    "-- a prompt that starts with a dash\nDo the task.",
                    workDir,
                    Duration.ofMinutes(2),
                    new AgentOptions(
                        "sonnet", 5, 0.5, role == AgentRole.OPERATIONS ? "acceptEdits" : null),
                    schema));

    assertThat(r.error())
        .doesNotContain("unknown option")
        .doesNotContain("not valid JSON")
        .doesNotContain("not found. Available agents");
    assertThat(r.failure()).as(r.error()).isEqualTo(AgentResult.Failure.AUTHENTICATION);
    assertThat(r.error()).contains("/login");
  }
}
