package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * S4's reply as an analysis: either part of it is enough, a blank complexity view is none, and the
 * stand-in is the analyzer's view with no complexity of its own.
 */
class S4RepliesBecomeAnalysesTest {

  private final ComplexityAssessment rules =
      ComplexityAnalyzer.withDefaults().analyze("Add a REST endpoint with a database migration");
  private final S4Protocol s4 = new S4Protocol("task", rules);

  @Test
  void a_full_reply_is_read_part_by_part() {
    S4Protocol.S4Analysis a =
        s4.read(
                AgentReply.of(
                    Map.of(
                        "task_analysis", "an endpoint",
                        "environment_context", List.of("java"),
                        "risks", List.of(Map.of("risk", "r", "severity", "low")),
                        "opportunities", List.of("reuse"),
                        "strategic_recommendation",
                            Map.of(
                                "approach", "small steps",
                                "complexity_assessment", " complex ",
                                "specialist_recommendation", List.of("backend")))))
            .orElseThrow();

    assertThat(a)
        .isEqualTo(
            new S4Protocol.S4Analysis(
                "an endpoint",
                List.of("java"),
                List.of(Map.of("risk", "r", "severity", "low")),
                List.of("reuse"),
                "small steps",
                "complex",
                List.of("backend"),
                false));
  }

  @Test
  void an_analysis_alone_or_a_recommendation_alone_is_a_reply() {
    S4Protocol.S4Analysis analysisOnly =
        s4.read(AgentReply.of(Map.of("task_analysis", "a"))).orElseThrow();
    S4Protocol.S4Analysis recommendationOnly =
        s4.read(
                AgentReply.of(
                    Map.of("strategic_recommendation", Map.of("complexity_assessment", " "))))
            .orElseThrow();

    assertThat(analysisOnly.approach()).isNull();
    assertThat(analysisOnly.complexityAssessment()).isNull();
    assertThat(recommendationOnly.taskAnalysis()).isEmpty();
    assertThat(recommendationOnly.complexityAssessment()).as("blank is none").isNull();
    assertThat(s4.read(AgentReply.of(Map.of("risks", List.of())))).isEmpty();
  }

  @Test
  void the_stand_in_recommends_the_rules_agents_without_a_complexity() {
    S4Protocol.S4Analysis a = s4.standIn();
    List<String> agents = ComplexityAnalyzer.recommendation(rules).allAgents();

    assertThat(a.standIn()).isTrue();
    assertThat(a.complexityAssessment()).isNull();
    assertThat(a.taskAnalysis())
        .isEqualTo("Rule-based analysis (S4 unavailable): " + rules.rationale());
    assertThat(a.approach())
        .isEqualTo(
            "Use " + String.join(", ", agents) + " for a " + rules.complexity().label() + " task");
    assertThat(a.specialistRecommendation()).containsExactlyElementsOf(agents);
  }
}
