package dev.vsm.application.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs agents. Never throws: an agent's failure, a missing definition or a broken environment is a
 * result. Responds to thread interruption by stopping the agent and returning a {@code CANCELLED}
 * result promptly.
 */
public interface AgentRunner {

  AgentResult run(AgentRequest request);

  /**
   * Runs {@code request}, telling {@code activity} of each tool the agent uses as it uses it. A
   * runner that cannot follow its agents reports nothing.
   */
  default AgentResult run(AgentRequest request, AgentActivity activity) {
    return run(request);
  }

  /**
   * The agents it has a definition for when working in {@code workingDirectory}, by their agent
   * names ({@code system4-strategy}, {@code s1-backend}, a project's own {@code s1-…}).
   */
  Set<String> definedAgents(Path workingDirectory);

  /**
   * What stops any agent from running in {@code workingDirectory}, found without running one and
   * without cost — the CLI missing, not logged in, an agent definition that cannot be used: one
   * line each, naming the fix; empty when agents can run. A cycle asks before its task exists, so
   * that a broken environment is never taken for a failed task. What cannot be found out this way
   * (the CLI could not say whether it is logged in) is no problem here: the first agent finds it.
   */
  default List<String> environmentProblems(Path workingDirectory) {
    return List.of();
  }

  /**
   * Starts finding out, in the background, what the next {@link #environmentProblems} for {@code
   * workingDirectory} will ask the agent CLI, so that the answer is ready, or nearer, when the
   * cycle asks; that call then waits for it instead of asking again. Starting again before that
   * call starts nothing more. A runner that finds its problems at once does nothing.
   */
  default void startEnvironmentCheck(Path workingDirectory) {}
}
