package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import java.util.List;
import java.util.Optional;

/** S4 intelligence: asked to study the task and the code; the analyzer's view stands in. */
public record S4Protocol(String task, ComplexityAssessment rules)
    implements SystemExchange<S4Protocol.S4Analysis> {

  /** S4's analysis; {@code complexityAssessment} is null when S4 gave none. */
  public record S4Analysis(
      String taskAnalysis,
      List<Object> environmentContext,
      List<Object> risks,
      List<Object> opportunities,
      String approach,
      String complexityAssessment,
      List<Object> specialistRecommendation,
      boolean standIn) {}

  public static final String SCHEMA =
      """
      {"type":"object","properties":{\
      "task_analysis":{"type":"string"},\
      "environment_context":{"type":"array","items":{"type":"string"}},\
      "risks":{"type":"array","items":{"type":"object","properties":{"risk":{"type":"string"},"severity":{"type":"string","enum":["low","medium","high"]}}}},\
      "opportunities":{"type":"array","items":{"type":"string"}},\
      "strategic_recommendation":{"type":"object","properties":{\
      "approach":{"type":"string"},\
      "complexity_assessment":{"type":"string","enum":["simple","medium","complex"]},\
      "specialist_recommendation":{"type":"array","items":{"type":"string"}}},\
      "required":["approach","complexity_assessment"]}},\
      "required":["task_analysis","strategic_recommendation"]}""";

  @Override
  public SystemAgent agent() {
    return SystemAgent.S4_STRATEGY;
  }

  @Override
  public String schema() {
    return SCHEMA;
  }

  @Override
  public String prompt() {
    return """
        You are S4 (intelligence) in a Viable System Model cycle. Look outward and ahead: study the
        task and this codebase (read files as needed; do not change anything) and advise S3, which
        will allocate specialist agents.

        TASK:
        %s

        The rule-based analyzer's first view (you may disagree): complexity %s, domains %s,
        scope %s, signals: %s.

        Reply with one JSON object and nothing else:
        {"task_analysis": "what the task really involves in this codebase",
         "environment_context": ["relevant facts about the code, stack and constraints"],
         "risks": [{"risk": "...", "severity": "low|medium|high"}],
         "opportunities": ["..."],
         "strategic_recommendation": {"approach": "how to do it",
           "complexity_assessment": "simple|medium|complex",
           "specialist_recommendation": ["agent names such as backend, tester"]}}
        """
        .formatted(
            task,
            rules.complexity().label(),
            PromptText.names(rules.domainSignals()),
            rules.scopeEstimate().label(),
            rules.rationale());
  }

  @Override
  public Optional<S4Analysis> read(AgentReply r) {
    if (!r.has("task_analysis") && !r.has("strategic_recommendation")) {
      return Optional.empty();
    }
    AgentReply rec = r.object("strategic_recommendation");
    return Optional.of(
        new S4Analysis(
            r.text("task_analysis").orElse(""),
            r.list("environment_context"),
            r.list("risks"),
            r.list("opportunities"),
            rec.text("approach").orElse(null),
            rec.text("complexity_assessment")
                .map(String::trim)
                .filter(a -> !a.isEmpty())
                .orElse(null),
            rec.list("specialist_recommendation"),
            false));
  }

  /** The analyzer's view, with no complexity of its own (so it never disagrees with S3). */
  @Override
  public S4Analysis standIn() {
    AgentRecommendation r = ComplexityAnalyzer.recommendation(rules);
    return new S4Analysis(
        "Rule-based analysis (S4 unavailable): " + rules.rationale(),
        List.of(),
        List.of(),
        List.of(),
        "Use "
            + String.join(", ", r.allAgents())
            + " for a "
            + rules.complexity().label()
            + " task",
        null,
        List.copyOf(r.allAgents()),
        true);
  }
}
