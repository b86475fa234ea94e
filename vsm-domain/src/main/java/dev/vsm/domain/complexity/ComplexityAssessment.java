package dev.vsm.domain.complexity;

import dev.vsm.domain.agent.AgentType;
import java.util.List;
import java.util.Objects;

/**
 * What the rules make of a task: its level, how sure they are, why, and which S1 agents would do
 * it. {@code score} is the raw number the level came from (for explanations and dry runs).
 */
public record ComplexityAssessment(
    Complexity complexity,
    double confidence,
    String rationale,
    List<String> suggestedAgents,
    List<AgentType> suggestedAgentTypes,
    boolean parallelPossible,
    List<String> keywordsFound,
    List<String> domainSignals,
    ScopeEstimate scopeEstimate,
    double score) {

  public ComplexityAssessment {
    Objects.requireNonNull(complexity, "complexity");
    Objects.requireNonNull(scopeEstimate, "scopeEstimate");
    rationale = rationale == null ? "" : rationale;
    suggestedAgents = List.copyOf(suggestedAgents);
    suggestedAgentTypes = List.copyOf(suggestedAgentTypes);
    keywordsFound = List.copyOf(keywordsFound);
    domainSignals = List.copyOf(domainSignals);
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
  }
}
