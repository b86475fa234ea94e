package dev.vsm.domain.complexity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The learning step behind the built-in weights. The features are the concepts and cues of {@link
 * DefaultComplexityRules}, the stem of every word of the task and its leading word ({@link Words}),
 * and the scope, domain and documentation signals; labelled tasks are the examples and an {@link
 * OrdinalModel} the learner. No weight is set by hand: a concept starts from its level's default
 * (see {@link #prior}), everything else from 0, and cross-validation learns every weight from the
 * training folds only. The weights, put in the score's units (the thresholds 0.2 and 0.6 stay
 * fixed), are what {@code complexity-weights.tsv} ships.
 *
 * <p>Training data: complexity-real.tsv and the SPEC's development corpus. Never {@code
 * complexity-holdout.tsv} nor {@code complexity-extra.tsv}: both stay for judging. {@code
 * ComplexityWeightsTest} checks the shipped file is what this step learns; to write it after
 * changing the vocabulary or a corpus run
 *
 * <pre>mvn -q -pl vsm-domain test -Dtest=ComplexityWeightsTest -Dvsm.complexity.write=true</pre>
 */
final class ComplexityTraining {

  /**
   * L2 penalty on the weights (in logit units), chosen by cross-validation on complexity-real.tsv
   * (see {@link #main}); the held-out batch was not consulted.
   */
  static final double LAMBDA = 1.0;

  /** A word becomes a feature when at least this many training tasks have it. */
  static final int MIN_WORD_COUNT = 2;

  /** Folds of the cross-validation over complexity-real.tsv. */
  static final int FOLDS = 10;

  static final double SIMPLE_BELOW = DefaultComplexityRules.SIMPLE_BELOW;
  static final double COMPLEX_AT_LEAST = DefaultComplexityRules.COMPLEX_AT_LEAST;

  /**
   * Converts score units into the learner's logits (the confidence's sharpness is fitted apart).
   */
  private static final double SCALE = 10;

  /** Feature extraction only: the built-in vocabulary, whatever its weights. */
  private static final ComplexityAnalyzer FEATURES =
      new ComplexityAnalyzer(DefaultComplexityRules.VOCABULARY);

  private ComplexityTraining() {}

  /**
   * A labelled task, its features, and the levels of the keyword concepts that fired in it (for
   * confidence, see {@link ComplexityAnalyzer#MAX_UNAGREED_CONFIDENCE}).
   */
  record Example(
      Complexity label, String task, Map<String, Double> features, Set<Complexity> keywordLevels) {
    boolean keywordsSpeakFor(Complexity level) {
      return keywordLevels.equals(Set.of(level));
    }
  }

  record Prediction(
      Complexity label,
      Complexity predicted,
      double confidence,
      String task,
      double score,
      boolean keywordsAgree) {
    boolean correct() {
      return label == predicted;
    }
  }

  static Example example(Corpus.Row row) {
    Set<Complexity> levels = EnumSet.noneOf(Complexity.class);
    FEATURES.signals(row.task()).keywordHits.forEach(c -> levels.add(c.level()));
    return new Example(row.label(), row.task(), features(row.task()), levels);
  }

  static Map<String, Double> features(String task) {
    ComplexityAnalyzer.Signals s = FEATURES.signals(task);
    Map<String, Double> f = new TreeMap<>();
    for (String name : s.featureNames()) {
      f.put(name, 1.0);
    }
    if (s.scope == ScopeEstimate.CROSS_MODULE) {
      f.put("cross_module", 1.0);
    } else if (s.scope == ScopeEstimate.SINGLE_FILE) {
      f.put("single_file", 1.0);
    }
    if (s.domains.size() > 1) {
      f.put("per_extra_domain", (double) (s.domains.size() - 1));
    }
    if (s.documentation && !s.codeWork) {
      f.put("documentation_only", 1.0);
    }
    return f;
  }

  /** The examples the shipped weights are learned from. */
  static List<Example> trainingSet() {
    List<Example> out = new ArrayList<>();
    Corpus.read(Corpus.REAL).rows().forEach(r -> out.add(example(r)));
    Corpus.read(Corpus.DEV).rows().forEach(r -> out.add(example(r)));
    return out;
  }

  /** Learns weights (score units, keyed as in the weights file) from examples. */
  static Map<String, Double> learn(List<Example> examples, double lambda) {
    return learn(examples, lambda, MIN_WORD_COUNT);
  }

  static Map<String, Double> learn(List<Example> examples, double lambda, int minWordCount) {
    // Every concept, cue and signal the rules have, seen in the examples or not (one never seen
    // weighs 0); a word only when enough examples have it.
    TreeSet<String> names =
        new TreeSet<>(
            List.of("cross_module", "single_file", "per_extra_domain", "documentation_only"));
    DefaultComplexityRules.VOCABULARY
        .keywords()
        .values()
        .forEach(l -> l.forEach(r -> names.add("keyword:" + r.concept())));
    DefaultComplexityRules.VOCABULARY.cues().forEach(r -> names.add("cue:" + r.concept()));
    Map<String, Integer> wordCounts = new TreeMap<>();
    for (Example e : examples) {
      for (String f : e.features().keySet()) {
        if (isWord(f)) {
          wordCounts.merge(f, 1, Integer::sum);
        } else {
          names.add(f);
        }
      }
    }
    wordCounts.forEach(
        (f, count) -> {
          if (count >= minWordCount) {
            names.add(f);
          }
        });
    List<String> index = new ArrayList<>(names);
    Map<String, Integer> position = new TreeMap<>();
    for (int j = 0; j < index.size(); j++) {
      position.put(index.get(j), j);
    }
    double[][] x = new double[examples.size()][index.size()];
    int[] y = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      for (Map.Entry<String, Double> f : e.features().entrySet()) {
        Integer j = position.get(f.getKey());
        if (j != null) {
          x[i][j] = f.getValue();
        }
      }
      y[i] = e.label().ordinal();
    }
    double[] prior = new double[index.size()];
    for (int j = 0; j < prior.length; j++) {
      prior[j] = SCALE * prior(index.get(j));
    }
    OrdinalModel m =
        OrdinalModel.fit(x, y, lambda, prior, SCALE * (COMPLEX_AT_LEAST - SIMPLE_BELOW));
    Map<String, Double> w = new TreeMap<>();
    w.put("base", round(SIMPLE_BELOW + m.a / SCALE));
    w.put("sharpness", SCALE);
    for (int j = 0; j < index.size(); j++) {
      double v = round(m.v[j] / SCALE);
      // A word whose weight rounds to nothing says nothing: it is left out of the file.
      if (v != 0 || !isWord(index.get(j))) {
        w.put(index.get(j), v);
      }
    }
    return w;
  }

  /**
   * The weight a feature has before any data (score units): a keyword concept starts from the
   * default weight of the level the rubric puts it in (security, concurrency and storage are
   * complex work, wording and versions simple); everything else, words included, from 0. How far a
   * weight moves from there is learned, fold by fold.
   */
  static double prior(String feature) {
    if (!feature.startsWith("keyword:")) {
      return 0;
    }
    String concept = feature.substring("keyword:".length());
    for (Complexity level : Complexity.values()) {
      for (WeightedPattern rule : DefaultComplexityRules.VOCABULARY.keywords().get(level)) {
        if (rule.concept().equals(concept)) {
          return ComplexityRules.defaultWeight(level);
        }
      }
    }
    throw new IllegalArgumentException("no built-in concept " + concept);
  }

  static boolean isWord(String feature) {
    return feature.startsWith(ComplexityRules.WORD) || feature.startsWith(ComplexityRules.LEAD);
  }

  /** What weights say of one example: the same arithmetic as the analyzer's score. */
  static Prediction predict(Map<String, Double> w, Example e) {
    return predict(w, e, w.getOrDefault("sharpness", SCALE));
  }

  static Prediction predict(Map<String, Double> w, Example e, double sharpness) {
    double score = score(w, e);
    Complexity level = ComplexityAnalyzer.level(score, SIMPLE_BELOW, COMPLEX_AT_LEAST);
    double p =
        ComplexityAnalyzer.probability(level, score, SIMPLE_BELOW, COMPLEX_AT_LEAST, sharpness);
    boolean agree = e.keywordsSpeakFor(level);
    return new Prediction(
        e.label(), level, ComplexityAnalyzer.confidence(p, agree), e.task(), score, agree);
  }

  static double score(Map<String, Double> w, Example e) {
    double score = w.getOrDefault("base", 0.0);
    for (Map.Entry<String, Double> f : e.features().entrySet()) {
      score += f.getValue() * w.getOrDefault(f.getKey(), 0.0);
    }
    return round(score);
  }

  /**
   * Cross-validated predictions for the real corpus's rows: {@link #FOLDS} contiguous folds (titles
   * from one search stay in one fold); each fold is predicted by weights learned from the other
   * folds and the SPEC's development corpus. Confidence uses the sharpness fitted to these
   * out-of-fold scores (one number, see {@link #calibrate}).
   */
  static List<Prediction> crossValidate(double lambda) {
    return crossValidate(lambda, MIN_WORD_COUNT);
  }

  static List<Prediction> crossValidate(double lambda, int minWordCount) {
    List<Example> real =
        Corpus.read(Corpus.REAL).rows().stream().map(ComplexityTraining::example).toList();
    List<Example> spec =
        Corpus.read(Corpus.DEV).rows().stream().map(ComplexityTraining::example).toList();
    List<Prediction> out = new ArrayList<>();
    int n = real.size();
    for (int k = 0; k < FOLDS; k++) {
      int from = k * n / FOLDS;
      int to = (k + 1) * n / FOLDS;
      List<Example> train = new ArrayList<>(real.subList(0, from));
      train.addAll(real.subList(to, n));
      train.addAll(spec);
      Map<String, Double> w = learn(train, lambda, minWordCount);
      for (Example e : real.subList(from, to)) {
        out.add(predict(w, e));
      }
    }
    double sharpness = calibrate(out);
    return out.stream()
        .map(
            p -> {
              double prob =
                  ComplexityAnalyzer.probability(
                      p.predicted(), p.score(), SIMPLE_BELOW, COMPLEX_AT_LEAST, sharpness);
              return new Prediction(
                  p.label(),
                  p.predicted(),
                  ComplexityAnalyzer.confidence(prob, p.keywordsAgree()),
                  p.task(),
                  p.score(),
                  p.keywordsAgree());
            })
        .toList();
  }

  /**
   * The sharpness that best explains the labels from out-of-fold scores: how sure the score can be
   * on tasks it was not learned from. It is what the shipped rules use for confidence.
   */
  static double calibrate(List<Prediction> outOfFold) {
    double[] scores = outOfFold.stream().mapToDouble(Prediction::score).toArray();
    int[] labels = outOfFold.stream().mapToInt(p -> p.label().ordinal()).toArray();
    return OrdinalModel.calibrate(scores, labels, SIMPLE_BELOW, COMPLEX_AT_LEAST);
  }

  private static List<Prediction> crossValidated;

  /** {@link #crossValidate} at the shipped penalty, computed once per test run. */
  static synchronized List<Prediction> crossValidated() {
    if (crossValidated == null) {
      crossValidated = crossValidate(LAMBDA);
    }
    return crossValidated;
  }

  /** The weights to ship: learned from the whole training set, sharpness from cross-validation. */
  static Map<String, Double> shippedWeights() {
    Map<String, Double> w = learn(trainingSet(), LAMBDA);
    w.put("sharpness", calibrate(crossValidated()));
    return w;
  }

  static double accuracy(List<Prediction> predictions) {
    return predictions.stream().filter(Prediction::correct).count() / (double) predictions.size();
  }

  /** Confusion counts, label → predicted → count. */
  static Map<Complexity, Map<Complexity, Integer>> confusion(List<Prediction> predictions) {
    Map<Complexity, Map<Complexity, Integer>> m = new TreeMap<>();
    for (Complexity l : Complexity.values()) {
      Map<Complexity, Integer> row = new TreeMap<>();
      for (Complexity p : Complexity.values()) {
        row.put(p, 0);
      }
      m.put(l, row);
    }
    predictions.forEach(p -> m.get(p.label()).merge(p.predicted(), 1, Integer::sum));
    return m;
  }

  static String confusionTable(List<Prediction> predictions) {
    StringBuilder sb = new StringBuilder("label \\ answer   simple  medium  complex\n");
    confusion(predictions)
        .forEach(
            (label, row) ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "%-15s %7d %7d %8d%n",
                        label.label(),
                        row.get(Complexity.SIMPLE),
                        row.get(Complexity.MEDIUM),
                        row.get(Complexity.COMPLEX))));
    return sb.toString();
  }

  /** Buckets of confidence with their counts and accuracy. */
  static String calibrationTable(List<Prediction> predictions) {
    double[][] buckets = {{0.5, 0.6}, {0.6, 0.7}, {0.7, 0.8}, {0.8, 0.901}};
    StringBuilder sb = new StringBuilder("confidence   tasks  correct  accuracy\n");
    for (double[] b : buckets) {
      List<Prediction> in =
          predictions.stream()
              .filter(p -> p.confidence() >= b[0] - 1e-9 && p.confidence() < b[1] - 1e-9)
              .toList();
      sb.append(
          String.format(
              Locale.ROOT,
              "%.1f–%.1f %9d %8d %8s%n",
              b[0],
              Math.min(b[1], 0.9),
              in.size(),
              in.stream().filter(Prediction::correct).count(),
              in.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * accuracy(in))));
    }
    return sb.toString();
  }

  /** The weights file's text for a set of weights. */
  static String weightsFile(Map<String, Double> w) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "# Learned weights of the built-in complexity rules (key TAB weight, score units).\n");
    sb.append("# Written by ComplexityTraining (vsm-domain tests) from complexity-real.tsv and\n");
    sb.append("# complexity-dev.tsv; do not edit by hand. To regenerate:\n");
    sb.append(
        "#   mvn -q -pl vsm-domain test -Dtest=ComplexityWeightsTest -Dvsm.complexity.write=true\n");
    Map<String, Double> ordered = new LinkedHashMap<>(new TreeMap<>(w));
    ordered.forEach(
        (k, v) ->
            sb.append(k).append('\t').append(String.format(Locale.ROOT, "%.3f", v)).append('\n'));
    return sb.toString();
  }

  static Path weightsSource() {
    Path module = Path.of(System.getProperty("basedir", "."));
    if (!Files.isDirectory(module.resolve("src/main/resources"))) {
      module = module.resolve("vsm-domain");
    }
    return module.resolve(
        "src/main/resources/dev/vsm/domain/complexity/" + DefaultComplexityRules.WEIGHTS);
  }

  static void write(Map<String, Double> w) throws IOException {
    Files.writeString(weightsSource(), weightsFile(w), StandardCharsets.UTF_8);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /**
   * Prints cross-validation figures for penalties and word counts given as {@code lambda:count}
   * (for choosing {@link #LAMBDA} and {@link #MIN_WORD_COUNT}; real corpus only).
   */
  public static void main(String[] args) {
    for (String a : args.length == 0 ? new String[] {"0.3:2", "1:2", "3:2"} : args) {
      String[] parts = a.split(":");
      double lambda = Double.parseDouble(parts[0]);
      int count = parts.length > 1 ? Integer.parseInt(parts[1]) : MIN_WORD_COUNT;
      List<Prediction> cv = crossValidate(lambda, count);
      System.out.printf(
          Locale.ROOT, "lambda %s, words seen %d+: %.1f %%%n", parts[0], count, 100 * accuracy(cv));
      System.out.print(confusionTable(cv));
      System.out.print(calibrationTable(cv));
    }
  }
}
