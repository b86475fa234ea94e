package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentEnvironmentProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against the scripted CLI (every answer it can give) and, when {@code VSM_REAL_CLAUDE}
 * names it, the real Claude Code CLI offline with an empty home: its version, "not logged in" and
 * no plugin.
 */
class ClaudeEnvironmentProbeTest {

  @TempDir Path tmp;

  private AgentEnvironmentProbe probe(String command, Map<String, String> env) {
    return ClaudeAdapters.environmentProbe(
        ClaudeSettings.fromEnvironment(command, env), Duration.ofSeconds(30));
  }

  private AgentEnvironmentProbe scripted(FakeClaude claude) {
    return probe(claude.command().toString(), Map.of("PATH", "/usr/bin:/bin"));
  }

  @Test
  void the_scripted_cli_logged_in_without_the_plugin() {
    FakeClaude claude = FakeClaude.installIn(tmp.resolve("bin"));
    AgentEnvironmentProbe p = scripted(claude);

    AgentEnvironmentProbe.Installation i = p.installation();
    assertThat(i.found()).isTrue();
    assertThat(i.version()).isEqualTo("2.1.197");
    assertThat(i.problem()).isNull();
    assertThat(p.login()).isEqualTo(new AgentEnvironmentProbe.Login(true, "claude.ai", null));
    assertThat(p.plugin()).isEqualTo(new AgentEnvironmentProbe.Plugin(false, null, null, null));
  }

  @Test
  void logged_out_and_with_the_plugin() {
    FakeClaude claude = FakeClaude.installIn(tmp.resolve("bin"));
    claude.mode("auth", "loggedout").mode("plugin", "installed");
    AgentEnvironmentProbe p = scripted(claude);

    assertThat(p.login().loggedIn()).isFalse();
    assertThat(p.login().problem()).contains("/login").contains("ANTHROPIC_API_KEY");
    assertThat(p.plugin()).isEqualTo(new AgentEnvironmentProbe.Plugin(true, true, "0.1.0", null));
  }

  @Test
  void a_missing_cli_or_one_that_is_not_claude() throws IOException {
    AgentEnvironmentProbe missing = probe("/nowhere/claude", Map.of());
    assertThat(missing.installation().found()).isFalse();
    assertThat(missing.installation().problem()).contains("was not found");
    assertThat(missing.login().loggedIn()).isNull();

    Path liar = tmp.resolve("claude");
    Files.writeString(liar, "#!/bin/sh\necho hello\nexit 0\n");
    liar.toFile().setExecutable(true);
    AgentEnvironmentProbe other = probe(liar.toString(), Map.of());
    assertThat(other.installation().found()).isTrue();
    assertThat(other.installation().version()).isNull();
    assertThat(other.installation().problem()).contains("saying \"hello\"");
    assertThat(other.login().loggedIn()).isNull();
  }

  @Test
  void a_cli_that_hangs_is_given_up_on() throws IOException {
    Path hang = tmp.resolve("claude");
    Files.writeString(hang, "#!/bin/sh\nexec sleep 60\n");
    hang.toFile().setExecutable(true);
    AgentEnvironmentProbe p =
        ClaudeAdapters.environmentProbe(
            ClaudeSettings.fromEnvironment(hang.toString(), Map.of()), Duration.ofMillis(300));

    assertThat(p.installation().problem()).contains("did not answer");
  }

  @Test
  void agent_definitions_are_read_and_checked_as_the_runner_passes_them() throws IOException {
    FakeClaude claude = FakeClaude.installIn(tmp.resolve("bin"));
    Path project = Files.createDirectories(tmp.resolve("project/.claude/agents"));
    assertThat(scripted(claude).definitions(project.getParent().getParent()))
        .isEqualTo(new AgentEnvironmentProbe.Definitions(14, 0, java.util.List.of()));

    Files.writeString(
        project.resolve("s1-tester.md"),
        "---\nname: s1-tester\ndescription: tests\ntools: Read\n---\nWrite tests.\n");
    Files.write(
        project.resolve("s1-reviewer.md"),
        new byte[] {'-', '-', '-', '\n', (byte) 0xff, (byte) 0xfe});
    Files.writeString(
        project.resolve("s1-documenter.md"),
        "---\nname: s1-documenter\ndescription: docs\n---\n" + "x".repeat(140_000));
    Files.writeString(project.resolve("s1-x.md"), "garbage");

    AgentEnvironmentProbe.Definitions d =
        scripted(claude).definitions(project.getParent().getParent());

    assertThat(d.agents()).isEqualTo(12);
    assertThat(d.fromProject()).isEqualTo(1);
    assertThat(d.problems())
        .anySatisfy(
            p -> assertThat(p.detail()).contains("s1-reviewer.md").contains("not valid UTF-8"))
        .anySatisfy(p -> assertThat(p.detail()).contains("s1-documenter.md").contains("128 KB"))
        .anySatisfy(
            p -> {
              assertThat(p.detail()).contains("s1-x.md").contains("no frontmatter");
              assertThat(p.fix()).contains("name: s1-x", "description:");
            })
        .allSatisfy(p -> assertThat(p.fix()).isNotBlank());
  }

  @Test
  void the_real_cli_offline_says_its_version_and_that_it_is_not_logged_in() throws IOException {
    String cli = System.getenv("VSM_REAL_CLAUDE");
    Assumptions.assumeTrue(cli != null && !cli.isBlank(), "VSM_REAL_CLAUDE is not set");
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    AgentEnvironmentProbe p = probe(cli, env);

    assertThat(p.installation().version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(p.login())
        .isEqualTo(
            new AgentEnvironmentProbe.Login(
                false,
                null,
                "Claude Code is not logged in: run `claude` and type /login, or set ANTHROPIC_API_KEY"));
    assertThat(p.plugin().installed()).isFalse();
  }
}
