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

  /** Cross-validated accuracy on the real corpus (see ComplexityTraining). */
  static final double CROSS_VALIDATED_FLOOR = 0.78;

  /**
   * Cross-validated accuracy among the answers given with confidence ≥ 0.8: the 95 % the issue asks
   * for (95.0 %, 100 tasks, when first recorded). 0.8 needs the model's probability ≥ 0.85 and the
   * keyword rules speaking for the answer alone; on probability alone the band was right 90.5 %.
   */
  static final double CONFIDENT_FLOOR = 0.95;

  private static final ComplexityAnalyzer ANALYZER = ComplexityAnalyzer.withDefaults();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // corpus, floor
    // The SPEC's development corpus: at least 90 % is a requirement (SPEC 2.1). Trained on.
    "/complexity-dev.tsv, 0.93",
    // A second corpus of the same kind, kept out of the learning step (but read while the
    // vocabulary was written: not a clean held-out set).
    "/complexity-extra.tsv, 0.94",
    // Real tasks the weights are learned from (in-sample: an upper bound, not a promise).
    "/complexity-real.tsv, 0.88",
    // Real tasks collected last, labelled before any run and never tuned on: the honest figure
    // (65.6 % when first run; the rules before the learned words scored 67.5 % on it).
    "/complexity-holdout.tsv, 0.65",
    // A second held-out batch drawn at random from 20 repositories' histories, labelled and
    // committed before any run: mostly small work, as real histories are (62.6 % when first run).
    "/complexity-holdout2.tsv, 0.62",
    // 460 titles drawn from 41 other repositories' histories after these weights were learned
    // (52.6 % when first run with them; its header says why it is not learned from).
    "/complexity-drawn.tsv, 0.52",
  })
  void the_built_in_rules_hold_their_floor(String resource, double floor) {
    Corpus corpus = Corpus.read(resource);
    List<Corpus.Row> rows = corpus.rows();
    List<ComplexityTraining.Prediction> predictions = new ArrayList<>();
    for (Corpus.Row row : rows) {
      ComplexityAssessment a = ANALYZER.analyze(row.task());
      predictions.add(
          new ComplexityTraining.Prediction(
              row.label(),
              a.complexity(),
              a.confidence(),
              row.task(),
              Double.NaN,
              ANALYZER.signals(row.task()).keywordsSpeakFor(a.complexity())));
    }
    // Misses are listed for the corpora the rules learn from, never for a held-out batch: its
    // errors must not steer the vocabulary.
    boolean heldOut = Corpus.HELD_OUT.contains(resource);
    double accuracy = report(resource, predictions, heldOut ? null : p -> p.task());
    if (heldOut) {
      System.out.print(ComplexityTraining.calibrationTable(predictions));
    }
    assertThat(rows).hasSizeGreaterThan(10);
    assertThat(accuracy).as("accuracy on %s", resource).isGreaterThanOrEqualTo(floor);
  }

  @Test
  void cross_validated_accuracy_on_real_tasks_holds_its_floor_and_confidence_means_something() {
    List<ComplexityTraining.Prediction> cv = ComplexityTraining.crossValidated();
    double accuracy =
        report("complexity-real.tsv, " + ComplexityTraining.FOLDS + "-fold", cv, null);
    System.out.print(ComplexityTraining.calibrationTable(cv));
    List<ComplexityTraining.Prediction> confident = confident(cv);
    assertThat(accuracy).isGreaterThanOrEqualTo(CROSS_VALIDATED_FLOOR);
    assertThat(confident).hasSizeGreaterThan(cv.size() / 10);
    assertThat(ComplexityTraining.accuracy(confident)).isGreaterThanOrEqualTo(CONFIDENT_FLOOR);
  }

  /** The answers given with confidence 0.8 or more: the ones the issue asks to be right. */
  private static List<ComplexityTraining.Prediction> confident(
      List<ComplexityTraining.Prediction> predictions) {
    return predictions.stream().filter(p -> p.confidence() >= 0.8).toList();
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
    List<ComplexityTraining.Prediction> confident = confident(predictions);
    System.out.printf(
        Locale.ROOT,
        "confidence >= 0.8: %d of %d tasks (%.1f %%), %s right%n",
        confident.size(),
        predictions.size(),
        100.0 * confident.size() / predictions.size(),
        confident.isEmpty()
            ? "-"
            : String.format(Locale.ROOT, "%.1f %%", 100 * ComplexityTraining.accuracy(confident)));
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
