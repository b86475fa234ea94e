package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.protocol.S4Protocol.S4Analysis;
import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.complexity.ScopeEstimate;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S3S4Conflict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prompt an agent reads, pinned word for word by a golden file under {@code
 * src/test/resources/prompts/}. After changing a prompt on purpose, regenerate the files with
 * {@code -Dvsm.golden.update=true} and read the diff as product text.
 */
class PromptGoldenTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "prompts");

  /** What a record's or a map's toString() looks like: {@code Name[a=…} or {@code {a=…}. */
  private static final Pattern TO_STRING = Pattern.compile("\\w\\[\\w+=|\\{\\w+=|, \\w+=");

  private static final String TASK = "Add rate limiting to the login endpoint";

  /** The rules' view, written out (not computed: the golden files pin the prompts, not rules). */
  private static final ComplexityAssessment RULES =
      new ComplexityAssessment(
          Complexity.MEDIUM,
          0.7,
          "Keywords suggest medium; Domain: backend",
          List.of("code-writer", "tester"),
          List.of(AgentType.FUNCTIONAL, AgentType.FUNCTIONAL),
          false,
          List.of("endpoint"),
          List.of("backend"),
          ScopeEstimate.MULTI_FILE,
          0.45);

  private static final S3Allocation ALLOCATION =
      new S3Allocation(
          "cafe0001",
          "medium",
          List.of(
              new AllocatedAgent("code-writer", "implement the limiter", 1, "LoginController"),
              new AllocatedAgent("tester", "", 2, "tests for the limiter"),
              AllocatedAgent.named("reviewer")),
          "one feature in one module",
          "2026-01-15T10:00:00Z",
          false);
  private static final S4Analysis S4 =
      new S4Analysis(
          "The login endpoint has no throttling; a filter fits the existing chain.",
          List.of("Spring Boot 3", "Redis is available"),
          List.of(
              Map.of("risk", "locking out real users", "severity", "medium"),
              "clock skew between nodes"),
          List.of("reuse the existing filter chain"),
          "Add a servlet filter backed by Redis",
          "medium",
          List.of("code-writer", "tester"),
          false);

  static List<String> prompts() {
    return List.copyOf(prompt().keySet());
  }

  private static Map<String, String> prompt() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("s4", new S4Protocol(TASK, RULES).prompt());
    List<String> specialists =
        List.of("generalist-coder", "code-writer", "tester", "reviewer", "backend");
    p.put("s3", new S3Protocol(TASK, S4, RULES, specialists, null, null, List.of()).prompt());
    p.put(
        "s3-after-rejection",
        new S3Protocol(
                TASK,
                new S4Protocol(TASK, RULES).standIn(),
                RULES,
                specialists,
                Complexity.MEDIUM,
                "a reviewer is needed for security work",
                List.of("S3* audits strictly: pass only work with no open issue"))
            .prompt());
    p.put("s5-approval", new S5Protocol.Approval(TASK, ALLOCATION).prompt());
    p.put(
        "s5-ruling",
        new S5Protocol.Ruling(TASK, List.of(S3S4Conflict.detect("complex", "medium").orElseThrow()))
            .prompt());
    List<List<String>> steps = List.of(List.of("code-writer"), List.of("tester", "reviewer"));
    p.put("s2", new S2Protocol(TASK, ALLOCATION, steps, false).prompt());
    p.put("s2-coordinating-harder", new S2Protocol(TASK, ALLOCATION, steps, true).prompt());
    Map<String, Object> plan = new LinkedHashMap<>();
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("step", 1);
    step.put("agents", List.of("code-writer"));
    step.put("handoff", "the filter, for the tester");
    plan.put("execution_schedule", List.of(step));
    plan.put("conflict_zones", List.of());
    p.put(
        "s1",
        S1Protocol.prompt(TASK, ALLOCATION.selectedAgents().get(0), S4.approach(), plan, null));
    p.put(
        "s1-review-step",
        S1Protocol.prompt(TASK, AllocatedAgent.named("reviewer"), null, plan, "tester"));
    List<AgentResult> s1 =
        List.of(
            new AgentResult(
                    "s1-code-writer",
                    true,
                    "Added RateLimitFilter.\n{\"status\": \"completed\"}",
                    Optional.of(AgentReply.of(Map.of("status", "completed"))),
                    null,
                    AgentResult.Failure.NONE,
                    Duration.ofSeconds(40),
                    0.02,
                    10,
                    5,
                    "s")
                .withFilesChanged(List.of("src/main/java/RateLimitFilter.java")),
            AgentResult.failed(
                "s1-tester", AgentResult.Failure.TIMEOUT, "timed out after 30 min", Duration.ZERO));
    p.put("audit", new AuditProtocol(TASK, s1, false).prompt());
    p.put(
        "s5-merge-conflict",
        new S5MergeConflict(
                TASK,
                "s1-tester",
                List.of("s1-code-writer"),
                List.of("src/main/java/RateLimitFilter.java"),
                Map.of(
                    "s1-code-writer", "Added RateLimitFilter.",
                    "s1-tester", "Made the limiter testable."))
            .prompt());
    p.put("audit-strict", new AuditProtocol(TASK, s1, true).prompt());
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prompts")
  void each_prompt_reads_as_its_golden_file(String name) throws IOException {
    String text = prompt().get(name);
    Path golden = GOLDEN.resolve(name + ".txt");
    if (Boolean.getBoolean("vsm.golden.update")) {
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }

    assertThat(TO_STRING.matcher(text).find()).as("a toString() in:\n%s", text).isFalse();
    assertThat(golden).as("golden file %s (see the class comment)", golden).exists();
    assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
