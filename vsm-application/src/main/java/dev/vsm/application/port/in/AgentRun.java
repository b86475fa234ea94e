package dev.vsm.application.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * One agent run of a cycle as its result shows it: the agent, whether it succeeded, its output, why
 * it failed ({@code failure}: none, error, timeout, limit, cancelled, authentication,
 * command_not_found), and what it cost.
 */
public record AgentRun(
    String agent,
    boolean success,
    String output,
    String error,
    String failure,
    Duration duration,
    double costUsd,
    long inputTokens,
    long outputTokens,
    String claudeSessionId) {

  public AgentRun {
    Objects.requireNonNull(agent, "agent");
    output = output == null ? "" : output;
    failure = failure == null ? (success ? "none" : "error") : failure;
    duration = duration == null ? Duration.ZERO : duration;
  }
}
