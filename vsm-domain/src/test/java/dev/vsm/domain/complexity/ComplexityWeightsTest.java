package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built-in weights are data learned from the corpora, not numbers tuned by hand: the shipped
 * file must be exactly what {@link ComplexityTraining} learns today. With {@code
 * -Dvsm.complexity.write=true} the test writes the file first (after a change of vocabulary or of a
 * corpus), then checks it.
 */
class ComplexityWeightsTest {

  @Test
  @Tag("slow")
  void the_shipped_weights_are_what_the_learning_step_learns() throws IOException {
    Map<String, Double> learned = ComplexityTraining.shippedWeights();
    String expected = ComplexityTraining.weightsFile(learned);
    if (Boolean.getBoolean("vsm.complexity.write")) {
      ComplexityTraining.write(learned);
      System.out.println("wrote " + ComplexityTraining.weightsSource());
    }
    String shipped;
    try (InputStream in =
        DefaultComplexityRules.class.getResourceAsStream(DefaultComplexityRules.WEIGHTS)) {
      assertThat(in).as("the weights resource").isNotNull();
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (Boolean.getBoolean("vsm.complexity.write")) {
      shipped = java.nio.file.Files.readString(ComplexityTraining.weightsSource());
    }
    assertThat(shipped)
        .as(
            "complexity-weights.tsv is stale: regenerate it with mvn -q -pl vsm-domain test"
                + " -Dtest=ComplexityWeightsTest -Dvsm.complexity.write=true")
        .isEqualTo(expected);
  }

  @Test
  void every_concept_and_cue_has_a_unique_name_and_a_learned_weight() {
    ComplexityRules rules = ComplexityRules.defaults();
    List<String> names = new ArrayList<>();
    rules.keywords().values().forEach(l -> l.forEach(r -> names.add(r.concept())));
    rules.cues().forEach(r -> names.add(r.concept()));
    Set<String> unique = new HashSet<>(names);
    assertThat(unique).hasSameSizeAs(names);

    Map<String, Double> learned = ComplexityTraining.learn(ComplexityTraining.trainingSet(), 1);
    rules
        .keywords()
        .values()
        .forEach(l -> l.forEach(r -> assertThat(learned).containsKey("keyword:" + r.concept())));
    rules.cues().forEach(r -> assertThat(learned).containsKey("cue:" + r.concept()));
  }

  @Test
  void the_analyzer_scores_a_task_as_the_learner_does() {
    Map<String, Double> shipped = ComplexityTraining.shippedWeights();
    ComplexityAnalyzer analyzer = ComplexityAnalyzer.withDefaults();
    for (Corpus.Row row : Corpus.read(Corpus.REAL).rows()) {
      double learner = ComplexityTraining.score(shipped, ComplexityTraining.example(row));
      assertThat(analyzer.analyze(row.task()).score())
          .as(row.task())
          .isCloseTo(learner, within(0.002));
    }
  }

  @Test
  void weights_that_lag_the_vocabulary_are_an_error_not_zeros() {
    Map<String, Double> w = new HashMap<>(ComplexityTraining.shippedWeights());
    w.remove("keyword:security");
    assertThatThrownBy(() -> DefaultComplexityRules.weighted(DefaultComplexityRules.VOCABULARY, w))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyword:security");
  }

  @Test
  void weights_are_read_exactly_as_the_number_parser_reads_them() {
    java.util.Random random = new java.util.Random(19);
    StringBuilder file = new StringBuilder("# a comment\n\n");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      double v = (random.nextInt(2_000_001) - 1_000_000) / 1000.0;
      String text =
          switch (i % 4) {
            case 0 -> String.format(java.util.Locale.ROOT, "%.3f", v);
            case 1 -> Double.toString(v);
            case 2 -> String.format(java.util.Locale.ROOT, "%.1f", v);
            default -> String.format(java.util.Locale.ROOT, "%.3fe0", v);
          };
      values.add(text);
      file.append("word:w").append(i).append('\t').append(text).append(i % 7 == 0 ? "\r\n" : "\n");
    }
    Map<String, Double> read = DefaultComplexityRules.parseWeights(file.toString());
    assertThat(read).hasSize(values.size());
    for (int i = 0; i < values.size(); i++) {
      assertThat(read.get("word:w" + i))
          .as(values.get(i))
          .isEqualTo(Double.parseDouble(values.get(i)));
    }
    assertThatThrownBy(() -> DefaultComplexityRules.parseWeights("no tab here\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not key TAB weight");
  }

  @Test
  @Tag("slow")
  void the_learner_is_deterministic() {
    assertThat(ComplexityTraining.learn(ComplexityTraining.trainingSet(), 1))
        .isEqualTo(ComplexityTraining.learn(ComplexityTraining.trainingSet(), 1));
  }
}
