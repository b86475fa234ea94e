package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentRunner;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login check a cycle starts ahead of its set-up (#18): one {@code claude auth status} per
 * cycle, its answer the one the cycle goes by, its process stopped when the wait is interrupted.
 */
class LoginCheckTest {

  private static final String NOT_LOGGED_IN =
      "Claude Code is not logged in: run `claude` and type /login, or set ANTHROPIC_API_KEY";

  @TempDir Path work;
  private FakeClaude fake;
  private AgentRunner runner;

  @BeforeEach
  void install() throws IOException {
    fake = FakeClaude.installIn(work.resolve("fake"));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TMPDIR", Files.createDirectories(work.resolve("scratch")).toString());
    runner =
        ClaudeAdapters.agentRunner(
            ClaudeSettings.fromEnvironment(fake.command().toString(), env), w -> {});
  }

  @Test
  void the_check_started_early_is_asked_once_and_its_answer_stops_the_cycle() {
    fake.mode("auth", "loggedout");

    runner.startEnvironmentCheck(work);
    runner.startEnvironmentCheck(work);

    assertThat(runner.environmentProblems(work)).containsExactly(NOT_LOGGED_IN);
    assertThat(fake.loginChecks()).isEqualTo(1);
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void each_cycle_asks_afresh_and_one_started_without_an_early_check_asks_itself() {
    runner.startEnvironmentCheck(work);
    assertThat(runner.environmentProblems(work)).isEmpty();
    assertThat(fake.loginChecks()).isEqualTo(1);

    fake.mode("auth", "loggedout");
    runner.startEnvironmentCheck(work);
    assertThat(runner.environmentProblems(work)).containsExactly(NOT_LOGGED_IN);
    assertThat(fake.loginChecks()).isEqualTo(2);

    assertThat(runner.environmentProblems(work)).containsExactly(NOT_LOGGED_IN);
    assertThat(fake.loginChecks()).isEqualTo(3);
  }

  @Test
  void an_interrupted_wait_stops_the_check_and_its_process() throws Exception {
    fake.mode("auth", "hang");
    Path pidFile = fake.directory().resolve("auth.pid");
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      fake.directory().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
      runner.startEnvironmentCheck(work);
      while (!Files.exists(pidFile)) { // written aside and renamed: whole once it is there
        WatchKey created = watcher.poll(30, TimeUnit.SECONDS);
        assertThat(created).as("claude auth status started").isNotNull();
        created.pollEvents();
        created.reset();
      }
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());

    Thread.currentThread().interrupt();
    var problems = runner.environmentProblems(work);

    assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    assertThat(problems).as("an unanswered login is no problem").isEmpty();
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }
}
