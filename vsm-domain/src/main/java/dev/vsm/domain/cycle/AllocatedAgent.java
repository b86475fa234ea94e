package dev.vsm.domain.cycle;

import java.util.Objects;

/** One S1 agent in an S3 allocation: its role, its step ({@code order}, may be null) and focus. */
public record AllocatedAgent(String agent, String role, Integer order, String taskFocus) {

  public AllocatedAgent {
    Objects.requireNonNull(agent, "agent");
    role = role == null ? "" : role;
    taskFocus = taskFocus == null ? "" : taskFocus;
  }

  public static AllocatedAgent named(String agent) {
    return new AllocatedAgent(agent, "", null, "");
  }
}
