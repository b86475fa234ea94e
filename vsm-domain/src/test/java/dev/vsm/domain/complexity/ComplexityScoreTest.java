package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a task's score is made: the base, the keyword concepts (medium ones capped), the cues, the
 * learned words, the scope, every domain after the first and documentation-only work, added up; the
 * level is where the score falls, and the rationale names what moved it. Rules built by hand here,
 * each weight a different number, so every term is seen in the sum.
 */
class ComplexityScoreTest {

  private static final ComplexityRules.Thresholds THRESHOLDS =
      new ComplexityRules.Thresholds(0.01, -0.2, 0.6, 0.11, -0.13, 0.17, 0.3, 10, -0.19);

  private static final ComplexityRules RULES =
      new ComplexityRules(
          Map.of(
              Complexity.COMPLEX,
              List.of(WeightedPattern.of("\\bshard", 0.5)),
              Complexity.MEDIUM,
              List.of(
                  WeightedPattern.of("\\bendpoint", 0.2),
                  WeightedPattern.of("\\bform\\b", 0.25),
                  WeightedPattern.of("\\brename\\b", -0.05)),
              Complexity.SIMPLE,
              List.of(WeightedPattern.of("\\btypo", -0.4))),
          List.of(
              WeightedPattern.of("\\bacross\\b", 0.07), WeightedPattern.of("\\bsmall\\b", -0.09)),
          Map.of("word:cach", 0.06, "word:button", -0.04, "lead:add", 0.03, "word:zero", 0.0),
          Map.of("db", List.of("\\bshard", "\\bsql\\b"), "ui", List.of("\\bform\\b", "\\bbutton")),
          Map.of(
              ScopeEstimate.CROSS_MODULE,
              List.of("\\bservices\\b"),
              ScopeEstimate.SINGLE_FILE,
              List.of("\\bone file\\b")),
          List.of("\\bdocs\\b"),
          List.of("\\bcode\\b"),
          List.of("\\breview\\b"),
          THRESHOLDS);

  private static final ComplexityAnalyzer ANALYZER = new ComplexityAnalyzer(RULES);

  private static double score(String task) {
    return ANALYZER.analyze(task).score();
  }

  @Test
  void a_task_without_a_signal_scores_the_base() {
    ComplexityAssessment a = ANALYZER.analyze("Tidy things");
    assertThat(a.score()).isEqualTo(0.01);
    assertThat(a.complexity()).isEqualTo(Complexity.MEDIUM);
    assertThat(a.rationale()).isEqualTo("No complexity signals; defaulting to medium");
    assertThat(a.scopeEstimate()).isEqualTo(ScopeEstimate.UNKNOWN);
  }

  @Test
  void every_signal_adds_its_own_weight() {
    assertThat(score("Tidy the shard")).isEqualTo(0.51); // base + complex keyword
    assertThat(score("Tidy the endpoint")).isEqualTo(0.21); // + medium keyword
    assertThat(score("Tidy a typo")).isEqualTo(-0.39); // + simple keyword
    assertThat(score("Tidy across")).isEqualTo(0.08); // + a cue
    assertThat(score("Tidy small")).isEqualTo(-0.08); // + a negative cue
    assertThat(score("Tidy the caching")).isEqualTo(0.07); // + a learned word
    assertThat(score("Add things")).isEqualTo(0.04); // + the leading word
    assertThat(score("Tidy services")).isEqualTo(0.12); // + cross-module scope
    assertThat(score("Tidy one file")).isEqualTo(-0.12); // + single-file scope
    assertThat(score("Tidy the docs")).isEqualTo(-0.18); // + documentation only
    assertThat(score("Tidy the docs and code")).isEqualTo(0.01); // docs with code work: no term
    assertThat(score("Tidy sql")).isEqualTo(0.01); // one domain alone adds nothing
    assertThat(score("Tidy zero")).isEqualTo(0.01); // a word weighing 0 is no signal
  }

  @Test
  void terms_add_up_and_every_domain_after_the_first_adds_its_weight() {
    // base + shard (complex, domain db) + form (medium, domain ui) + across + caching + services
    // + one extra domain
    assertThat(score("Tidy the shard form across caching services"))
        .isCloseTo(0.01 + 0.5 + 0.25 + 0.07 + 0.06 + 0.11 + 0.17, within(1e-9));
  }

  @Test
  void medium_keywords_pushing_up_are_capped_together_and_others_are_not() {
    // 0.2 + 0.25 capped at 0.3; the negative medium one is added outside the cap
    assertThat(score("Tidy the endpoint form")).isEqualTo(0.31);
    assertThat(score("Tidy the endpoint form rename")).isEqualTo(0.26);
    assertThat(score("Tidy the shard endpoint form"))
        .isCloseTo(0.01 + 0.5 + 0.3 + 0.17, within(1e-9));
  }

  @Test
  void the_level_is_where_the_score_falls_bounds_included() {
    assertThat(ComplexityAnalyzer.level(-0.2, -0.2, 0.6)).isEqualTo(Complexity.MEDIUM);
    assertThat(ComplexityAnalyzer.level(-0.201, -0.2, 0.6)).isEqualTo(Complexity.SIMPLE);
    assertThat(ComplexityAnalyzer.level(0.6, -0.2, 0.6)).isEqualTo(Complexity.COMPLEX);
    assertThat(ComplexityAnalyzer.level(0.599, -0.2, 0.6)).isEqualTo(Complexity.MEDIUM);
    assertThat(ComplexityAnalyzer.level(Double.NaN, -0.2, 0.6)).isEqualTo(Complexity.MEDIUM);
    assertThat(ANALYZER.analyze("Fix a typo").complexity()).isEqualTo(Complexity.SIMPLE);
    assertThat(ANALYZER.analyze("Shard the form").complexity()).isEqualTo(Complexity.COMPLEX);
  }

  @Test
  void the_probability_of_a_level_follows_the_distance_from_its_thresholds() {
    double atSimple = ComplexityAnalyzer.probability(Complexity.MEDIUM, -0.2, -0.2, 0.6, 10);
    double complex = ComplexityAnalyzer.probability(Complexity.COMPLEX, 0.6, -0.2, 0.6, 10);
    assertThat(complex).isCloseTo(0.5, within(1e-12));
    assertThat(atSimple).isCloseTo(0.5 - 1 / (1 + Math.exp(8)), within(1e-12));
    assertThat(ComplexityAnalyzer.probability(Complexity.SIMPLE, -0.4, -0.2, 0.6, 10))
        .isCloseTo(1 - 1 / (1 + Math.exp(2)), within(1e-12));
    assertThat(ComplexityAnalyzer.probability(Complexity.COMPLEX, 1.0, -0.2, 0.6, 5))
        .isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
    assertThat(ComplexityAnalyzer.probability(Complexity.MEDIUM, Double.NaN, -0.2, 0.6, 10))
        .isZero();
    // The three levels share all the probability.
    double sum = 0;
    for (Complexity c : Complexity.values()) {
      sum += ComplexityAnalyzer.probability(c, 0.3, -0.2, 0.6, 10);
    }
    assertThat(sum).isCloseTo(1, within(1e-12));
  }

  @Test
  void the_rationale_names_the_cues_and_words_that_moved_the_level_strongest_first() {
    // The keyword says medium; the cue and the words push it to complex.
    ComplexityAssessment up =
        ANALYZER.analyze("Add the endpoint form across caching services in sql");
    assertThat(up.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(up.rationale())
        .contains("Keywords suggest medium")
        .contains("Cues suggest complex: \\bacross\\b, \"cach\" +, \"add\" +");
    // No keyword: the words decide, strongest first, each with the sign of its push.
    ComplexityAssessment words = ANALYZER.analyze("Add a button to the caching");
    assertThat(words.rationale())
        .endsWith("Words suggest medium: \"cach\" +, \"button\" −, \"add\" +");
  }

  @Test
  void the_complex_threshold_drops_with_the_metrics_but_never_to_the_simple_one() {
    assertThat(ComplexityAnalyzer.thresholdDrop(metrics(0.2, 0.15, false))).isZero();
    assertThat(ComplexityAnalyzer.thresholdDrop(metrics(0.21, 0.15, false))).isEqualTo(0.15);
    assertThat(ComplexityAnalyzer.thresholdDrop(metrics(0.2, 0.16, false))).isEqualTo(0.1);
    assertThat(ComplexityAnalyzer.thresholdDrop(metrics(0.21, 0.16, true))).isEqualTo(0.4);
    ComplexityAnalyzer adapted = ANALYZER.adaptedTo(metrics(0.21, 0.16, true));
    assertThat(adapted.complexThresholdDrop()).isEqualTo(0.4);
    // 0.21 would be medium; the complex threshold is now 0.2.
    ComplexityAssessment a = adapted.analyze("Tidy the endpoint");
    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.rationale()).contains("Complex threshold lowered by 0.40");
    // Lowered below the simple threshold, complex starts just above it.
    ComplexityRules tight = RULES.withThresholds(THRESHOLDS.withBounds(0.1, 0.3));
    ComplexityAnalyzer low = new ComplexityAnalyzer(tight).adaptedTo(metrics(0.5, 0.5, true));
    assertThat(low.analyze("Tidy things").complexity()).isEqualTo(Complexity.SIMPLE);
    assertThat(low.analyze("Tidy across caching").complexity()).isEqualTo(Complexity.COMPLEX);
  }

  private static ViabilityMetrics metrics(double errorRate, double oscillation, boolean lowered) {
    return new ViabilityMetrics(
        "last_10_tasks",
        1.0,
        Map.of("code-writer", errorRate),
        oscillation,
        1.0,
        0,
        1.0,
        lowered
            ? List.of(
                new Adaptation(AdaptationType.LOWER_COMPLEXITY_THRESHOLD, "", "", "", Map.of()))
            : List.of(),
        "");
  }
}
