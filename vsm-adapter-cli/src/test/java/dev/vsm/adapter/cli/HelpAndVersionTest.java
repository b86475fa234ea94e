package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Version, shell completion and the man pages the build writes. */
class HelpAndVersionTest {

  @TempDir Path tmp;

  @Test
  void version_names_the_commit_build_time_java_and_the_claude_cli() {
    FakeClaude claude = FakeClaude.installIn(tmp.resolve("bin"));
    InProcessVsm vsm = new InProcessVsm(tmp);

    String short_ = vsm.run("--version").out();
    assertThat(short_)
        .containsPattern("^vsm \\S+ \\(commit ([0-9a-f]{7,}(-dirty)?|unknown), built \\S+\\)\\n")
        .contains("Java " + System.getProperty("java.version"));
    String full = vsm.run("version", "--claude-command", claude.command().toString()).out();
    assertThat(full)
        .startsWith(short_)
        .contains("Claude Code CLI 2.1.197 (" + claude.command() + ")");
    assertThat(vsm.run("version", "--claude-command", "/nowhere/claude").out())
        .contains("Claude Code CLI: the Claude Code CLI '/nowhere/claude' was not found");

    Map<?, ?> doc =
        JsonMapper.builder()
            .build()
            .readValue(
                vsm.run("version", "--json", "--claude-command", claude.command().toString()).out(),
                Map.class);
    assertThat(doc.get("schema_version")).isEqualTo(1);
    assertThat(doc.get("java_version")).isEqualTo(System.getProperty("java.version"));
    assertThat(((Map<?, ?>) doc.get("claude")).get("version")).isEqualTo("2.1.197");
  }

  @Test
  void bash_completes_commands_and_option_values_from_the_script() throws Exception {
    InProcessVsm.Run r = new InProcessVsm(tmp).run("completion", "bash");
    assertThat(r.code()).isZero();
    Path script = tmp.resolve("vsm_completion");
    Files.writeString(script, r.out());
    assertThat(new InProcessVsm(tmp).run("completion", "zsh").out()).isEqualTo(r.out());

    String words =
        bash(
            "source "
                + script
                + "; COMP_WORDS=(vsm ta); COMP_CWORD=1; _complete_vsm 2>/dev/null; echo \"${COMPREPLY[@]}\";"
                + " COMP_WORDS=(vsm run --permission-mode ''); COMP_CWORD=3; _complete_vsm 2>/dev/null;"
                + " echo \"${COMPREPLY[@]}\"");
    assertThat(words.lines().toList())
        .containsExactly("tasks", "acceptEdits auto bypassPermissions default manual dontAsk plan");
  }

  private static String bash(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
