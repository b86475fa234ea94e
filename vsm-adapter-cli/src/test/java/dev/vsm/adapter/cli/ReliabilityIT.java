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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * §10: many vsm processes in one directory, and vsm killed with SIGKILL in the middle of a cycle.
 */
class ReliabilityIT {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;
  private Path project;
  private FakeClaude claude;

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    claude = FakeClaude.installIn(tmp.resolve("bin"));
  }

  private ProcessBuilder vsm(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("-d", project.toString(), "--claude-command", claude.command().toString()));
    all.addAll(List.of(args));
    return PackagedVsm.builder(project, all);
  }

  private Path state(String name) {
    return project.resolve(".claude/vsm-state").resolve(name);
  }

  private List<Map<?, ?>> logEntries() throws IOException {
    List<Map<?, ?>> out = new ArrayList<>();
    for (String line : Files.readAllLines(state("execution-log.jsonl"))) {
      out.add(JSON.readValue(line, Map.class)); // every line parses
    }
    return out;
  }

  private static long count(List<Map<?, ?>> entries, String type) {
    return entries.stream().filter(e -> type.equals(e.get("event_type"))).count();
  }

  @Test
  void eight_processes_running_cycles_in_one_directory_lose_nothing() throws Exception {
    // S4 disagrees with S3 in every cycle: one conflict each.
    claude.reply(
        "system4-strategy",
        "{\"task_analysis\":\"a\",\"strategic_recommendation\":{\"approach\":\"x\",\"complexity_assessment\":\"complex\"}}");
    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      runs.add(
          vsm("--medium", "Add user validation " + i)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start());
    }
    for (Process p : runs) {
      assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }

    List<Map<?, ?>> entries = logEntries();
    assertThat(count(entries, "task_started")).isEqualTo(8);
    assertThat(count(entries, "task_completed")).isEqualTo(8);
    assertThat(count(entries, "conflict_detected")).isEqualTo(8);
    Map<?, ?> metrics =
        JSON.readValue(Files.readAllBytes(state("viability-metrics.json")), Map.class);
    assertThat(metrics.get("s3_s4_conflicts")).isEqualTo(8);
    assertThat(entries.stream().map(e -> e.get("session_id")).distinct().count()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"system4-strategy", "system2-coordination", "s1-code-writer", "system3-audit"})
  void a_cycle_killed_with_sigkill_leaves_parseable_state_and_the_next_cycle_logs_it(
      String runningAgent) throws Exception {
    claude.mode(runningAgent, "slow");
    String killAt = runningAgent + " started";
    ProcessBuilder pb = vsm("Add user validation");
    pb.environment().put("FAKE_CLAUDE_SLEEP", "30");
    Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null && !line.contains(killAt)) {
        // wait for the point to kill at
      }
      List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
      p.destroyForcibly(); // SIGKILL
      tree.forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    try (Stream<Path> files = Files.list(state("x").getParent())) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        assertThat(JSON.readValue(Files.readAllBytes(f), Map.class)).as(f.toString()).isNotNull();
      }
    }
    String killed =
        (String)
            JSON.readValue(Files.readAllBytes(state("current-task.json")), Map.class).get("id");
    if (runningAgent.startsWith("s1-")) {
      assertThat(Files.readString(state("agent-registry.json"))).contains("\"busy\"");
    }
    PackagedVsm.Result shown =
        PackagedVsm.run(
            PackagedVsm.builder(project, List.of("-d", project.toString(), "state")), 60);
    assertThat(shown.out())
        .as("the health verdict does not call a dead process's task healthy")
        .contains("Task " + killed + " was left in progress by vsm process " + p.pid())
        .doesNotContain("  healthy");

    claude.mode(runningAgent, "reply");
    Process next =
        vsm("Add user validation")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<Map<?, ?>> entries = logEntries();
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.get("event_type")).isEqualTo("task_failed");
              assertThat(e.get("task_id")).isEqualTo(killed);
              assertThat(((Map<?, ?>) e.get("data")).get("error").toString()).contains("abandoned");
            });
    assertThat(
            JSON.readValue(Files.readAllBytes(state("current-task.json")), Map.class).get("status"))
        .isEqualTo("completed");
    assertThat(Files.readString(state("agent-registry.json")))
        .as("the agents the killed process left busy are free again")
        .doesNotContain("\"busy\"");
  }

  private String git(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private long worktrees() throws Exception {
    return git("worktree", "list", "--porcelain")
        .lines()
        .filter(l -> l.startsWith("worktree "))
        .count();
  }

  @Test
  void a_parallel_step_killed_with_sigkill_leaves_worktrees_the_next_run_removes()
      throws Exception {
    Path scratch = Files.createDirectories(tmp.resolve("scratch"));
    git("init", "-q");
    Files.writeString(project.resolve("app.py"), "x = 1\n");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init");
    claude.reply(
        "system3-control",
        "{\"complexity\":\"medium\",\"selected_agents\":["
            + "{\"agent\":\"code-writer\",\"order\":1},{\"agent\":\"tester\",\"order\":1}],"
            + "\"execution_mode\":\"parallel\"}");
    claude.mode("s1-code-writer", "hang").mode("s1-tester", "hang");
    ProcessBuilder pb = vsm("Add user validation");
    pb.environment().put("TMPDIR", scratch.toString());
    Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      int started = 0;
      String line;
      while (started < 2 && (line = err.readLine()) != null) {
        started += line.matches(".*s1-(code-writer|tester) started") ? 1 : 0;
      }
      assertThat(worktrees()).isEqualTo(3);
      List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
      p.destroyForcibly(); // SIGKILL: nothing of vsm's runs after this
      tree.forEach(ProcessHandle::destroyForcibly);
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(worktrees()).isEqualTo(3);

    claude.mode("s1-code-writer", "reply").mode("s1-tester", "reply");
    ProcessBuilder again = vsm("Add user validation");
    again.environment().put("TMPDIR", scratch.toString());
    Process next =
        again
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(next.exitValue()).isZero();
    assertThat(worktrees()).isEqualTo(1);
    assertThat(scratch.resolve("vsm-worktrees")).isEmptyDirectory();
    assertThat(git("branch", "--list").strip()).isIn("* master", "* main");
    assertThat(logEntries())
        .anySatisfy(
            e -> {
              Map<?, ?> data = (Map<?, ?>) e.get("data");
              assertThat(data.get("change")).isEqualTo("worktrees_removed");
              assertThat(data.get("count")).isEqualTo(2);
            });
  }
}
