package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentEnvironmentProbe;
import dev.vsm.application.port.out.AgentOptions;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentResult.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runner must never do (#11): report a command line the system refused, or a definition it
 * cannot read, as a missing CLI; leave a child running when its time limit does not fit a timer;
 * leave its output files behind for good.
 */
class ClaudeRunnerSafetyTest {

  @TempDir Path work;
  private FakeClaude fake;
  private Path scratch;
  private final Map<String, String> env = new HashMap<>(System.getenv());
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void install() throws IOException {
    fake = FakeClaude.installIn(work.resolve("fake"));
    scratch = Files.createDirectories(work.resolve("scratch"));
    env.put("TMPDIR", scratch.toString());
  }

  private AgentResult run(String agent, Duration timeout) {
    return ClaudeAdapters.agentRunner(
            ClaudeSettings.fromEnvironment(fake.command().toString(), env), warnings::add)
        .run(
            new AgentRequest(
                agent,
                AgentRole.OPERATIONS,
                "Do it.",
                work,
                timeout,
                AgentOptions.defaults(),
                "{\"type\":\"object\"}"));
  }

  private Path projectAgent(String name) throws IOException {
    return Files.createDirectories(work.resolve(".claude/agents")).resolve(name + ".md");
  }

  @Test
  void a_definition_too_long_to_pass_fails_naming_its_file_and_never_says_claude_is_missing()
      throws IOException {
    Path file = projectAgent("s1-tester");
    Files.writeString(file, "---\nname: s1-tester\ndescription: t\n---\n" + "a".repeat(200_000));

    AgentResult r = run("s1-tester", Duration.ofSeconds(30));

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.failure().isFatal()).isFalse();
    assertThat(r.error()).contains(file.toString()).contains("128 KB").doesNotContain("not found");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void a_command_line_the_system_refuses_is_not_reported_as_a_missing_command() {
    // Each variable under the 128 KB one string may have, together over what execve takes (E2BIG).
    for (int i = 0; i < 40; i++) {
      env.put("VSM_TEST_BULK_" + i, "x".repeat(100_000));
    }

    AgentResult r = run("s1-tester", Duration.ofSeconds(30));

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.error()).contains("Argument list too long").doesNotContain("not found");
  }

  @Test
  void a_definition_that_is_not_utf8_fails_naming_its_file() throws IOException {
    Path file = projectAgent("s1-tester");
    Files.write(file, new byte[] {'-', '-', '-', '\n', 'a', (byte) 0xff, (byte) 0xfe, '\n'});

    AgentResult r = run("s1-tester", Duration.ofSeconds(30));

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.error()).isEqualTo(file + " is not valid UTF-8: save it as UTF-8 or remove it");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void a_definition_without_frontmatter_fails_before_claude_runs() throws IOException {
    Path file = projectAgent("s1-tester");
    Files.writeString(file, "Write the tests first.\n");

    AgentResult r = run("s1-tester", Duration.ofSeconds(30));

    assertThat(r.failure()).isEqualTo(Failure.ERROR);
    assertThat(r.error()).startsWith(file + " has no frontmatter").contains("name: s1-tester");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void doctors_probe_checks_every_agent_a_cycle_may_run_a_projects_own_specialists_too()
      throws IOException {
    Path own = projectAgent("s1-data-wrangler");
    Files.write(own, new byte[] {'-', '-', '-', '\n', (byte) 0xc3, '\n'});
    Path notVsms = projectAgent("code-reviewer");
    Files.write(notVsms, new byte[] {(byte) 0xff});
    Path huge = projectAgent("system2-coordination");
    Files.writeString(huge, "x".repeat(2_000_000));

    AgentEnvironmentProbe.Definitions d =
        ClaudeAdapters.environmentProbe(
                ClaudeSettings.fromEnvironment(fake.command().toString(), env),
                Duration.ofSeconds(30))
            .definitions(work);

    assertThat(d.problems())
        .containsExactlyInAnyOrder(
            new AgentEnvironmentProbe.Problem(
                huge
                    + " is over 512 KB, far over the 128 KB an agent definition may have once"
                    + " passed to claude",
                "shorten it"),
            new AgentEnvironmentProbe.Problem(
                own + " is not valid UTF-8", "save it as UTF-8 or remove it"));
    assertThat(d.agents()).isEqualTo(13);
  }

  private List<String> environmentProblems(String command) {
    return ClaudeAdapters.agentRunner(ClaudeSettings.fromEnvironment(command, env), warnings::add)
        .environmentProblems(work);
  }

  @Test
  void a_logged_in_cli_with_usable_definitions_is_ready_and_no_agent_ran() {
    assertThat(environmentProblems(fake.command().toString())).isEmpty();
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void before_a_cycle_a_missing_cli_is_the_one_problem_and_says_how_to_install_it() {
    assertThat(environmentProblems(work.resolve("nowhere/claude").toString()))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("not found")
        .contains("npm install -g @anthropic-ai/claude-code");
  }

  @Test
  void before_a_cycle_a_cli_not_logged_in_is_found_without_running_an_agent() {
    fake.mode("auth", "loggedout");

    assertThat(environmentProblems(fake.command().toString()))
        .containsExactly(
            "Claude Code is not logged in: run `claude` and type /login, or set ANTHROPIC_API_KEY");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void before_a_cycle_every_unusable_definition_it_may_run_is_named_by_its_file()
      throws IOException {
    Path own = projectAgent("s1-data-wrangler");
    Files.write(own, new byte[] {'-', '-', '-', '\n', (byte) 0xc3, '\n'});
    Path huge = projectAgent("s1-tester");
    Files.writeString(huge, "---\nname: s1-tester\ndescription: t\n---\n" + "a".repeat(200_000));
    Path garbage = projectAgent("s1-x");
    Files.writeString(garbage, "garbage");

    assertThat(environmentProblems(fake.command().toString()))
        .containsExactlyInAnyOrder(
            own + " is not valid UTF-8: save it as UTF-8 or remove it",
            huge
                + " is 196 KB once passed to claude, over the 128 KB an argument may have:"
                + " shorten it",
            garbage
                + " has no frontmatter, so it is no agent definition: begin it with a block of"
                + " '---', 'name: s1-x', 'description: …', '---' lines, the prompt after it, or"
                + " remove it");
    assertThat(fake.calls()).isEmpty();
  }

  @Test
  void a_time_limit_too_long_for_a_timer_is_waited_out_and_no_child_is_left_running() {
    fake.mode("s1-tester", "slow");
    env.put("FAKE_CLAUDE_SLEEP", "1");

    AgentResult r = run("s1-tester", Duration.ofHours(9_999_999));

    assertThat(r.success()).as(r.error()).isTrue();
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
        .as("children left running")
        .isEmpty();
  }

  @Test
  void
      a_runs_output_file_is_the_users_alone_in_the_scratch_directory_named_by_its_process_and_removed_after()
          throws IOException {
    // A CLI that first notes what is in the scratch directory while it runs.
    Path seen = work.resolve("seen.txt");
    Path noting = work.resolve("noting-claude");
    Files.writeString(
        noting,
        "#!/bin/sh\nls -l \"$TMPDIR\" | grep vsm-claude > '"
            + seen
            + "'\nexec '"
            + fake.command()
            + "' \"$@\"\n");
    noting.toFile().setExecutable(true);

    AgentResult r =
        ClaudeAdapters.agentRunner(ClaudeSettings.fromEnvironment(noting.toString(), env), w -> {})
            .run(
                new AgentRequest(
                    "s1-tester",
                    AgentRole.OPERATIONS,
                    "Do it.",
                    work,
                    Duration.ofSeconds(30),
                    AgentOptions.defaults(),
                    "{\"type\":\"object\"}"));

    assertThat(r.success()).as(r.error()).isTrue();
    assertThat(Files.readAllLines(seen))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .as("the user's alone, named by its process")
                    .startsWith("-rw------- ")
                    .containsPattern(
                        " vsm-claude-" + ProcessHandle.current().pid() + "-\\d+\\.json$"));
    assertThat(files()).isEmpty();
  }

  @Test
  void the_files_of_vsm_processes_that_are_gone_are_removed_before_the_first_agent()
      throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path ofDeadProcess = Files.createFile(scratch.resolve("vsm-claude-" + gone.pid() + "-1.json"));
    long alive = ProcessHandle.current().pid();
    Path ofLiveProcess = Files.createFile(scratch.resolve("vsm-claude-" + alive + "-2.json"));
    Path oldUnnamed = Files.createFile(scratch.resolve("vsm-claude-4711.json"));
    Files.setLastModifiedTime(oldUnnamed, FileTime.from(Instant.now().minus(Duration.ofDays(9))));
    Path recentUnnamed = Files.createFile(scratch.resolve("vsm-claude-4712.json"));
    Path someoneElses = Files.createFile(scratch.resolve("notes.json"));

    AgentResult r = run("s1-tester", Duration.ofSeconds(30));

    assertThat(r.success()).as(r.error()).isTrue();
    assertThat(ofDeadProcess).doesNotExist();
    assertThat(oldUnnamed).doesNotExist();
    assertThat(ofLiveProcess).exists();
    assertThat(recentUnnamed).exists();
    assertThat(someoneElses).exists();
  }

  private AgentResult runWithCap(double cap) {
    return ClaudeAdapters.agentRunner(
            ClaudeSettings.fromEnvironment(fake.command().toString(), env), warnings::add)
        .run(
            new AgentRequest(
                "s1-tester",
                AgentRole.OPERATIONS,
                "Do it.",
                work,
                Duration.ofSeconds(30),
                new AgentOptions(null, null, cap, null),
                "{\"type\":\"object\"}"));
  }

  /** What the runner passes with {@code --max-budget-usd} for {@code cap}. */
  private String passedFor(double cap) {
    List<String> args =
        new ClaudeProcessRunner(
                ClaudeSettings.fromEnvironment(fake.command().toString(), env),
                new AgentDefinitions(null),
                warnings::add)
            .arguments(
                new AgentRequest(
                    "s1-tester",
                    AgentRole.OPERATIONS,
                    "x",
                    work,
                    Duration.ofSeconds(1),
                    new AgentOptions(null, null, cap, null),
                    "{}"));
    return args.get(args.indexOf("--max-budget-usd") + 1);
  }

  @Test
  void a_cap_is_passed_rounded_down_so_that_split_caps_never_add_up_to_more() {
    assertThat(passedFor(0.03125)).isEqualTo("0.0312");
    assertThat(passedFor(0.0133)).isEqualTo("0.0133");
    assertThat(passedFor(133 * 0.0001)).isEqualTo("0.0133"); // 0.013300000000000001
    assertThat(passedFor(0.0625)).isEqualTo("0.0625");
  }

  @Test
  void a_cap_under_a_hundredth_of_a_cent_is_never_passed_as_zero_the_agent_is_not_started() {
    AgentResult r = runWithCap(0.00004);

    assertThat(r.failure()).isEqualTo(Failure.LIMIT);
    assertThat(r.error()).contains("not started").contains("$0.0001");
    assertThat(fake.calls()).isEmpty();
    assertThat(runWithCap(0.0001).success()).isTrue();
  }

  private List<Path> files() {
    try (Stream<Path> s = Files.list(scratch)) {
      return s.toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
