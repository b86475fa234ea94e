package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents found under {@code CLAUDE_PLUGIN_ROOT} are the agents their frontmatter names. */
class PluginAgentDefinitionsTest {

  @TempDir Path work;

  private Path plugin() {
    return work.resolve("plugin");
  }

  private void pluginAgent(String relative, String text) throws IOException {
    Path file = plugin().resolve("agents").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void an_agent_in_a_subfolder_under_another_file_name_is_found_by_its_frontmatter_name()
      throws IOException {
    pluginAgent(
        "system1/code-writer.md",
        "---\nname: s1-code-writer\ndescription: The plugin's code writer\ntools: Read, Edit\n"
            + "model: sonnet\n---\nWrite the code.\n");

    AgentDefinition d = new AgentDefinitions(plugin()).resolve("s1-code-writer", work);

    assertThat(d.name()).isEqualTo("s1-code-writer");
    assertThat(d.description()).isEqualTo("The plugin's code writer");
    assertThat(d.prompt()).isEqualTo("Write the code.");
    assertThat(d.tools()).containsExactly("Read", "Edit");
    assertThat(d.model()).isEqualTo("sonnet");
  }

  @Test
  void a_file_named_after_an_agent_defines_the_agent_its_frontmatter_names() throws IOException {
    pluginAgent(
        "s1-tester.md", "---\nname: s1-reviewer\ndescription: Plugin reviewer\n---\nReview.\n");

    AgentDefinitions defs = new AgentDefinitions(plugin());

    assertThat(defs.resolve("s1-reviewer", work).description()).isEqualTo("Plugin reviewer");
    assertThat(defs.resolve("s1-tester", work).description()).startsWith("VSM System 1");
  }

  @Test
  void a_file_without_a_name_in_its_frontmatter_is_named_by_its_file_name() throws IOException {
    pluginAgent("system/system3-audit.md", "---\ndescription: Plugin audit\n---\nAudit it.\n");

    assertThat(new AgentDefinitions(plugin()).resolve("system3-audit", work).description())
        .isEqualTo("Plugin audit");
  }

  @Test
  void the_project_agent_still_comes_before_the_plugin_one() throws IOException {
    pluginAgent("system1/tester.md", "---\nname: s1-tester\ndescription: Plugin tester\n---\nT.\n");
    Path own = work.resolve(".claude/agents/s1-tester.md");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "---\nname: s1-tester\ndescription: Project tester\n---\nP.\n");

    assertThat(new AgentDefinitions(plugin()).resolve("s1-tester", work).description())
        .isEqualTo("Project tester");
  }
}
