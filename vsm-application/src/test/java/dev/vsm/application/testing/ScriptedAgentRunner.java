package dev.vsm.application.testing;

import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An agent runner that answers from a script: per agent name a function from request to result,
 * with sensible default replies for every system agent and S1 specialist. Records every request.
 */
public final class ScriptedAgentRunner implements AgentRunner {

  public static final double COST_PER_RUN = 0.01;
  public static final long INPUT_TOKENS_PER_RUN = 100;
  public static final long OUTPUT_TOKENS_PER_RUN = 50;

  private final Map<String, Function<AgentRequest, AgentResult>> scripts =
      new ConcurrentHashMap<>();
  private final List<AgentRequest> requests = Collections.synchronizedList(new ArrayList<>());

  public ScriptedAgentRunner() {
    replyTo(
        "system4-strategy",
        "{\"task_analysis\":\"scripted analysis\",\"risks\":[],\"opportunities\":[],"
            + "\"strategic_recommendation\":{\"approach\":\"scripted approach\"}}");
    replyTo(
        "system3-control",
        "{\"complexity\":\"medium\",\"complexity_rationale\":\"scripted\",\"selected_agents\":["
            + "{\"agent\":\"code-writer\",\"order\":1},{\"agent\":\"tester\",\"order\":2}],"
            + "\"execution_mode\":\"sequential\"}");
    replyTo(
        "system2-coordination",
        "{\"execution_schedule\":[{\"step\":1,\"agents\":[\"code-writer\"]}],"
            + "\"parallel_groups\":[],\"conflict_zones\":[]}");
    replyTo(
        "system3-audit",
        "{\"audit_passed\":true,\"overall_score\":0.9,\"quality_assessment\":{\"issues_found\":[]},"
            + "\"oscillation_check\":{\"oscillation_detected\":false,\"evidence\":\"\"}}");
    replyTo(
        "system5-policy", "{\"approved\":true,\"decision\":\"approve\",\"rationale\":\"fine\"}");
  }

  /** The agent replies with {@code text} (successfully). */
  public ScriptedAgentRunner replyTo(String agent, String text) {
    return on(agent, r -> ok(r.agent(), text));
  }

  /** The agent fails with {@code error}. */
  public ScriptedAgentRunner failing(String agent, String error) {
    return on(
        agent,
        r -> AgentResult.failed(r.agent(), AgentResult.Failure.ERROR, error, Duration.ofMillis(1)));
  }

  public ScriptedAgentRunner on(String agent, Function<AgentRequest, AgentResult> script) {
    scripts.put(agent, script);
    return this;
  }

  /** A successful result with the per-run cost and tokens. */
  public static AgentResult ok(String agent, String text) {
    return new AgentResult(
        agent,
        true,
        text,
        Optional.empty(),
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

  @Override
  public AgentResult run(AgentRequest request) {
    requests.add(request);
    if (Thread.currentThread().isInterrupted()) {
      return AgentResult.failed(
          request.agent(), AgentResult.Failure.CANCELLED, "cancelled", Duration.ZERO);
    }
    Function<AgentRequest, AgentResult> script = scripts.get(request.agent());
    if (script != null) {
      return script.apply(request);
    }
    if (request.agent().startsWith("s1-")) {
      return ok(
          request.agent(),
          "Done.\n```json\n{\"status\":\"completed\",\"changes_made\":\"scripted change by "
              + request.agent()
              + "\",\"files_modified\":[],\"blockers\":[]}\n```");
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
