package dev.vsm.domain.cycle;

import java.util.List;

/** S4's view of the task and its environment: analysis, context, risks, opportunities, approach. */
public record S4Environment(
    String taskId,
    String analysis,
    List<Object> externalContext,
    List<Object> risks,
    List<Object> opportunities,
    String recommendedApproach,
    String createdAt) {

  public S4Environment {
    analysis = analysis == null ? "" : analysis;
    externalContext =
        externalContext == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(externalContext));
    risks =
        risks == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(risks));
    opportunities =
        opportunities == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(opportunities));
    recommendedApproach = recommendedApproach == null ? "" : recommendedApproach;
    createdAt = createdAt == null ? "" : createdAt;
  }
}
