package dev.vsm.domain.agent;

import java.util.regex.Pattern;

/** Rules for agent names: what S3 may name is untrusted until it passes here and the registry. */
public final class AgentName {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** The specialist for simple tasks, and the one that stands in for an agent nobody defined. */
  public static final String GENERALIST = "generalist-coder";

  /** Prefix of the Claude agent that runs an S1 specialist: {@code s1-<name>}. */
  public static final String S1_PREFIX = "s1-";

  private AgentName() {}

  /** True when {@code name} is a syntactically safe agent name. */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
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
