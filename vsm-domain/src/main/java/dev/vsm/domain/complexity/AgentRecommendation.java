package dev.vsm.domain.complexity;

import dev.vsm.domain.agent.AgentType;
import java.util.List;

/**
 * The analyzer's proposal for S3: the first two suggested agents are primary, the rest support. It
 * is also the rule-based stand-in when S3 gives no usable allocation.
 */
public record AgentRecommendation(
    Complexity complexity,
    double confidence,
    List<String> primaryAgents,
    List<String> supportAgents,
    boolean parallelExecution,
    String rationale,
    List<AgentType> agentTypes,
    List<String> domains,
    ScopeEstimate scope) {

  public AgentRecommendation {
    primaryAgents = List.copyOf(primaryAgents);
    supportAgents = List.copyOf(supportAgents);
    agentTypes = List.copyOf(agentTypes);
    domains = List.copyOf(domains);
  }

  /** Builds the recommendation for an assessment. */
  public static AgentRecommendation of(ComplexityAssessment a) {
    List<String> agents = a.suggestedAgents();
    int split = Math.min(2, agents.size());
    return new AgentRecommendation(
        a.complexity(),
        a.confidence(),
        agents.subList(0, split),
        agents.subList(split, agents.size()),
        a.parallelPossible(),
        a.rationale(),
        a.suggestedAgentTypes(),
        a.domainSignals(),
        a.scopeEstimate());
  }

  /** All agents, primary first. */
  public List<String> allAgents() {
    return java.util.stream.Stream.concat(primaryAgents.stream(), supportAgents.stream()).toList();
  }
}
