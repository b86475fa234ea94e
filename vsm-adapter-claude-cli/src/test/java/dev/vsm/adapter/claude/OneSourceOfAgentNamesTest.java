package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.protocol.SystemAgent;
import dev.vsm.domain.agent.AgentRegistry;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in agent definitions, the system agents and the registry's default specialists name the
 * same agents: each system agent and default specialist has exactly one definition, which calls
 * itself by its name, and no definition ships for anything else.
 */
class OneSourceOfAgentNamesTest {

  @TempDir Path work;

  @Test
  void the_built_in_agents_are_the_system_agents_and_the_default_specialists() {
    List<String> expected = new ArrayList<>();
    for (SystemAgent a : SystemAgent.values()) {
      expected.add(a.agentName());
    }
    AgentRegistry.defaults("").agents().keySet().forEach(n -> expected.add("s1-" + n));

    assertThat(AgentDefinitions.BUILT_IN).containsExactlyElementsOf(expected).hasSize(14);
  }

  @Test
  void a_definition_ships_for_every_built_in_agent_and_for_nothing_else()
      throws IOException, URISyntaxException {
    Path folder = Path.of(AgentDefinitions.class.getResource("agents").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              AgentDefinitions.BUILT_IN.stream().map(n -> n + ".md").toList());
    }
  }

  @Test
  void each_definition_calls_itself_by_its_name_and_says_its_place_in_the_vsm() {
    AgentDefinitions definitions = new AgentDefinitions(null);
    for (String name : AgentDefinitions.BUILT_IN) {
      AgentDefinition d = definitions.resolve(name, work);
      assertThat(d.name()).isEqualTo(name);
      assertThat(d.prompt()).contains("Viable System Model");
    }
  }

  @Test
  void the_defined_agents_are_the_built_in_ones_and_the_projects_own() throws IOException {
    Path agents = Files.createDirectories(work.resolve(".claude/agents"));
    Files.writeString(agents.resolve("s1-ml.md"), "---\nname: s1-ml\n---\nTrain models.\n");
    Files.writeString(agents.resolve("Not A Name.md"), "---\nname: x\n---\nx\n");
    Files.createDirectories(agents.resolve("s1-folder.md"));

    assertThat(new AgentDefinitions(null).names(work))
        .containsAll(AgentDefinitions.BUILT_IN)
        .contains("s1-ml")
        .doesNotContain("Not A Name", "s1-folder")
        .hasSize(15);
  }

  @Test
  void without_an_agents_folder_only_the_built_in_agents_are_defined() {
    assertThat(new AgentDefinitions(null).names(work))
        .containsExactlyElementsOf(AgentDefinitions.BUILT_IN);
  }
}
