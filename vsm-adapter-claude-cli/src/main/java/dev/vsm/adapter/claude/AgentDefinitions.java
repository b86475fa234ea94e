package dev.vsm.adapter.claude;

import dev.vsm.application.protocol.SystemAgent;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.agent.AgentRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where agent definitions come from, strongest first: the project's {@code
 * .claude/agents/<name>.md}, the Claude Code plugin's {@code agents/**}{@code /*.md} when {@code
 * CLAUDE_PLUGIN_ROOT} is set, then the 14 built-in definitions shipped with vsm. A plugin's file
 * defines the agent its frontmatter {@code name} says (as Claude Code reads it), wherever it lies
 * under {@code agents/}: {@code agents/system1/code-writer.md} named {@code s1-code-writer} is
 * {@code s1-code-writer}.
 */
final class AgentDefinitions {

  /**
   * The built-in agents: the five system agents and the registry's default specialists — the names
   * come from there, and a definition ships for each (a test holds the resources to this list).
   */
  static final List<String> BUILT_IN = builtInNames();

  private static List<String> builtInNames() {
    List<String> names = new ArrayList<>();
    for (SystemAgent a : SystemAgent.values()) {
      names.add(a.agentName());
    }
    AgentRegistry.defaults("").agents().keySet().forEach(n -> names.add(AgentName.s1(n)));
    return List.copyOf(names);
  }

  private final Map<String, AgentDefinition> builtIn = new LinkedHashMap<>();
  private final Path pluginRoot;
  private Map<String, AgentDefinition> plugin;

  AgentDefinitions(Path pluginRoot) {
    this.pluginRoot = pluginRoot;
    for (String name : BUILT_IN) {
      builtIn.put(name, AgentDefinition.parse(resource(name), name));
    }
  }

  private static String resource(String name) {
    String path = "agents/" + name + ".md";
    try (InputStream in = AgentDefinitions.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("built-in agent definition missing: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every agent with a definition in {@code workingDirectory}: the built-in ones, the plugin's, and
   * the project's own {@code .claude/agents/<name>.md}. What cannot be read defines nothing.
   */
  Set<String> names(Path workingDirectory) {
    Set<String> names = new LinkedHashSet<>(BUILT_IN);
    names.addAll(pluginDefinitions().keySet());
    Path own = workingDirectory.resolve(".claude").resolve("agents");
    try (Stream<Path> files = Files.list(own)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".md"))
          .map(n -> n.substring(0, n.length() - 3))
          .filter(AgentName::isValid)
          .sorted()
          .forEach(names::add);
    } catch (IOException | UncheckedIOException | SecurityException e) {
      // no agents folder, or one that cannot be listed: the project defines no agent
    }
    return names;
  }

  /** The definition an agent runs with in {@code workingDirectory}. */
  AgentDefinition resolve(String name, Path workingDirectory) {
    Path own = workingDirectory.resolve(".claude").resolve("agents").resolve(name + ".md");
    if (Files.isRegularFile(own)) {
      return read(own, name);
    }
    AgentDefinition fromPlugin = pluginDefinitions().get(name);
    if (fromPlugin != null) {
      return fromPlugin;
    }
    AgentDefinition d = builtIn.get(name);
    if (d == null) {
      throw new IllegalArgumentException(
          "no definition for agent '"
              + name
              + "': it is not built in, and neither .claude/agents/"
              + name
              + ".md nor the plugin defines it");
    }
    return d;
  }

  /**
   * The plugin's definitions by frontmatter name (the first file in path order wins), read once.
   */
  private synchronized Map<String, AgentDefinition> pluginDefinitions() {
    if (plugin == null) {
      plugin = new LinkedHashMap<>();
      Path agents = pluginRoot == null ? null : pluginRoot.resolve("agents");
      if (agents == null || !Files.isDirectory(agents)) {
        return plugin;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(agents)) {
        files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
      } catch (IOException | UncheckedIOException e) {
        return plugin; // an unreadable plugin folder leaves the project's and the built-ins
      }
      for (Path file : files) {
        String fileName = file.getFileName().toString();
        try {
          AgentDefinition d =
              AgentDefinition.parse(
                  Files.readString(file), fileName.substring(0, fileName.length() - 3));
          plugin.putIfAbsent(d.name(), d);
        } catch (IOException e) {
          // a file that cannot be read defines nothing
        }
      }
    }
    return plugin;
  }

  private static AgentDefinition read(Path file, String name) {
    try {
      AgentDefinition d = AgentDefinition.parse(Files.readString(file), name);
      // The file's place decides which agent it defines, whatever its frontmatter says.
      return new AgentDefinition(name, d.description(), d.prompt(), d.tools(), d.model());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read agent definition " + file, e);
    }
  }
}
