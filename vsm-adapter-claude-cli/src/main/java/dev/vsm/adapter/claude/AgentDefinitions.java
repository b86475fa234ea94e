package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentEnvironmentProbe;
import dev.vsm.application.protocol.SystemAgent;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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

  /**
   * Linux's limit on one argument of a command line (MAX_ARG_STRLEN, its terminating NUL included):
   * a definition is passed inline with {@code --agents}, so its JSON must stay under it.
   */
  static final int MAX_ARGUMENT = 128 * 1024;

  /** A definition file is read no further than this: anything longer could never be passed. */
  private static final int MAX_FILE = 4 * MAX_ARGUMENT;

  /** A definition that cannot be used; the message names its file and the fix. */
  static final class Unusable extends RuntimeException {
    private final AgentEnvironmentProbe.Problem problem;

    Unusable(String detail, String fix) {
      this(new AgentEnvironmentProbe.Problem(detail, fix));
    }

    private Unusable(AgentEnvironmentProbe.Problem problem) {
      super(problem.message());
      this.problem = problem;
    }

    AgentEnvironmentProbe.Problem problem() {
      return problem;
    }
  }

  private Map<String, AgentDefinition> builtIn;
  private final Path pluginRoot;
  private Map<String, AgentDefinition> plugin;
  private final Map<String, Path> pluginFiles = new LinkedHashMap<>();

  AgentDefinitions(Path pluginRoot) {
    this.pluginRoot = pluginRoot;
  }

  /**
   * The built-in definitions, parsed on first use: not while a runner is made, so that a cycle's
   * login check (#18) starts before them.
   */
  private synchronized Map<String, AgentDefinition> builtIn() {
    if (builtIn == null) {
      Map<String, AgentDefinition> parsed = new LinkedHashMap<>();
      for (String name : BUILT_IN) {
        parsed.put(name, AgentDefinition.parse(resource(name), name));
      }
      builtIn = parsed;
    }
    return builtIn;
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
    Path unusable = pluginFiles.get(name);
    if (unusable != null) {
      read(unusable, name); // throws why it cannot be used
    }
    AgentDefinition d = builtIn().get(name);
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
        String byFileName = fileName.substring(0, fileName.length() - 3);
        try {
          AgentDefinition d = parse(file, byFileName);
          plugin.putIfAbsent(d.name(), d);
          pluginFiles.putIfAbsent(d.name(), file);
        } catch (Unusable e) {
          // defines nothing; kept by its file name so that a check can say why
          pluginFiles.putIfAbsent(byFileName, file);
        }
      }
    }
    return plugin;
  }

  private static AgentDefinition read(Path file, String name) {
    AgentDefinition d = parse(file, name);
    // The file's place decides which agent it defines, whatever its frontmatter says.
    return new AgentDefinition(name, d.description(), d.prompt(), d.tools(), d.model());
  }

  /**
   * The definition in {@code file}, which must open with frontmatter as Claude Code requires of an
   * agent file: without it Claude Code would not take the file for an agent, and vsm would pass
   * whatever text it holds as the agent's prompt.
   */
  private static AgentDefinition parse(Path file, String fallbackName) {
    String text = text(file);
    if (!AgentDefinition.hasFrontmatter(text)) {
      throw new Unusable(
          file + " has no frontmatter, so it is no agent definition",
          "begin it with a block of '---', 'name: "
              + fallbackName
              + "', 'description: …', '---' lines, the prompt after it, or remove it");
    }
    return AgentDefinition.parse(text, fallbackName);
  }

  /** A definition file's text: strict UTF-8, read no further than could ever be passed. */
  private static String text(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE + 1);
    } catch (IOException e) {
      throw new Unusable(file + " cannot be read (" + e.getMessage() + ")", "fix or remove it");
    }
    if (bytes.length > MAX_FILE) {
      throw new Unusable(
          file
              + " is over "
              + MAX_FILE / 1024
              + " KB, far over the 128 KB an agent definition may have once passed to claude",
          "shorten it");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Unusable(file + " is not valid UTF-8", "save it as UTF-8 or remove it");
    }
  }

  /**
   * Of {@code defined}, the agents a cycle may run: the built-in ones (the system agents among
   * them) and every S1 specialist ({@code s1-…}); other agents of a project are not vsm's.
   */
  static List<String> cycleAgents(Collection<String> defined) {
    Set<String> agents = new LinkedHashSet<>(BUILT_IN);
    defined.stream().filter(n -> n.startsWith(AgentName.S1_PREFIX)).forEach(agents::add);
    return List.copyOf(agents);
  }

  /** Where the definition of {@code name} comes from: its file, or "the built-in definition". */
  String source(String name, Path workingDirectory) {
    Path own = workingDirectory.resolve(".claude").resolve("agents").resolve(name + ".md");
    if (Files.isRegularFile(own)) {
      return own.toString();
    }
    pluginDefinitions();
    Path fromPlugin = pluginFiles.get(name);
    return fromPlugin != null ? fromPlugin.toString() : "the built-in definition of " + name;
  }

  /**
   * The definition of {@code name} as the argument of {@code --agents} .
   *
   * @throws Unusable when it cannot be read or is too long to pass, saying why and naming its file
   */
  String agentsArgument(String name, Path workingDirectory, AgentDefinition definition) {
    String argument = JsonValues.text(Map.of(name, definition.toAgentsValue()));
    int bytes = argument.getBytes(StandardCharsets.UTF_8).length;
    if (bytes >= MAX_ARGUMENT) {
      throw new Unusable(
          source(name, workingDirectory)
              + " is "
              + (bytes + 1023) / 1024
              + " KB once passed to claude, over the 128 KB an argument may have",
          "shorten it");
    }
    return argument;
  }

  /**
   * One problem per agent of {@code names} whose definition cannot be used here, naming its file,
   * with the fix; empty when every one can be passed to claude as it is.
   */
  List<AgentEnvironmentProbe.Problem> problems(Collection<String> names, Path workingDirectory) {
    List<AgentEnvironmentProbe.Problem> problems = new ArrayList<>();
    for (String name : names) {
      try {
        agentsArgument(name, workingDirectory, resolve(name, workingDirectory));
      } catch (Unusable e) {
        problems.add(e.problem());
      } catch (IllegalArgumentException e) {
        problems.add(
            new AgentEnvironmentProbe.Problem(
                e.getMessage(), "add .claude/agents/" + name + ".md"));
      }
    }
    return problems;
  }
}
