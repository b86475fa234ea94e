package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.testing.AbstractAgentRunnerContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The runner contract against real child processes of the scripted stand-in CLI. */
class FakeClaudeRunnerTest extends AbstractAgentRunnerContract {

  @Override
  protected AgentRunner runner(Behaviour behaviour) {
    FakeClaude fake = FakeClaude.installIn(workDir.resolve("fake"));
    switch (behaviour) {
      case REPLIES -> fake.reply("s1-tester", "Here: {\"status\":\"completed\",\"answer\":42}");
      case QUOTES_JSON_BEFORE_ITS_REPORT ->
          fake.mode("s1-tester", "text-only")
              .reply(
                  "s1-tester",
                  "The endpoint answers {\"status\": \"ok\"}.\n\n"
                      + "{\"status\": \"failed\", \"blockers\": [\"tests\"]}");
      case FAILS -> fake.mode("s1-tester", "fail");
      case HANGS -> fake.mode("s1-tester", "hang");
      case NOT_LOGGED_IN -> fake.mode("system4-strategy", "notloggedin");
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    return ClaudeAdapters.agentRunner(
        ClaudeSettings.fromEnvironment(fake.command().toString(), env)
            .withKillGrace(Duration.ofSeconds(1)),
        message -> {});
  }
}
