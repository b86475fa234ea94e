package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accuracy of the built-in rules on the labelled corpora, each held to a recorded floor: a change
 * of vocabulary, weights or corpus that loses accuracy anywhere fails here. Raise a floor when a
 * change earns it; never lower one to make a change pass without saying why in the commit.
 *
 * <p>Figures printed: accuracy, confusion (label → answer) and every miss per corpus; for the real
 * corpus the cross-validated accuracy and the calibration of confidence (what fraction of the tasks
 * answered with a given confidence were right).
 */
class ComplexityCorpusTest {

  /** Cross-validated accuracy on the real corpus's development rows (see ComplexityTraining). */
  static final double CROSS_VALIDATED_FLOOR = 0.889;

  /** Cross-validated accuracy among the answers given with confidence ≥ 0.8. */
  static final double CONFIDENT_FLOOR = 0.95;

  private static final ComplexityAnalyzer ANALYZER = ComplexityAnalyzer.withDefaults();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // corpus, part, floor
    // The SPEC's development corpus: at least 90 % is a requirement (SPEC 2.1).
    "/complexity-dev.tsv, all, 0.931",
    // A second corpus of the same kind, kept out of the learning step (but read while the
    // vocabulary was written: not a clean held-out set).
    "/complexity-extra.tsv, all, 0.944",
    // Real tasks the weights were learned from (in-sample: an upper bound, not a promise).
    "/complexity-real.tsv, development, 0.892",
    // Real tasks collected last and never tuned on: evaluated once, recorded as they came out.
    // Far below the cross-validated figure: the vocabulary does not yet cover their topics.
    "/complexity-real.tsv, held-out, 0.541",
  })
  void the_built_in_rules_hold_their_floor(String resource, String part, double floor) {
    Corpus corpus = Corpus.read(resource);
    List<Corpus.Row> rows =
        switch (part) {
          case "development" -> corpus.development();
          case "held-out" -> corpus.heldOut();
          default -> corpus.rows();
        };
    List<ComplexityTraining.Prediction> predictions = new ArrayList<>();
    for (Corpus.Row row : rows) {
      ComplexityAssessment a = ANALYZER.analyze(row.task());
      predictions.add(
          new ComplexityTraining.Prediction(
              row.label(), a.complexity(), a.confidence(), row.task(), Double.NaN));
    }
    double accuracy = report(resource + " (" + part + ")", predictions, p -> p.task());
    assertThat(rows).hasSizeGreaterThan(10);
    assertThat(accuracy).as("accuracy on %s (%s)", resource, part).isGreaterThanOrEqualTo(floor);
  }

  @Test
  void cross_validated_accuracy_on_real_tasks_holds_its_floor_and_confidence_means_something() {
    List<ComplexityTraining.Prediction> cv = ComplexityTraining.crossValidated();
    double accuracy =
        report("complexity-real.tsv, " + ComplexityTraining.FOLDS + "-fold", cv, null);
    System.out.print(ComplexityTraining.calibrationTable(cv));
    List<ComplexityTraining.Prediction> confident =
        cv.stream().filter(p -> p.confidence() >= 0.8).toList();
    assertThat(accuracy).isGreaterThanOrEqualTo(CROSS_VALIDATED_FLOOR);
    assertThat(confident).hasSizeGreaterThan(cv.size() / 5);
    assertThat(ComplexityTraining.accuracy(confident)).isGreaterThanOrEqualTo(CONFIDENT_FLOOR);
  }

  private static double report(
      String name,
      List<ComplexityTraining.Prediction> predictions,
      Function<ComplexityTraining.Prediction, String> showMiss) {
    double accuracy = ComplexityTraining.accuracy(predictions);
    System.out.printf(
        Locale.ROOT,
        "%s: %d/%d = %.1f %%%n",
        name,
        predictions.stream().filter(ComplexityTraining.Prediction::correct).count(),
        predictions.size(),
        100 * accuracy);
    System.out.print(ComplexityTraining.confusionTable(predictions));
    if (showMiss != null) {
      predictions.stream()
          .filter(p -> !p.correct())
          .forEach(
              p ->
                  System.out.printf(
                      "  miss: labelled %s, answered %s (%.2f): %s%n",
                      p.label().label(), p.predicted().label(), p.confidence(), showMiss.apply(p)));
    }
    return accuracy;
  }
}
