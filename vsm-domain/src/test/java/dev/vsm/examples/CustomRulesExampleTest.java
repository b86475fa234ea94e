package dev.vsm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.complexity.ComplexityRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Another front end reusing vsm's rules: this test's classpath is {@code vsm-domain} alone (plus
 * JUnit), and it lives outside the domain's packages, so it uses only what any program that adds
 * the {@code vsm-domain} jar sees — no state, no Claude, no Jackson.
 */
class CustomRulesExampleTest {

  private final ComplexityRules rules =
      ComplexityRules.defaults()
          .withKeyword(Complexity.COMPLEX, "\\bmachine\\s+learning\\b")
          .withKeyword(Complexity.COMPLEX, "\\bml\\b")
          .withDomain("ml", List.of("\\bmodel\\b", "\\btraining\\b", "\\binference\\b"));

  private final ComplexityAnalyzer analyzer = new ComplexityAnalyzer(rules);

  @Test
  void custom_rules_find_a_domain_the_built_in_rules_do_not_know() {
    ComplexityAssessment a = analyzer.analyze("Train ML model for predictions", null);

    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.domainSignals()).containsExactly("ml");
    assertThat(a.suggestedAgents()).containsExactly("ml", "tester", "reviewer");
    assertThat(ComplexityAnalyzer.withDefaults().analyze("Train ML model for predictions", null))
        .satisfies(builtIn -> assertThat(builtIn.domainSignals()).isEmpty());
  }

  @Test
  void a_hint_binds_the_level_and_the_recommendation_follows_it() {
    ComplexityAssessment a = analyzer.analyze("Train ML model for predictions", Complexity.SIMPLE);

    assertThat(a.complexity()).isEqualTo(Complexity.SIMPLE);
    assertThat(a.confidence()).isEqualTo(ComplexityAnalyzer.HINT_CONFIDENCE);
    AgentRecommendation r = ComplexityAnalyzer.recommendation(a);
    assertThat(r.primaryAgents()).containsExactly("generalist-coder");
  }
}
