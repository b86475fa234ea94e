package dev.vsm.application.port.out;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One agent run: which agent, what it is asked, where, for how long, and the JSON Schema (as JSON
 * text) its reply must follow — every agent, S1 included, answers in a schema. {@code taskId} is
 * the task the run belongs to (null outside a cycle): hooks inside the agent know by it that they
 * run in one of vsm's agents. {@code workingDirectory} is the project (whose agent definitions
 * count); {@code checkout}, when not null, is the separate checkout of it the agent works in.
 * {@code sessionId} is the Claude session the run gets (a UUID, null: the CLI picks one), so that
 * it is known even when the run never ends; {@code resumeSession}, when set, is an earlier run's
 * session that this run continues (the prompt then says how to go on).
 */
public record AgentRequest(
    String agent,
    AgentRole role,
    String prompt,
    Path workingDirectory,
    Duration timeout,
    AgentOptions options,
    String replySchema,
    String taskId,
    Path checkout,
    String sessionId,
    String resumeSession) {

  /**
   * The environment variables an agent's process gets: its task and its agent name, so that hooks
   * running inside it can attribute what it does.
   */
  public static final String TASK_VARIABLE = "VSM_TASK_ID";

  public static final String AGENT_VARIABLE = "VSM_AGENT";

  /** System agents only read; S1 agents edit and run commands. */
  public enum AgentRole {
    SYSTEM,
    OPERATIONS
  }

  public AgentRequest {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(replySchema, "replySchema");
    options = options == null ? AgentOptions.defaults() : options;
  }

  /** A run of a task, in a session the CLI picks. */
  public AgentRequest(
      String agent,
      AgentRole role,
      String prompt,
      Path workingDirectory,
      Duration timeout,
      AgentOptions options,
      String replySchema,
      String taskId) {
    this(
        agent,
        role,
        prompt,
        workingDirectory,
        timeout,
        options,
        replySchema,
        taskId,
        null,
        null,
        null);
  }

  /** A run outside any task. */
  public AgentRequest(
      String agent,
      AgentRole role,
      String prompt,
      Path workingDirectory,
      Duration timeout,
      AgentOptions options,
      String replySchema) {
    this(
        agent,
        role,
        prompt,
        workingDirectory,
        timeout,
        options,
        replySchema,
        null,
        null,
        null,
        null);
  }

  /** The directory the agent's process works in: its checkout, else the project. */
  public Path runsIn() {
    return checkout != null ? checkout : workingDirectory;
  }
}
