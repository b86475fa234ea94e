package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.protocol.S4Protocol.S4Analysis;
import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.S3Allocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * S3 control: asked to allocate S1 agents, told S4's analysis, the rules' suggestion, the agents it
 * may name, the user's hint, S5's rejection and the active adaptations. Its reply names agents that
 * the cycle checks before any runs; the rules' allocation stands in.
 */
public record S3Protocol(
    String task,
    S4Analysis s4,
    ComplexityAssessment rules,
    List<String> availableAgents,
    Complexity hint,
    String s5Rejection,
    List<String> adaptationNotes)
    implements SystemExchange<S3Protocol.S3Decision> {

  /** S3's decision as it replied (names not yet checked), or the rules' allocation. */
  public record S3Decision(
      String complexity,
      String rationale,
      List<AllocatedAgent> agents,
      boolean parallel,
      boolean standIn) {

    public S3Decision {
      agents = List.copyOf(agents);
    }
  }

  public static final String SCHEMA =
      """
      {"type":"object","properties":{\
      "complexity":{"type":"string","enum":["simple","medium","complex"]},\
      "complexity_rationale":{"type":"string"},\
      "selected_agents":{"type":"array","items":{"type":"object","properties":{\
      "agent":{"type":"string"},"role":{"type":"string"},"order":{"type":"integer"},\
      "task_focus":{"type":"string"}},"required":["agent"]}},\
      "execution_mode":{"type":"string","enum":["sequential","parallel"]}},\
      "required":["complexity","selected_agents"]}""";

  @Override
  public SystemAgent agent() {
    return SystemAgent.S3_CONTROL;
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  @Override
  public String prompt() {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        You are S3 (control) in a Viable System Model cycle. Decide how complex the task is and
        allocate S1 specialist agents to it: who works, in which order, on what.

        TASK:
        %s

        S4 ANALYSIS:
        %s
        Recommended approach: %s
        S4 complexity view: %s
        Specialists S4 recommends: %s
        Risks:
        %s

        RULE-BASED SUGGESTION: %s complexity, agents %s (%s).

        AVAILABLE S1 AGENTS (use only these names): %s
        Simple tasks: generalist-coder alone. Medium: functional specialists (code-writer, tester,
        reviewer, documenter). Complex: domain specialists (frontend, backend, database,
        infrastructure) plus tester and reviewer. Agents sharing an "order" run at the same time.
        """
            .formatted(
                task,
                s4.taskAnalysis(),
                s4.approach() == null ? "none" : s4.approach(),
                s4.complexityAssessment() == null ? "none" : s4.complexityAssessment(),
                PromptText.names(s4.specialistRecommendation()),
                PromptText.items(s4.risks()),
                rules.complexity().label(),
                PromptText.names(rules.suggestedAgents()),
                rules.rationale(),
                String.join(", ", availableAgents)));
    if (hint != null) {
      b.append("\nThe user requires complexity \"")
          .append(hint.label())
          .append("\": allocate for that level.\n");
    }
    if (s5Rejection != null) {
      b.append("\nS5 (policy) rejected your previous allocation: ")
          .append(s5Rejection)
          .append("\nAllocate again, taking this into account.\n");
    }
    adaptationNotes.forEach(n -> b.append("\nNote: ").append(n).append('\n'));
    b.append(
        """

        Reply with one JSON object and nothing else:
        {"complexity": "simple|medium|complex", "complexity_rationale": "why",
         "selected_agents": [{"agent": "name", "role": "what it does", "order": 1,
           "task_focus": "its part of the task"}],
         "execution_mode": "sequential|parallel"}
        """);
    return b.toString();
  }

  @Override
  public Optional<S3Decision> read(AgentReply r) {
    if (!r.has("selected_agents")) {
      return Optional.empty();
    }
    List<AllocatedAgent> agents = new ArrayList<>();
    for (Object o : r.list("selected_agents")) {
      if (o instanceof String name) {
        agents.add(AllocatedAgent.named(name.trim()));
      } else if (o instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        AgentReply a = AgentReply.of((Map<String, ?>) m);
        a.text("agent")
            .ifPresent(
                name ->
                    agents.add(
                        new AllocatedAgent(
                            name.trim(),
                            a.text("role").orElse(null),
                            a.whole("order").orElse(null),
                            a.text("task_focus").orElse(null))));
      }
    }
    return Optional.of(
        new S3Decision(
            r.text("complexity").map(c -> c.trim().toLowerCase(Locale.ROOT)).orElse(null),
            r.text("complexity_rationale").orElse(null),
            agents,
            r.text("execution_mode").map(m -> m.trim().equalsIgnoreCase("parallel")).orElse(false),
            false));
  }

  /** The rules' allocation: agents in order, domain specialists together when parallel. */
  @Override
  public S3Decision standIn() {
    AgentRecommendation r = ComplexityAnalyzer.recommendation(rules);
    return new S3Decision(
        r.complexity().label(),
        r.rationale(),
        S3Allocation.fromRecommendation("", r, "").selectedAgents(),
        r.parallelExecution(),
        true);
  }
}
