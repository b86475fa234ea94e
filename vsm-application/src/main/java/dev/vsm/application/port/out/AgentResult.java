package dev.vsm.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one agent run gave: whether it succeeded, its output text, its reply (the JSON object it
 * answered with, as the runner read it), why it failed, what it cost, and the files it changed
 * (relative to the project; the cycle fills them in from the agent's tool uses or its checkout).
 */
public record AgentResult(
    String agent,
    boolean success,
    String output,
    Optional<AgentReply> reply,
    String error,
    Failure failure,
    Duration duration,
    double costUsd,
    long inputTokens,
    long outputTokens,
    String claudeSessionId,
    List<String> filesChanged) {

  /** Why a run failed. Authentication and a missing command stop the whole cycle. */
  public enum Failure {
    NONE,
    ERROR,
    TIMEOUT,
    LIMIT,
    CANCELLED,
    AUTHENTICATION,
    COMMAND_NOT_FOUND;

    /** True when no further agent can succeed either: the cycle stops. */
    public boolean isFatal() {
      return this == AUTHENTICATION || this == COMMAND_NOT_FOUND;
    }
  }

  public AgentResult {
    output = output == null ? "" : output;
    reply = reply == null ? Optional.empty() : reply;
    failure = failure == null ? (success ? Failure.NONE : Failure.ERROR) : failure;
    duration = duration == null ? Duration.ZERO : duration;
    filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
  }

  /** A result as a runner gives it, before the cycle knows which files the agent changed. */
  public AgentResult(
      String agent,
      boolean success,
      String output,
      Optional<AgentReply> reply,
      String error,
      Failure failure,
      Duration duration,
      double costUsd,
      long inputTokens,
      long outputTokens,
      String claudeSessionId) {
    this(
        agent,
        success,
        output,
        reply,
        error,
        failure,
        duration,
        costUsd,
        inputTokens,
        outputTokens,
        claudeSessionId,
        List.of());
  }

  public static AgentResult succeeded(String agent, String output, Duration duration) {
    return new AgentResult(
        agent, true, output, Optional.empty(), null, Failure.NONE, duration, 0, 0, 0, null);
  }

  public static AgentResult failed(String agent, Failure failure, String error, Duration duration) {
    return new AgentResult(
        agent, false, "", Optional.empty(), error, failure, duration, 0, 0, 0, null);
  }

  public AgentResult withAgent(String name) {
    return new AgentResult(
        name,
        success,
        output,
        reply,
        error,
        failure,
        duration,
        costUsd,
        inputTokens,
        outputTokens,
        claudeSessionId,
        filesChanged);
  }

  /** The same run with the files it changed. */
  public AgentResult withFilesChanged(List<String> files) {
    return new AgentResult(
        agent,
        success,
        output,
        reply,
        error,
        failure,
        duration,
        costUsd,
        inputTokens,
        outputTokens,
        claudeSessionId,
        files);
  }

  /** The same run, known to have been in Claude session {@code session}. */
  public AgentResult withClaudeSession(String session) {
    return new AgentResult(
        agent,
        success,
        output,
        reply,
        error,
        failure,
        duration,
        costUsd,
        inputTokens,
        outputTokens,
        session,
        filesChanged);
  }

  /** The same run judged failed after reading its reply (e.g. an S1 agent reporting it blocked). */
  public AgentResult asFailed(String reason) {
    return new AgentResult(
        agent,
        false,
        output,
        reply,
        reason,
        Failure.ERROR,
        duration,
        costUsd,
        inputTokens,
        outputTokens,
        claudeSessionId,
        filesChanged);
  }
}
