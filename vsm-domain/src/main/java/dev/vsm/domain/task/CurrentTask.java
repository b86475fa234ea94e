package dev.vsm.domain.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
