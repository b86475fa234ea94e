package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplexityAnalyzerTest {

  private final ComplexityAnalyzer analyzer = ComplexityAnalyzer.withDefaults();

  @Test
  void oauth_authentication_is_complex_backend_work_as_the_reference_documents() {
    ComplexityAssessment a = analyzer.analyze("Add user authentication with OAuth2");

    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.confidence()).isCloseTo(0.85, within(0.05));
    assertThat(a.rationale()).isEqualTo("Keywords suggest complex; Domain: backend");
    assertThat(a.suggestedAgents()).containsExactly("backend", "tester", "reviewer");
    assertThat(a.parallelPossible()).isFalse();
    assertThat(a.keywordsFound()).containsExactly("authentication");
    assertThat(a.domainSignals()).containsExactly("backend");
    assertThat(a.scopeEstimate()).isEqualTo(ScopeEstimate.MULTI_FILE);
    assertThat(a.suggestedAgentTypes()).containsExactly(AgentType.DOMAIN, AgentType.FUNCTIONAL);
  }

  @Test
  void a_simple_hint_gives_simple_with_high_confidence_and_the_generalist() {
    ComplexityAssessment a = analyzer.analyze("Quick fix", Complexity.SIMPLE);

    assertThat(a.complexity()).isEqualTo(Complexity.SIMPLE);
    assertThat(a.confidence()).isEqualTo(0.95);
    assertThat(a.suggestedAgents()).containsExactly("generalist-coder");
  }

  @ParameterizedTest
  @CsvSource({
    "medium, Fix typo in README",
    "complex, Fix typo in README",
    "medium, Implement OAuth2",
    "complex, Add a TODO comment",
    "simple, Refactor the monolith into microservices"
  })
  void a_hint_is_binding_whatever_the_task_says(String hint, String task) {
    ComplexityAssessment a = analyzer.analyze(task, Complexity.parse(hint).orElseThrow());

    assertThat(a.complexity().label()).isEqualTo(hint);
    assertThat(a.confidence()).isEqualTo(0.95);
    assertThat(a.rationale()).startsWith("User hint: " + hint);
  }

  @Test
  void custom_keywords_and_a_custom_domain_extend_the_rules_without_code_changes() {
    ComplexityRules rules =
        ComplexityRules.defaults()
            .withKeyword(Complexity.COMPLEX, "\\bmachine\\s+learning\\b")
            .withKeyword(Complexity.COMPLEX, "\\bai\\b")
            .withKeyword(Complexity.COMPLEX, "\\bml\\b")
            .withDomain(
                "ml",
                List.of(
                    "\\bmodel\\b",
                    "\\btraining\\b",
                    "\\binference\\b",
                    "\\btensor\\b",
                    "\\bpytorch\\b",
                    "\\btensorflow\\b"));

    ComplexityAssessment a =
        new ComplexityAnalyzer(rules).analyze("Train ML model for predictions");

    assertThat(a.domainSignals()).containsExactly("ml");
    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.keywordsFound()).containsExactly("ml");
    assertThat(
            ComplexityAnalyzer.withDefaults()
                .analyze("Train ML model for predictions")
                .domainSignals())
        .isEmpty();
  }

  @Test
  void the_recommendation_splits_primary_and_support_agents() {
    AgentRecommendation r =
        ComplexityAnalyzer.recommendation(analyzer.analyze("Add user authentication with OAuth2"));

    assertThat(r.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(r.confidence()).isCloseTo(0.85, within(0.05));
    assertThat(r.primaryAgents()).containsExactly("backend", "tester");
    assertThat(r.supportAgents()).containsExactly("reviewer");
    assertThat(r.parallelExecution()).isFalse();
    assertThat(r.rationale()).isEqualTo("Keywords suggest complex; Domain: backend");
    assertThat(r.domains()).containsExactly("backend");
    assertThat(r.scope()).isEqualTo(ScopeEstimate.MULTI_FILE);
  }

  @ParameterizedTest
  @CsvSource({
    "migrat, Migrate the users table, migrate",
    "migrat, Write the migrations, migrations",
    "migrat, Plan the migration, migration",
    "optimi[sz], Optimise the loop, optimise",
    "optimi[sz], Optimization of queries, optimization",
    "optimi[sz], Optimizing startup, optimizing"
  })
  void stems_match_their_inflections(String stem, String task, String word) {
    ComplexityRules rules =
        new ComplexityRules(
            Map.of(Complexity.COMPLEX, List.of(WeightedPattern.of(stem, 0.5))),
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            ComplexityRules.Thresholds.defaults());

    assertThat(new ComplexityAnalyzer(rules).analyze(task).keywordsFound()).containsExactly(word);
  }

  @Test
  void matching_is_case_insensitive_and_on_word_boundaries() {
    assertThat(analyzer.analyze("IMPLEMENT OAUTH2").complexity()).isEqualTo(Complexity.COMPLEX);
    // "authorship" is not authentication; "rest" inside "restore" is not REST.
    ComplexityAssessment a = analyzer.analyze("Restore the authorship line");
    assertThat(a.keywordsFound()).doesNotContain("authorship");
    assertThat(a.domainSignals()).doesNotContain("backend");
  }

  @Test
  void synonyms_of_one_concept_count_once_and_report_the_first_word() {
    // session, auth, JWT and authentication are synonyms of one concept.
    ComplexityAssessment a = analyzer.analyze("Replace session auth with JWT authentication");

    assertThat(a.keywordsFound()).containsExactly("session");
  }

  @Test
  void several_domains_make_complex_work_parallel() {
    ComplexityAssessment a =
        analyzer.analyze("Implement role-based access control across the API and admin UI");

    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.domainSignals()).containsExactly("frontend", "backend");
    assertThat(a.suggestedAgents()).containsExactly("frontend", "backend", "tester", "reviewer");
    assertThat(a.parallelPossible()).isTrue();
    assertThat(a.scopeEstimate()).isEqualTo(ScopeEstimate.CROSS_MODULE);
    assertThat(a.rationale()).contains("Scope: cross_module");
  }

  @Test
  void complex_work_without_a_domain_goes_to_the_code_writer() {
    ComplexityAssessment a = analyzer.analyze("Refactor the parser into smaller pieces");

    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.suggestedAgents()).containsExactly("code-writer", "tester", "reviewer");
  }

  @Test
  void medium_work_adds_a_reviewer_for_quality_and_a_documenter_for_docs() {
    // The hint fixes the level: what is tested is the choice of agents for medium work.
    Complexity medium = Complexity.MEDIUM;
    assertThat(analyzer.analyze("Add user validation", medium).suggestedAgents())
        .containsExactly("code-writer", "tester");
    assertThat(
            analyzer
                .analyze("Add input validation and review the code quality", medium)
                .suggestedAgents())
        .containsExactly("code-writer", "tester", "reviewer");
    assertThat(
            analyzer.analyze("Add a login feature and update the docs", medium).suggestedAgents())
        .containsExactly("code-writer", "tester", "documenter");
  }

  @Test
  void documentation_only_tasks_go_to_the_documenter() {
    assertThat(analyzer.analyze("Fix typo in README").suggestedAgents())
        .containsExactly("documenter");
    assertThat(analyzer.analyze("Write documentation for the deployment process").suggestedAgents())
        .containsExactly("documenter");
    assertThat(analyzer.analyze("Add a comment to the parse function").suggestedAgents())
        .doesNotContain("documenter");
  }

  @Test
  void simple_tasks_go_to_the_generalist_and_name_a_single_file() {
    ComplexityAssessment a = analyzer.analyze("Rename the 'usr' variable to 'user'");

    assertThat(a.complexity()).isEqualTo(Complexity.SIMPLE);
    assertThat(a.suggestedAgents()).containsExactly("generalist-coder");
    assertThat(a.suggestedAgentTypes()).containsExactly(AgentType.GENERALIST);
    assertThat(a.scopeEstimate()).isEqualTo(ScopeEstimate.SINGLE_FILE);
  }

  @Test
  void a_task_with_no_signal_is_medium_with_low_confidence_and_unknown_scope() {
    ComplexityAssessment a = analyzer.analyze("Do the thing");

    assertThat(a.complexity()).isEqualTo(Complexity.MEDIUM);
    assertThat(a.confidence()).isLessThan(0.7);
    assertThat(a.scopeEstimate()).isEqualTo(ScopeEstimate.UNKNOWN);
    assertThat(a.rationale()).contains("No complexity signals");
  }

  /** An analyzer over {@link #zorblatRules}. */
  private static ComplexityAnalyzer zorblat(Map<String, Double> words) {
    return new ComplexityAnalyzer(zorblatRules(words));
  }

  /** Rules with one complex keyword and the given word weights, nothing built in. */
  private static ComplexityRules zorblatRules(Map<String, Double> words) {
    return new ComplexityRules(
            Map.of(Complexity.COMPLEX, List.of(WeightedPattern.of("zorblat", 0.5))),
            List.of(),
            Map.of(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            new ComplexityRules.Thresholds(0.3, 0.2, 0.6, 0, 0, 0, 100))
        .withWords(words);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // Only a complex keyword fired, and the answer is complex: the rules speak for it.
    "Zorblat the frobs, 0.9",
    // No keyword fired: the answer rests on the words alone.
    "Mend the frobs, 0.79",
    // A simple keyword fired next to the complex one: the rules are split.
    "Zorblat the frobs and a typo, 0.79",
  })
  void confidence_of_0_8_or_more_needs_the_keywords_to_speak_for_the_answer_alone(
      String task, double confidence) {
    ComplexityAnalyzer analyzer =
        new ComplexityAnalyzer(
            zorblatRules(Map.of("word:frob", 2.0)).withKeyword(Complexity.SIMPLE, "typo", -0.05));

    ComplexityAssessment a = analyzer.analyze(task);

    // Every score is far above the complex threshold: the model is sure of "complex" each time.
    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.confidence()).isEqualTo(confidence);
  }

  @Test
  void confidence_falls_from_0_9_at_certainty_to_0_8_at_probability_0_85() {
    assertThat(ComplexityAnalyzer.confidence(1, true)).isEqualTo(0.9);
    assertThat(ComplexityAnalyzer.confidence(0.85, true)).isEqualTo(0.8);
    assertThat(ComplexityAnalyzer.confidence(0.84, true)).isLessThan(0.8);
    assertThat(ComplexityAnalyzer.confidence(1, false)).isEqualTo(0.79);
    assertThat(ComplexityAnalyzer.confidence(0.4, true)).isEqualTo(0.5);
  }

  @Test
  void words_that_outweigh_the_keywords_are_named_in_the_rationale() {
    ComplexityAssessment a =
        zorblat(Map.of("word:frob", -0.7, "word:zorblat", 0.05, "lead:zorblat", 0.01))
            .analyze("Zorblat the frobs");

    assertThat(a.complexity()).isEqualTo(Complexity.SIMPLE);
    assertThat(a.rationale())
        .isEqualTo("Keywords suggest complex; Cues suggest simple: \"frob\" −");
  }

  @Test
  void a_task_no_keyword_speaks_for_names_the_words_that_decided() {
    ComplexityAssessment a =
        zorblat(Map.of("word:frob", 0.4, "word:widget", -0.05, "lead:mend", 0.02))
            .analyze("Mend the frobs of every widget");

    assertThat(a.keywordsFound()).isEmpty();
    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.rationale()).isEqualTo("Cues suggest complex: \"frob\" +, \"mend\" +");
  }

  @Test
  void words_name_what_decided_when_no_keyword_fired_and_the_level_held() {
    ComplexityAssessment a =
        zorblat(Map.of("word:frob", 0.05, "word:widget", -0.1))
            .analyze("Mend the frobs of a widget");

    assertThat(a.complexity()).isEqualTo(Complexity.MEDIUM);
    assertThat(a.rationale()).isEqualTo("Words suggest medium: \"widget\" −, \"frob\" +");
  }

  @Test
  void lowered_thresholds_turn_a_task_just_under_complex_into_complex() {
    // Medium cues and a frontend word: scores just under the complex threshold.
    String task = "Add input validation to the login form";
    assertThat(analyzer.analyze(task).score()).isBetween(0.45, 0.6);
    assertThat(analyzer.analyze(task).complexity()).isEqualTo(Complexity.MEDIUM);

    ViabilityMetrics struggling =
        ViabilityMetrics.defaults()
            .withAgentResult("tester", false, "t")
            .withAgentResult("tester", false, "t");
    assertThat(struggling.averageAgentErrorRate()).isGreaterThan(0.2);

    ComplexityAssessment a = analyzer.adaptedTo(struggling).analyze(task);
    assertThat(a.complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(a.rationale()).contains("Complex threshold lowered by 0.15");
  }

  @Test
  void threshold_drops_add_up_and_stop_at_0_4() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    assertThat(ComplexityAnalyzer.thresholdDrop(m)).isZero();

    m = m.withAgentResult("a", false, "t").withAgentResult("a", false, "t");
    assertThat(ComplexityAnalyzer.thresholdDrop(m)).isEqualTo(0.15);

    m = m.withOscillation("t").withOscillation("t");
    assertThat(m.oscillationRate()).isGreaterThan(0.15);
    assertThat(ComplexityAnalyzer.thresholdDrop(m)).isEqualTo(0.25);

    for (int i = 0; i < 8; i++) {
      m = m.withTaskCompletion(false, "t");
    }
    m = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics();
    assertThat(ComplexityAnalyzer.thresholdDrop(m)).isEqualTo(0.4);
  }

  @Test
  void a_keyword_rule_with_a_broken_pattern_is_refused_when_added() {
    assertThatThrownBy(
            () -> ComplexityRules.defaults().withKeyword(Complexity.COMPLEX, "(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid pattern");
  }

  @ParameterizedTest
  @CsvSource({"Infinity", "-Infinity", "NaN", "1e400", "-1e400", "1001"})
  void thresholds_and_weights_must_be_finite_numbers(double bad) {
    ComplexityRules.Thresholds t = ComplexityRules.Thresholds.defaults();
    assertThatThrownBy(
            () ->
                new ComplexityRules.Thresholds(
                    t.base(),
                    t.simpleBelow(),
                    bad,
                    t.crossModuleWeight(),
                    t.singleFileWeight(),
                    t.perExtraDomainWeight(),
                    t.mediumSignalCap()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thresholds.complex_at_least must be a finite number within ±1000");
    assertThatThrownBy(() -> ComplexityRules.defaults().withKeyword(Complexity.COMPLEX, "gpu", bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }

  @Test
  void a_score_that_is_not_a_number_is_never_simple() {
    assertThat(ComplexityAnalyzer.level(Double.NaN, 0.2, 0.6)).isEqualTo(Complexity.MEDIUM);
    assertThat(ComplexityAnalyzer.probability(Complexity.MEDIUM, Double.NaN, 0.2, 0.6, 10))
        .isZero();
    assertThat(ComplexityAnalyzer.confidence(0, true)).isEqualTo(0.5);
  }
}
