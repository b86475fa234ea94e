package dev.vsm.application.port.out;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One agent run: which agent, what it is asked, where, for how long, and the JSON Schema (as JSON
 * text) its reply must follow — every agent, S1 included, answers in a schema.
 */
public record AgentRequest(
    String agent,
    AgentRole role,
    String prompt,
    Path workingDirectory,
    Duration timeout,
    AgentOptions options,
    String replySchema) {

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
}
