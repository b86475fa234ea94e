package dev.vsm.domain.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The task a cycle works on. {@code complexity} is a label ({@code simple}, {@code medium}, {@code
 * complex} or {@code unknown}); {@code metadata} holds whatever does not fit the file's fixed keys
 * (cost, tokens, duration).
 */
public record CurrentTask(
    String id,
    String description,
    String createdAt,
    TaskStatus status,
    String complexity,
    List<String> assignedAgents,
    Map<String, Object> metadata) {

  public CurrentTask {
    Objects.requireNonNull(id, "id");
    description = description == null ? "" : description;
    createdAt = createdAt == null ? "" : createdAt;
    status = status == null ? TaskStatus.PENDING : status;
    complexity = complexity == null || complexity.isBlank() ? "unknown" : complexity;
    assignedAgents = List.copyOf(assignedAgents);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** Metadata key of a task in progress: the pid of the vsm process working on it. */
  public static final String OWNER_PID = "owner_pid";

  /** The pid of the vsm process working on this task, when its metadata names one. */
  public OptionalLong ownerPid() {
    return metadata.get(OWNER_PID) instanceof Number n
        ? OptionalLong.of(n.longValue())
        : OptionalLong.empty();
  }

  /**
   * Whether this task was left {@code in_progress} by a vsm process that is gone ({@code alive}
   * tells which processes live): killed, or stopped before it could record the task's end.
   */
  public boolean leftBehind(java.util.function.LongPredicate alive) {
    OptionalLong pid = ownerPid();
    return status == TaskStatus.IN_PROGRESS && pid.isPresent() && !alive.test(pid.getAsLong());
  }

  public CurrentTask withStatus(TaskStatus newStatus) {
    return new CurrentTask(
        id, description, createdAt, newStatus, complexity, assignedAgents, metadata);
  }

  public CurrentTask withAssignedAgents(List<String> agents) {
    return new CurrentTask(id, description, createdAt, status, complexity, agents, metadata);
  }

  public CurrentTask withMetadata(Map<String, Object> extra) {
    Map<String, Object> m = new LinkedHashMap<>(metadata);
    m.putAll(extra);
    return new CurrentTask(id, description, createdAt, status, complexity, assignedAgents, m);
  }
}
