package dev.vsm.domain.cycle;

import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One S1 step: agents that may run at the same time. {@code reviewFor} names the agent an inserted
 * review step guards (null for ordinary steps).
 */
public record ExecutionStep(List<AllocatedAgent> agents, String reviewFor) {

  public ExecutionStep {
    agents = List.copyOf(agents);
  }

  public List<String> agentNames() {
    return agents.stream().map(AllocatedAgent::agent).toList();
  }

  /**
   * The steps of an allocation: agents sharing an {@code order} form one step, in ascending order;
   * agents without an order are steps of their own after them, in list order; a parallel allocation
   * with no orders at all is one step. A reviewer step goes before each step holding an agent with
   * an active {@code add_review_step}.
   */
  public static List<ExecutionStep> plan(S3Allocation allocation, ViabilityMetrics metrics) {
    List<AllocatedAgent> agents = allocation.selectedAgents();
    List<List<AllocatedAgent>> groups = new ArrayList<>();
    boolean anyOrder = agents.stream().anyMatch(a -> a.order() != null);
    if (!anyOrder && allocation.parallelExecution() && !agents.isEmpty()) {
      groups.add(agents);
    } else {
      Map<Integer, List<AllocatedAgent>> byOrder = new TreeMap<>();
      List<List<AllocatedAgent>> unordered = new ArrayList<>();
      for (AllocatedAgent a : agents) {
        if (a.order() == null) {
          unordered.add(List.of(a));
        } else {
          byOrder.computeIfAbsent(a.order(), k -> new ArrayList<>()).add(a);
        }
      }
      groups.addAll(byOrder.values());
      groups.addAll(unordered);
    }
    List<ExecutionStep> steps = new ArrayList<>();
    for (List<AllocatedAgent> group : groups) {
      group.stream()
          .map(AllocatedAgent::agent)
          .filter(name -> !name.equals(REVIEWER))
          .filter(name -> AdaptationPolicy.shouldAddReviewStep(metrics, name))
          .findFirst()
          .ifPresent(
              target ->
                  steps.add(
                      new ExecutionStep(
                          List.of(
                              new AllocatedAgent(
                                  REVIEWER,
                                  "review before " + target,
                                  null,
                                  "Review the work so far before " + target + " runs")),
                          target)));
      steps.add(new ExecutionStep(group, null));
    }
    return steps;
  }

  public static final String REVIEWER = "reviewer";
}
