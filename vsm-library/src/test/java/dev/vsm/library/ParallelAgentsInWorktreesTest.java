package dev.vsm.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.Isolation;
import dev.vsm.domain.cycle.Oscillation;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle whose S3 runs two S1 agents at once, in a real git repository with the scripted Claude
 * Code CLI editing files: each agent works in a worktree of its own, their work comes back, a
 * conflict goes to S5 and counts as oscillation, and no worktree is left.
 */
class ParallelAgentsInWorktreesTest {

  private static final String TASK = "Add input validation to the login form";

  @TempDir Path tmp;
  private Path project;
  private Path scratch;
  private FakeClaude claude;

  @BeforeEach
  void setUp() throws Exception {
    project = Files.createDirectories(tmp.resolve("project"));
    scratch = Files.createDirectories(tmp.resolve("scratch"));
    claude = FakeClaude.installIn(tmp.resolve("claude"));
    claude.reply(
        "system3-control",
        "{\"complexity\":\"medium\",\"selected_agents\":["
            + "{\"agent\":\"code-writer\",\"order\":1},{\"agent\":\"tester\",\"order\":1}],"
            + "\"execution_mode\":\"parallel\"}");
    git("init", "-q");
    Files.createDirectories(project.resolve("src"));
    Files.writeString(project.resolve("src/login.py"), "def login():\n    pass\n");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init");
    // Uncommitted work the agents must start from.
    Files.writeString(project.resolve("src/forms.py"), "FIELDS = []\n");
  }

  private String git(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private Vsm vsm() {
    return Vsm.builder()
        .workingDirectory(project)
        .environment(
            Map.of("PATH", "/usr/bin:/bin", "TMPDIR", scratch.toString(), "HOME", tmp.toString()))
        .claudeCommand(claude.command())
        .isolation(Isolation.AUTO)
        .build();
  }

  private List<String> worktrees() throws Exception {
    return git("worktree", "list", "--porcelain")
        .lines()
        .filter(l -> l.startsWith("worktree "))
        .toList();
  }

  @Test
  void two_agents_editing_different_files_both_land() throws Exception {
    claude.edits("s1-code-writer", "src/login.py", "src/forms.py");
    claude.edits("s1-tester", "tests/test_login.py");

    Vsm vsm = vsm();
    CycleResult r = vsm.run(TASK);

    assertThat(r.success()).as(r.summary() + r.notes()).isTrue();
    assertThat(Files.readString(project.resolve("src/login.py")))
        .endsWith("changed by s1-code-writer\n");
    assertThat(Files.readString(project.resolve("src/forms.py")))
        .isEqualTo("FIELDS = []\nchanged by s1-code-writer\n");
    assertThat(project.resolve("tests/test_login.py")).hasContent("changed by s1-tester");
    assertThat(r.s1Results())
        .extracting(AgentRun::agent, AgentRun::filesChanged)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "s1-code-writer", List.of("src/forms.py", "src/login.py")),
            org.assertj.core.groups.Tuple.tuple("s1-tester", List.of("tests/test_login.py")));
    assertThat(r.oscillations()).isEmpty();
    assertThat(worktrees()).hasSize(1);
    assertThat(scratch.resolve("vsm-worktrees")).isEmptyDirectory();
    assertThat(git("branch", "--list").strip()).doesNotContain("vsm");
    List<LogEntry> uses =
        vsm.log().recent(200).stream()
            .filter(e -> e.eventType().equals(EventType.TOOL_USED.label()))
            .toList();
    assertThat(uses)
        .extracting(e -> e.data().get("file_path"))
        .containsExactlyInAnyOrder(
            project.resolve("src/login.py").toString(),
            project.resolve("src/forms.py").toString(),
            project.resolve("tests/test_login.py").toString());
  }

  @Test
  void two_agents_changing_the_same_lines_oscillate_and_s5_decides_whose_stand() throws Exception {
    claude.edits("s1-code-writer", "src/login.py");
    claude.edits("s1-tester", "src/login.py", "tests/test_login.py");
    claude.reply(
        "system5-policy", "{\"keep\": \"s1-tester\", \"rationale\": \"the tests pin it\"}");

    Vsm vsm = vsm();
    double before = vsm.state().metrics().oscillationRate();
    CycleResult r = vsm.run(TASK);

    assertThat(claude.calls()).contains("system5-policy");
    assertThat(r.oscillations())
        .containsExactly(
            new Oscillation(List.of("s1-code-writer", "s1-tester"), List.of("src/login.py"), true));
    assertThat(vsm.state().metrics().oscillationRate()).isGreaterThan(before);
    assertThat(Files.readString(project.resolve("src/login.py")))
        .isEqualTo("def login():\n    pass\nchanged by s1-tester\n");
    assertThat(project.resolve("tests/test_login.py")).hasContent("changed by s1-tester");
    assertThat(r.notes()).anyMatch(n -> n.contains("S5: keep s1-tester"));
    assertThat(vsm.log().recent(200))
        .filteredOn(e -> e.eventType().equals(EventType.OSCILLATION_DETECTED.label()))
        .singleElement()
        .satisfies(e -> assertThat(e.data()).containsEntry("source", "merge_conflict"));
    assertThat(worktrees()).hasSize(1);
  }

  @Test
  void without_isolation_the_agents_share_the_project() throws Exception {
    claude.edits("s1-code-writer", "src/login.py");
    claude.edits("s1-tester", "src/login.py");

    CycleResult r =
        Vsm.builder()
            .workingDirectory(project)
            .environment(Map.of("PATH", "/usr/bin:/bin", "TMPDIR", scratch.toString()))
            .claudeCommand(claude.command())
            .isolation(Isolation.NONE)
            .build()
            .run(TASK);

    assertThat(Files.readString(project.resolve("src/login.py")))
        .contains("changed by s1-code-writer", "changed by s1-tester");
    assertThat(r.oscillations())
        .singleElement()
        .satisfies(o -> assertThat(o.conflicting()).isFalse());
    assertThat(claude.calls()).doesNotContain("system5-policy");
  }
}
