package dev.vsm.adapter.claude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Claude Code subagent definition, as passed to {@code claude --agents}. */
record AgentDefinition(
    String name, String description, String prompt, List<String> tools, String model) {

  AgentDefinition {
    tools = List.copyOf(tools);
  }

  /** The JSON value of this agent inside {@code --agents}. */
  Map<String, Object> toAgentsValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", description);
    m.put("prompt", prompt);
    if (!tools.isEmpty()) {
      m.put("tools", tools);
    }
    if (model != null && !model.isBlank()) {
      m.put("model", model);
    }
    return m;
  }

  /**
   * Reads a definition from Markdown with YAML-like frontmatter ({@code name}, {@code description},
   * {@code tools} comma-separated, {@code model}); the body is the prompt.
   */
  static AgentDefinition parse(String text, String fallbackName) {
    String t = normalized(text);
    Map<String, String> front = new LinkedHashMap<>();
    String body = t;
    if (t.startsWith("---\n")) {
      int end = t.indexOf("\n---", 4);
      if (end > 0) {
        for (String line : t.substring(4, end).split("\n")) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            front.put(line.substring(0, colon).trim(), unquote(line.substring(colon + 1).trim()));
          }
        }
        int bodyStart = t.indexOf('\n', end + 4);
        body = bodyStart < 0 ? "" : t.substring(bodyStart + 1);
      }
    }
    String tools = front.getOrDefault("tools", "");
    List<String> toolList =
        tools.isBlank()
            ? List.of()
            : java.util.Arrays.stream(tools.replace("[", "").replace("]", "").split(","))
                .map(String::trim)
                .map(AgentDefinition::unquote)
                .filter(s -> !s.isEmpty())
                .toList();
    return new AgentDefinition(
        front.getOrDefault("name", fallbackName),
        front.getOrDefault("description", fallbackName),
        body.strip(),
        toolList,
        front.get("model"));
  }

  /**
   * Whether {@code text} opens with a frontmatter block: a {@code ---} line, then a closing one.
   */
  static boolean hasFrontmatter(String text) {
    String t = normalized(text);
    return t.startsWith("---\n") && t.indexOf("\n---", 4) > 0;
  }

  /** Unix line ends, without the byte order mark some editors write. */
  private static String normalized(String text) {
    String t = text.replace("\r\n", "\n");
    return t.startsWith("\uFEFF") ? t.substring(1) : t;
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
