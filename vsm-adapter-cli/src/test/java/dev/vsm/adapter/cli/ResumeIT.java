package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar against the scripted claude: a cycle killed with SIGKILL at each phase goes on
 * with {@code vsm resume} where it stopped, and a complex task whose one S1 agent failed costs far
 * less to resume than to run again.
 */
class ResumeIT {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String COMPLEX = "Add user authentication with OAuth2";

  @TempDir Path tmp;
  private Path project;
  private FakeClaude claude;

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    claude = FakeClaude.installIn(tmp.resolve("bin"));
  }

  /** {@code vsm -d PROJECT COMMAND --claude-command FAKE ARGS}. */
  private ProcessBuilder vsm(String command, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "-d",
                project.toString(),
                command,
                "--claude-command",
                claude.command().toString()));
    all.addAll(List.of(args));
    return PackagedVsm.builder(project, all);
  }

  private PackagedVsm.Result run(String command, String... args) throws Exception {
    return PackagedVsm.run(vsm(command, args), 120);
  }

  private Map<?, ?> currentTask() throws IOException {
    return JSON.readValue(
        Files.readAllBytes(project.resolve(".claude/vsm-state/current-task.json")), Map.class);
  }

  @ParameterizedTest
  @CsvSource({
    // killed while this agent ran | what a resume must run, in order
    "system4-strategy, system4-strategy system3-control system2-coordination s1-code-writer s1-tester system3-audit",
    "system2-coordination, system2-coordination s1-code-writer s1-tester system3-audit",
    "s1-tester, s1-tester system3-audit",
    "system3-audit, system3-audit"
  })
  void a_cycle_killed_at_any_phase_goes_on_where_it_stopped(String killedIn, String resumeRuns)
      throws Exception {
    claude.mode(killedIn, "slow");
    ProcessBuilder pb = vsm("run", "--medium", "Add input validation to the login form");
    pb.environment().put("FAKE_CLAUDE_SLEEP", "30");
    Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null && !line.contains(killedIn + " started")) {
        // wait for the point to kill at
      }
      awaitSessionOf(killedIn);
      List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
      p.destroyForcibly(); // SIGKILL
      tree.forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String id = (String) currentTask().get("id");
    int before = claude.calls().size();
    claude.mode(killedIn, "reply");

    PackagedVsm.Result r = run("resume", id);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("VSM Cycle Complete: SUCCESS").contains("(attempt 2)");
    assertThat(String.join(" ", claude.calls().subList(before, claude.calls().size())))
        .isEqualTo(resumeRuns);
    if (killedIn.startsWith("s1-")) {
      FakeClaude.Call last = claude.callsWithSessions().get(before);
      assertThat(last.resumed())
          .as("the stopped agent continues its Claude session")
          .isEqualTo(claude.callsWithSessions().get(before - 1).session());
    }
    assertThat(currentTask().get("status")).isEqualTo("completed");
    assertThat(Files.readString(project.resolve(".claude/vsm-state/agent-registry.json")))
        .doesNotContain("\"busy\"");
  }

  /**
   * Waits until the scripted claude of {@code agent} has begun its Claude session (vsm says an
   * agent started a moment before its process does): a kill before that leaves no session to
   * continue.
   */
  private void awaitSessionOf(String agent) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (claude.callsWithSessions().stream()
        .filter(c -> c.agent().equals(agent))
        .noneMatch(
            c -> Files.exists(claude.directory().resolve("sessions").resolve(c.session())))) {
      assertThat(System.nanoTime()).as("%s never began its session", agent).isLessThan(deadline);
      Thread.sleep(10); // another process's progress: nothing to wait on but the file it writes
    }
  }

  @Test
  void a_second_process_cannot_resume_a_task_another_process_is_resuming() throws Exception {
    claude.mode("s1-tester", "fail");
    assertThat(run("run", "--medium", "Add input validation to the login form").code()).isOne();
    String id = (String) currentTask().get("id");
    claude.mode("s1-tester", "slow");
    ProcessBuilder pb = vsm("resume", id);
    pb.environment().put("FAKE_CLAUDE_SLEEP", "30");
    Process first = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(first.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null && !line.contains("s1-tester started")) {
        // the first process holds the task now
      }

      PackagedVsm.Result second = run("resume", id);

      assertThat(second.code()).as(second.err()).isEqualTo(3);
      assertThat(second.err().strip()).startsWith("vsm: task " + id).doesNotContain("\n");
      List<ProcessHandle> tree = new ArrayList<>(first.descendants().toList());
      first.destroyForcibly();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    claude.mode("s1-tester", "reply");
    assertThat(run("resume", id).code())
        .as("the task can be resumed once the claim is gone")
        .isZero();
  }

  @Test
  void resuming_a_complex_task_whose_one_agent_failed_runs_two_agents_not_seven() throws Exception {
    // S3 gives the task three specialists, S2 runs the backend and the tester side by side, then
    // the reviewer: a full run is S4, S3, S2, three S1 agents and S3*.
    claude.reply(
        "system3-control",
        "{\"complexity\": \"complex\", \"complexity_rationale\": \"across the stack\","
            + " \"selected_agents\": ["
            + "{\"agent\": \"backend\", \"role\": \"implement\", \"order\": 1},"
            + " {\"agent\": \"tester\", \"role\": \"test\", \"order\": 1},"
            + " {\"agent\": \"reviewer\", \"role\": \"review\", \"order\": 2}],"
            + " \"execution_mode\": \"parallel\"}");
    claude.reply(
        "system2-coordination",
        "{\"execution_schedule\": ["
            + "{\"step\": 1, \"agents\": [\"backend\", \"tester\"], \"handoff\": \"code, tests\"},"
            + " {\"step\": 2, \"agents\": [\"reviewer\"], \"handoff\": \"review notes\"}],"
            + " \"parallel_groups\": [[\"backend\", \"tester\"]], \"conflict_zones\": []}");
    claude.mode("s1-tester", "fail");
    PackagedVsm.Result failed = run("run", "--json", COMPLEX);
    assertThat(failed.code()).isEqualTo(1);
    Map<?, ?> first = JSON.readValue(failed.out(), Map.class);
    String id = (String) first.get("task_id");
    List<String> full = claude.calls();
    claude.mode("s1-tester", "reply");

    PackagedVsm.Result resumed = run("resume", "--json", id);

    Map<?, ?> doc = JSON.readValue(resumed.out(), Map.class);
    assertThat(doc.get("success")).isEqualTo(true);
    assertThat(doc.get("attempt")).isEqualTo(2);
    assertThat(claude.calls().subList(full.size(), claude.calls().size()))
        .containsExactly("s1-tester", "system3-audit");
    assertThat(full)
        .as("a full run")
        .containsExactlyInAnyOrder(
            "system4-strategy",
            "system3-control",
            "system2-coordination",
            "s1-backend",
            "s1-tester",
            "s1-reviewer",
            "system3-audit");
    assertThat((Double) doc.get("cost_usd")).isEqualTo(2 * 0.0123);
    assertThat((Double) first.get("cost_usd")).isEqualTo(7 * 0.0123);
  }
}
