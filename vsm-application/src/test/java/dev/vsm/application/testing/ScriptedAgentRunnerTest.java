package dev.vsm.application.testing;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

class ScriptedAgentRunnerTest extends AbstractAgentRunnerContract {

  @Override
  protected AgentRunner runner(Behaviour behaviour) {
    ScriptedAgentRunner r = new ScriptedAgentRunner();
    String agent = "s1-tester";
    return switch (behaviour) {
      case REPLIES -> r.replyTo(agent, Map.of("status", "completed", "answer", 42));
      case QUOTES_JSON_BEFORE_ITS_REPORT ->
          r.replyTo(agent, Map.of("status", "failed", "blockers", List.of("tests")));
      case FAILS -> r.failing(agent, "the agent broke");
      case HANGS -> r.on(agent, ScriptedAgentRunner.afterLatch(new CountDownLatch(1), x -> null));
      case NOT_LOGGED_IN ->
          r.on(
              "system4-strategy",
              x ->
                  AgentResult.failed(
                      x.agent(),
                      AgentResult.Failure.AUTHENTICATION,
                      "Not logged in",
                      Duration.ZERO));
    };
  }
}
