package dev.vsm.application.testing;

import dev.vsm.application.port.out.AgentActivity;
import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.protocol.JsonText;
import dev.vsm.application.protocol.SystemAgent;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.cycle.ToolCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An agent runner that answers from a script: per agent name a function from request to result,
 * with sensible default replies for every system agent and S1 specialist. Records every request.
 */
public final class ScriptedAgentRunner implements AgentRunner {

  public static final double COST_PER_RUN = 0.01;
  public static final long INPUT_TOKENS_PER_RUN = 100;
  public static final long OUTPUT_TOKENS_PER_RUN = 50;

  private final Map<String, BiFunction<AgentRequest, AgentActivity, AgentResult>> scripts =
      new ConcurrentHashMap<>();
  private final List<AgentRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> environmentProblems = new ArrayList<>();

  public ScriptedAgentRunner() {
    replyTo(
        "system4-strategy",
        Map.of(
            "task_analysis", "scripted analysis",
            "risks", List.of(),
            "opportunities", List.of(),
            "strategic_recommendation", Map.of("approach", "scripted approach")));
    replyTo(
        "system3-control", s3("medium", "sequential", agent("code-writer", 1), agent("tester", 2)));
    replyTo(
        "system2-coordination",
        Map.of(
            "execution_schedule", List.of(Map.of("step", 1, "agents", List.of("code-writer"))),
            "parallel_groups", List.of(),
            "conflict_zones", List.of()));
    replyTo(
        "system3-audit",
        Map.of(
            "audit_passed",
            true,
            "overall_score",
            0.9,
            "quality_assessment",
            Map.of("issues_found", List.of()),
            "oscillation_check",
            Map.of("oscillation_detected", false, "evidence", "")));
    replyTo("system5-policy", Map.of("approved", true, "decision", "approve", "rationale", "fine"));
  }

  /** An S3 reply: complexity, execution mode and the selected agents. */
  @SafeVarargs
  public static Map<String, Object> s3(
      String complexity, String mode, Map<String, Object>... agents) {
    return Map.of(
        "complexity", complexity, "selected_agents", List.of(agents), "execution_mode", mode);
  }

  /** One selected agent of an S3 reply. */
  public static Map<String, Object> agent(String name, int order) {
    return Map.of("agent", name, "order", order);
  }

  /** An S1 report with {@code status}. */
  public static Map<String, Object> report(String status, String summary) {
    return Map.of(
        "status",
        status,
        "summary",
        summary,
        "files_modified",
        List.of(),
        "tests_run",
        List.of(),
        "blockers",
        List.of());
  }

  /** The agent replies with the JSON object {@code reply} (successfully). */
  public ScriptedAgentRunner replyTo(String agent, Map<String, ?> reply) {
    return on(agent, r -> ok(r.agent(), reply));
  }

  /** The agent succeeds with {@code text} and no JSON object the runner could read. */
  public ScriptedAgentRunner repliesWithoutJson(String agent, String text) {
    return on(agent, r -> okWithoutReply(r.agent(), text));
  }

  /** The agent fails with {@code error}. */
  public ScriptedAgentRunner failing(String agent, String error) {
    return on(
        agent,
        r -> AgentResult.failed(r.agent(), AgentResult.Failure.ERROR, error, Duration.ofMillis(1)));
  }

  public ScriptedAgentRunner on(String agent, Function<AgentRequest, AgentResult> script) {
    scripts.put(agent, (request, activity) -> script.apply(request));
    return this;
  }

  /**
   * The agent edits {@code files} (relative to where it runs; its activity hears each Edit, with
   * the absolute path as Claude Code names it) and reports that it completed.
   */
  public ScriptedAgentRunner changing(String agent, String... files) {
    scripts.put(
        agent,
        (request, activity) -> {
          for (String f : files) {
            activity.toolUsed(
                ToolCall.of("Read", Map.of("file_path", request.runsIn().resolve(f).toString())));
            activity.toolUsed(
                ToolCall.of("Edit", Map.of("file_path", request.runsIn().resolve(f).toString())));
          }
          return ok(request.agent(), report("completed", "changed " + String.join(", ", files)));
        });
    return this;
  }

  /** A successful run replying {@code reply} (also its output text), with the per-run cost. */
  public static AgentResult ok(String agent, Map<String, ?> reply) {
    return result(agent, JsonText.of(reply), Optional.of(AgentReply.of(reply)));
  }

  /** A successful run whose output holds no JSON object. */
  public static AgentResult okWithoutReply(String agent, String text) {
    return result(agent, text, Optional.empty());
  }

  private static AgentResult result(String agent, String text, Optional<AgentReply> reply) {
    return new AgentResult(
        agent,
        true,
        text,
        reply,
        null,
        AgentResult.Failure.NONE,
        Duration.ofMillis(1),
        COST_PER_RUN,
        INPUT_TOKENS_PER_RUN,
        OUTPUT_TOKENS_PER_RUN,
        "session-" + agent);
  }

  /** A script that waits for {@code latch} (up to the request's timeout), then replies. */
  public static Function<AgentRequest, AgentResult> afterLatch(
      CountDownLatch latch, Function<AgentRequest, AgentResult> then) {
    return r -> {
      try {
        if (!latch.await(r.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
          return AgentResult.failed(
              r.agent(), AgentResult.Failure.TIMEOUT, "timed out", r.timeout());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return AgentResult.failed(
            r.agent(), AgentResult.Failure.CANCELLED, "cancelled", Duration.ZERO);
      }
      return then.apply(r);
    };
  }

  /** From now on agents cannot run here, for {@code problem} (no CLI, not logged in…). */
  public synchronized ScriptedAgentRunner environmentProblem(String problem) {
    environmentProblems.add(problem);
    return this;
  }

  @Override
  public synchronized List<String> environmentProblems(Path workingDirectory) {
    return List.copyOf(environmentProblems);
  }

  /**
   * The built-in agents (the five system agents, the default specialists) and every scripted one.
   */
  @Override
  public Set<String> definedAgents(Path workingDirectory) {
    Set<String> names = new LinkedHashSet<>();
    for (SystemAgent a : SystemAgent.values()) {
      names.add(a.agentName());
    }
    AgentRegistry.defaults("").agents().keySet().forEach(n -> names.add(AgentName.s1(n)));
    names.addAll(scripts.keySet());
    return names;
  }

  @Override
  public AgentResult run(AgentRequest request) {
    return run(request, AgentActivity.NONE);
  }

  @Override
  public AgentResult run(AgentRequest request, AgentActivity activity) {
    requests.add(request);
    if (Thread.currentThread().isInterrupted()) {
      return AgentResult.failed(
          request.agent(), AgentResult.Failure.CANCELLED, "cancelled", Duration.ZERO);
    }
    if (!definedAgents(request.workingDirectory()).contains(request.agent())) {
      return AgentResult.failed(
          request.agent(),
          AgentResult.Failure.ERROR,
          "no definition for agent '" + request.agent() + "'",
          Duration.ZERO);
    }
    BiFunction<AgentRequest, AgentActivity, AgentResult> script = scripts.get(request.agent());
    if (script != null) {
      return script.apply(request, activity);
    }
    if (request.agent().startsWith("s1-")) {
      return ok(request.agent(), report("completed", "scripted change by " + request.agent()));
    }
    return AgentResult.failed(
        request.agent(),
        AgentResult.Failure.ERROR,
        "no script for " + request.agent(),
        Duration.ZERO);
  }

  public List<AgentRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<String> invokedAgents() {
    return requests().stream().map(AgentRequest::agent).toList();
  }

  public List<String> invokedS1Agents() {
    return invokedAgents().stream().filter(a -> a.startsWith("s1-")).toList();
  }

  /** The prompt of the last request to {@code agent}. */
  public String lastPromptTo(String agent) {
    List<AgentRequest> all = requests();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).agent().equals(agent)) {
        return all.get(i).prompt();
      }
    }
    throw new AssertionError(agent + " was not invoked; invoked: " + invokedAgents());
  }
}
