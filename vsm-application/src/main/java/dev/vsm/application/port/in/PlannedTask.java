package dev.vsm.application.port.in;

import dev.vsm.domain.viability.Adaptation;
import java.util.List;

/**
 * A task planned by S4, S3 (and S5 when it must approve) and S2, before any S1 agent edits: who
 * does what, in which steps (the agents of a step run at the same time when {@code parallel}),
 * which files S2 gave to whom, the adaptations in force, and what planning has cost so far.
 */
public record PlannedTask(
    String taskId,
    String task,
    String complexity,
    String rationale,
    String approach,
    List<PlannedAgent> agents,
    List<List<String>> steps,
    boolean parallel,
    List<FileOwner> fileOwners,
    List<Adaptation> adaptations,
    double costUsd,
    long inputTokens,
    long outputTokens,
    List<String> notes) {

  public PlannedTask {
    agents = List.copyOf(agents);
    steps = steps.stream().map(List::copyOf).toList();
    fileOwners = List.copyOf(fileOwners);
    adaptations = List.copyOf(adaptations);
    notes = List.copyOf(notes);
  }

  /** One S1 agent of the plan: its role and focus, and its step (1 first). */
  public record PlannedAgent(String agent, String role, String focus, int step) {}

  /** Files S2 gave to one agent (its "conflict zones"). */
  public record FileOwner(String owner, List<String> files) {
    public FileOwner {
      files = List.copyOf(files);
    }
  }
}
