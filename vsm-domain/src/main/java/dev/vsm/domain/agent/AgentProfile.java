package dev.vsm.domain.agent;

import java.util.List;
import java.util.Objects;

/** One registry entry: what an S1 agent is, what it can do, and what it is doing. */
public record AgentProfile(
    AgentType type, AgentStatus status, List<String> capabilities, String currentTask) {

  public AgentProfile {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    capabilities = List.copyOf(capabilities);
  }

  public AgentProfile withStatus(AgentStatus newStatus, String task) {
    return new AgentProfile(type, newStatus, capabilities, task);
  }
}
