package dev.vsm.domain.cycle;

import java.util.List;

/** S3's decision: the task's complexity and which S1 agents run, in what order. */
public record S3Allocation(
    String taskId,
    String complexity,
    List<AllocatedAgent> selectedAgents,
    String rationale,
    String createdAt,
    boolean parallelExecution) {

  public S3Allocation {
    complexity = complexity == null ? "unknown" : complexity;
    selectedAgents = List.copyOf(selectedAgents);
    rationale = rationale == null ? "" : rationale;
    createdAt = createdAt == null ? "" : createdAt;
  }

  /**
   * The rule-based allocation for a recommendation: agents in order, one per step, except that
   * parallel work puts the domain specialists together in the first step.
   */
  public static S3Allocation fromRecommendation(
      String taskId, dev.vsm.domain.complexity.AgentRecommendation r, String createdAt) {
    List<AllocatedAgent> agents = new java.util.ArrayList<>();
    int order = 0;
    for (String name : r.allAgents()) {
      boolean together = r.parallelExecution() && r.domains().contains(name);
      if (!together || order == 0 || !r.domains().contains(agents.get(agents.size() - 1).agent())) {
        order++;
      }
      agents.add(new AllocatedAgent(name, "", order, ""));
    }
    return new S3Allocation(
        taskId, r.complexity().label(), agents, r.rationale(), createdAt, r.parallelExecution());
  }

  public List<String> agentNames() {
    return selectedAgents.stream().map(AllocatedAgent::agent).toList();
  }
}
