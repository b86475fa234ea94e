package dev.vsm.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One agent run of a cycle as its result shows it: the agent, whether it succeeded, its output, why
 * it failed ({@code failure}: none, error, timeout, limit, cancelled, authentication,
 * command_not_found), what it cost, and the files it changed (relative to the project).
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
    String claudeSessionId,
    List<String> filesChanged) {

  public AgentRun {
    Objects.requireNonNull(agent, "agent");
    output = output == null ? "" : output;
    failure = failure == null ? (success ? "none" : "error") : failure;
    duration = duration == null ? Duration.ZERO : duration;
    filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
  }
}
