package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code vsm doctor} with the scripted Claude CLI in each of the states it can be in. */
class DoctorCommandTest {

  @TempDir Path tmp;
  private Path project;
  private FakeClaude claude;

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    claude = FakeClaude.installIn(tmp.resolve("bin"));
  }

  private InProcessVsm.Run doctor(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("doctor", "--claude-command", claude.command().toString()));
    args.addAll(List.of(more));
    return new InProcessVsm(project).run(args.toArray(String[]::new));
  }

  @Test
  void everything_in_place_is_one_tick_per_check_and_exit_0() {
    claude.mode("plugin", "installed");
    InProcessVsm.Run r = doctor();

    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out().lines().toList())
        .containsSubsequence(
            "✓ Java: " + VersionCommand.java(),
            "✓ Claude Code CLI: 2.1.197 (" + claude.command() + ")",
            "✓ logged in: yes (claude.ai)",
            "✓ state directory: " + project.resolve(".claude/vsm-state") + " can be created",
            "✓ rules: built in (no .claude/vsm-rules.json)",
            "✓ agent definitions: 14 valid (built in)",
            "✓ Claude Code plugin: vsm 0.1.0 installed",
            "Everything a cycle needs is in place.");
    assertThat(Files.exists(project.resolve(".claude"))).as("doctor changes nothing").isFalse();
  }

  @Test
  void each_failure_has_its_line_and_fix_and_exit_3() throws IOException {
    claude.mode("auth", "loggedout");
    Files.createDirectories(project.resolve(".claude/agents"));
    Files.writeString(project.resolve(".claude/vsm-rules.json"), "{not json");
    Files.write(project.resolve(".claude/agents/s1-tester.md"), new byte[] {(byte) 0xc3, 0x28});
    Files.writeString(project.resolve(".claude/agents/s1-x.md"), "garbage");

    InProcessVsm.Run r = doctor();

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out())
        .contains("✗ logged in: no — Claude Code is not logged in: run `claude` and type /login")
        .contains("✗ rules: rules file ")
        .contains("not valid JSON")
        .contains(
            "✗ agent definitions: "
                + project.resolve(".claude/agents/s1-tester.md")
                + " is not valid UTF-8 — save it as UTF-8 or remove it")
        .contains(
            "✗ agent definitions: "
                + project.resolve(".claude/agents/s1-x.md")
                + " has no frontmatter, so it is no agent definition — begin it with")
        .doesNotContain("valid (")
        .contains("- Claude Code plugin: not installed — optional: claude plugin install vsm")
        .contains("4 checks failed: see the fixes above.");

    Map<?, ?> doc = JsonMapper.builder().build().readValue(doctor("--json").out(), Map.class);
    assertThat((List<?>) doc.get("checks"))
        .filteredOn(c -> "agent definitions".equals(((Map<?, ?>) c).get("name")))
        .hasSize(2)
        .allSatisfy(c -> assertThat((String) ((Map<?, ?>) c).get("fix")).isNotBlank());
  }

  @Test
  void no_cli_and_a_state_directory_vsm_cannot_use_as_json() throws IOException {
    Files.createDirectories(project.resolve(".claude"));
    Files.writeString(project.resolve(".claude/vsm-state"), "a file, not a directory");

    InProcessVsm.Run r =
        new InProcessVsm(project).run("doctor", "--json", "--claude-command", "/nowhere/claude");

    assertThat(r.code()).isEqualTo(3);
    Map<?, ?> doc = JsonMapper.builder().build().readValue(r.out(), Map.class);
    assertThat(doc.get("schema_version")).isEqualTo(1);
    assertThat(doc.get("ok")).isEqualTo(false);
    assertThat(((Map<?, ?>) doc.get("error")).get("kind")).isEqualTo("doctor");
    List<?> checks = (List<?>) doc.get("checks");
    Map<?, ?> cli = (Map<?, ?>) checks.get(1);
    assertThat(cli.get("name")).isEqualTo("Claude Code CLI");
    assertThat(cli.get("ok")).isEqualTo(false);
    assertThat((String) cli.get("fix")).contains("npm install -g @anthropic-ai/claude-code");
    assertThat(checks)
        .anySatisfy(
            c -> {
              assertThat(((Map<?, ?>) c).get("name")).isEqualTo("state directory");
              assertThat((String) ((Map<?, ?>) c).get("detail")).contains("is not a directory");
            });
  }

  @Test
  void a_state_directory_through_a_link_is_refused() throws IOException {
    Files.createDirectories(project.resolve(".claude"));
    Files.createSymbolicLink(
        project.resolve(".claude/vsm-state"), Files.createDirectories(tmp.resolve("elsewhere")));

    assertThat(doctor().out()).contains("✗ state directory: ").contains("symbolic link");
  }

  @Test
  void colours_only_on_a_terminal_that_wants_them() {
    Terminal tty = new Terminal(false, true, true, Map.of("TERM", "xterm"));
    Terminal noColor = new Terminal(false, true, true, Map.of("TERM", "xterm", "NO_COLOR", "1"));
    Terminal dumb = new Terminal(false, true, true, Map.of("TERM", "dumb"));
    String[] args = {"doctor", "--claude-command", claude.command().toString()};

    assertThat(new InProcessVsm(project).terminal(tty).run(args).out())
        .contains("\u001b[32m✓\u001b[0m");
    assertThat(new InProcessVsm(project).terminal(noColor).run(args).out())
        .doesNotContain("\u001b");
    assertThat(new InProcessVsm(project).terminal(dumb).run(args).out()).doesNotContain("\u001b");
  }
}
