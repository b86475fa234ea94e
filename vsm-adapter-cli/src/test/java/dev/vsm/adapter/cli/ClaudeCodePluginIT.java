package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's Claude Code plugin ({@code plugin/}) and marketplace ({@code
 * .claude-plugin/marketplace.json}) as the real Claude Code CLI sees them: valid under {@code
 * --strict} (no error, no warning), and installable from a clone with one command, offline.
 */
class ClaudeCodePluginIT {

  private static final Path PLUGIN = RealClaude.REPOSITORY.resolve("plugin");

  @TempDir Path tmp;

  private static Map<?, ?> json(String text) {
    return JsonMapper.builder().build().readValue(text, Map.class);
  }

  private static List<String> builtInAgents() throws IOException {
    try (Stream<Path> files = Files.list(PLUGIN.resolve("agents"))) {
      return files
          .map(p -> p.getFileName().toString())
          .map(n -> "vsm:" + n.substring(0, n.length() - ".md".length()))
          .toList();
    }
  }

  @Test
  void the_plugin_passes_strict_validation_with_no_error_and_no_warning() throws Exception {
    RealClaude claude = RealClaude.withHome(tmp.resolve("home"));

    RealClaude.Run r = claude.run(tmp, "", "plugin", "validate", "--strict", "--json", "" + PLUGIN);

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    Map<?, ?> report = json(r.out());
    assertThat(report.get("success")).isEqualTo(true);
    Map<?, ?> manifest = (Map<?, ?>) report.get("manifest");
    assertThat((List<?>) manifest.get("errors")).isEmpty();
    assertThat((List<?>) manifest.get("warnings")).isEmpty();
    for (Object content : (List<?>) report.get("contents")) {
      assertThat((List<?>) ((Map<?, ?>) content).get("errors")).as("%s", content).isEmpty();
      assertThat((List<?>) ((Map<?, ?>) content).get("warnings")).as("%s", content).isEmpty();
    }
    Map<?, ?> provides = (Map<?, ?>) report.get("provides");
    assertThat(((List<?>) provides.get("agents")).stream().map(String::valueOf).toList())
        .hasSize(14)
        .containsExactlyInAnyOrderElementsOf(builtInAgents());
  }

  @Test
  void the_marketplace_passes_strict_validation_with_no_error_and_no_warning() throws Exception {
    RealClaude claude = RealClaude.withHome(tmp.resolve("home"));

    RealClaude.Run r =
        claude.run(tmp, "", "plugin", "validate", "--strict", "--json", "" + RealClaude.REPOSITORY);

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    Map<?, ?> report = json(r.out());
    assertThat(((Map<?, ?>) report.get("manifest")).get("type")).isEqualTo("marketplace");
    assertThat((List<?>) ((Map<?, ?>) report.get("manifest")).get("errors")).isEmpty();
    assertThat((List<?>) ((Map<?, ?>) report.get("manifest")).get("warnings")).isEmpty();
  }

  @Test
  void one_command_installs_the_plugin_from_the_clone_and_reads_it_in_place() throws Exception {
    RealClaude claude = RealClaude.withHome(tmp.resolve("home"));

    RealClaude.Run install =
        claude.run(
            tmp, "", "plugin", "install", "vsm", "--marketplace", "" + RealClaude.REPOSITORY);
    RealClaude.Run list = claude.run(tmp, "", "plugin", "list", "--json");

    assertThat(install.code()).as(install.out() + install.err()).isZero();
    Map<?, ?> vsm =
        ((List<?>) JsonMapper.builder().build().readValue(list.out(), List.class))
            .stream()
                .map(Map.class::cast)
                .filter(p -> "vsm@vsm".equals(p.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("vsm@vsm not installed: " + list.out()));
    assertThat(vsm.get("enabled")).isEqualTo(true);
    assertThat(vsm.get("readFromFolder")).isEqualTo(PLUGIN.toString());
  }
}
