package dev.vsm.application.service;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.Isolation;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.port.out.Workspaces.Checkouts;
import dev.vsm.application.port.out.Workspaces.Merge;
import dev.vsm.application.port.out.Workspaces.WorkspaceException;
import dev.vsm.application.protocol.S5MergeConflict;
import dev.vsm.application.protocol.S5Protocol.S5Decision;
import dev.vsm.application.protocol.Text;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.ExecutionStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agents of a step that run at the same time, each in a checkout of its own when the cycle's
 * isolation allows (with {@code auto}: when the project is in a git repository). After the step
 * their work comes back into the project in step order; files two of them changed in ways that do
 * not merge go to S5, which says whose version stands, and count as oscillation. The checkouts are
 * removed whatever happens, and those of killed runs before the first step.
 */
final class StepIsolation {

  private final Cycle cycle;
  private final Workspaces workspaces;
  private final Path project;
  private Optional<String> unavailable;

  StepIsolation(Cycle cycle, Workspaces workspaces) {
    this.cycle = cycle;
    this.workspaces = workspaces;
    this.project = cycle.command.workingDirectory();
  }

  private Isolation mode() {
    return cycle.command.isolation();
  }

  private synchronized Optional<String> unavailable() {
    if (unavailable == null) {
      unavailable = workspaces.unavailable(project);
    }
    return unavailable;
  }

  /** Before the first step: the checkouts of runs that were killed go. */
  void removeLeftovers() {
    if (mode() != Isolation.NONE && unavailable().isEmpty()) {
      int removed = workspaces.removeLeftovers(project);
      if (removed > 0) {
        cycle.log.worktreesRemoved(removed);
      }
    }
  }

  /** A checkout for each agent of {@code step}, or null when they work in the project. */
  Checkouts open(ExecutionStep step) {
    if (mode() == Isolation.NONE) {
      return null;
    }
    Optional<String> why = unavailable();
    if (why.isPresent()) {
      if (mode() == Isolation.WORKTREE) {
        throw new AgentEnvironmentException(
            cycle.taskId, "--isolation worktree: " + why.get() + " (or use --isolation auto)");
      }
      return null;
    }
    try {
      return workspaces.open(project, step.agents().stream().map(StepIsolation::name).toList());
    } catch (WorkspaceException e) {
      throw new AgentEnvironmentException(cycle.taskId, e.getMessage());
    }
  }

  static String name(AllocatedAgent a) {
    return AgentName.s1(a.agent());
  }

  /**
   * Brings the work of {@code results} (in step order) back into the project; each result lists the
   * files its agent changed; the files whose changes conflicted are added to {@code conflicting}.
   */
  List<AgentResult> bringBack(
      Checkouts checkouts, List<AgentResult> results, Set<String> conflicting) {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    Map<String, String> reports = new LinkedHashMap<>();
    results.forEach(r -> reports.put(r.agent(), Text.preview(r.output(), 300)));
    List<AgentResult> out = new ArrayList<>();
    try {
      for (AgentResult r : results) {
        Merge m =
            checkouts.merge(r.agent(), (agent, files) -> settle(agent, files, merged, reports));
        merged.put(r.agent(), m.files());
        conflicting.addAll(m.conflicting());
        out.add(r.withFilesChanged(m.files()));
      }
      checkouts.apply();
    } catch (WorkspaceException e) {
      throw new AgentEnvironmentException(cycle.taskId, e.getMessage());
    }
    return out;
  }

  /** S5 says whose version of {@code files} stands; said in the notes and the log. */
  private boolean settle(
      String agent,
      List<String> files,
      Map<String, List<String>> merged,
      Map<String, String> reports) {
    List<String> earlier =
        merged.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(files::contains))
            .map(Map.Entry::getKey)
            .toList();
    S5Decision d =
        cycle.ask(
            new S5MergeConflict(
                cycle.task(),
                agent,
                earlier.isEmpty() ? List.copyOf(merged.keySet()) : earlier,
                files,
                reports));
    cycle.log.policyDecision(d, "merge_conflict");
    cycle.note(
        agent
            + "'s changes to "
            + String.join(", ", files)
            + " conflicted with work merged before it; S5: "
            + d.decision()
            + (d.rationale().isBlank() ? "" : " (" + d.rationale() + ")"));
    return d.approved();
  }
}
