package dev.vsm.domain.agent;

/** Rules for agent names: what S3 may name is untrusted until it passes here and the registry. */
public final class AgentName {

  /** The longest name: a lower-case letter or digit, then up to 63 of them or hyphens. */
  private static final int LONGEST = 64;

  /** The specialist for simple tasks, and the one that stands in for an agent nobody defined. */
  public static final String GENERALIST = "generalist-coder";

  /** Prefix of the Claude agent that runs an S1 specialist: {@code s1-<name>}. */
  public static final String S1_PREFIX = "s1-";

  private AgentName() {}

  /** True when {@code name} is a syntactically safe agent name. */
  public static boolean isValid(String name) {
    // Checked by hand, not by a regular expression: the state store checks names on every hook,
    // and a compiled character class starts the process's first lambda (~12 ms).
    if (name == null || name.isEmpty() || name.length() > LONGEST || name.charAt(0) == '-') {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** The registry key for an agent: its name without the {@code s1-} prefix. */
  public static String withoutS1Prefix(String name) {
    return name.startsWith(S1_PREFIX) ? name.substring(S1_PREFIX.length()) : name;
  }

  /** The Claude agent that runs this specialist. */
  public static String s1(String name) {
    return S1_PREFIX + withoutS1Prefix(name);
  }
}
