package dev.vsm.application.port.out;

import java.nio.file.Path;
import java.util.Set;

/**
 * Runs agents. Never throws: an agent's failure, a missing definition or a broken environment is a
 * result. Responds to thread interruption by stopping the agent and returning a {@code CANCELLED}
 * result promptly.
 */
public interface AgentRunner {

  AgentResult run(AgentRequest request);

  /**
   * The agents it has a definition for when working in {@code workingDirectory}, by their agent
   * names ({@code system4-strategy}, {@code s1-backend}, a project's own {@code s1-…}).
   */
  Set<String> definedAgents(Path workingDirectory);
}
