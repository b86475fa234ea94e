package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Claude Code plugin's agents ({@code plugin/agents/} of the repository) are the 14 built-in
 * definitions, byte for byte, and nothing else: the build copies them, this proves the copy is
 * whole and has no leftovers, and that vsm started from inside the plugin runs the same agents.
 */
class PluginAgentsTest {

  private static final Path PLUGIN = Path.of("..", "plugin").toAbsolutePath().normalize();

  @TempDir Path work;

  @Test
  void the_plugin_has_exactly_one_file_per_built_in_agent() throws IOException {
    try (Stream<Path> files = Files.list(PLUGIN.resolve("agents"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              AgentDefinitions.BUILT_IN.stream().map(n -> n + ".md").toList());
    }
  }

  @Test
  void each_plugin_agent_file_equals_the_built_in_resource() throws IOException {
    for (String name : AgentDefinitions.BUILT_IN) {
      byte[] builtIn;
      try (InputStream in = AgentDefinitions.class.getResourceAsStream("agents/" + name + ".md")) {
        assertThat(in).as(name).isNotNull();
        builtIn = in.readAllBytes();
      }
      assertThat(Files.readAllBytes(PLUGIN.resolve("agents").resolve(name + ".md")))
          .as("plugin/agents/%s.md", name)
          .isEqualTo(builtIn);
    }
  }

  @Test
  void vsm_inside_the_plugin_runs_the_same_definitions_as_without_it() {
    AgentDefinitions inPlugin = new AgentDefinitions(PLUGIN);
    AgentDefinitions standalone = new AgentDefinitions(null);
    for (String name : AgentDefinitions.BUILT_IN) {
      assertThat(inPlugin.resolve(name, work)).isEqualTo(standalone.resolve(name, work));
    }
  }
}
