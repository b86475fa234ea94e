package dev.vsm.domain.complexity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The learning step behind the built-in weights: the concepts and cues of {@link
 * DefaultComplexityRules} are the features, labelled tasks the examples, and an {@link
 * OrdinalModel} the learner. Its weights, put in the score's units (the thresholds 0.2 and 0.6 stay
 * fixed), are what {@code complexity-weights.tsv} ships.
 *
 * <p>Training data: the development rows of the real-task corpus and the SPEC's development corpus.
 * Never the real corpus's held-out rows nor {@code complexity-extra.tsv}: both stay for judging.
 * {@code ComplexityWeightsTest} checks the shipped file is what this step learns; to write it after
 * changing the vocabulary or a corpus run
 *
 * <pre>mvn -q -pl vsm-domain test -Dtest=ComplexityWeightsTest -Dvsm.complexity.write=true</pre>
 */
final class ComplexityTraining {

  /** L2 penalty on the weights (in logit units), chosen by cross-validation on development rows. */
  static final double LAMBDA = 1.0;

  /** Folds of the cross-validation over the real corpus's development rows. */
  static final int FOLDS = 10;

  static final double SIMPLE_BELOW = 0.2;
  static final double COMPLEX_AT_LEAST = 0.6;

  /**
   * The weight each feature has before any data (score units): a keyword concept the default weight
   * of the level the rubric puts it in, the scope and domain cues the values the rules had before
   * they were learned, a form cue nothing. Learning moves a weight away from its prior only as far
   * as the examples support.
   */
  static double prior(String feature) {
    if (feature.startsWith("keyword:") && !feature.equals("keyword:documentation")) {
      String concept = feature.substring("keyword:".length());
      for (Complexity level : Complexity.values()) {
        for (WeightedPattern rule : ComplexityRules.defaults().keywords().get(level)) {
          if (rule.concept().equals(concept)) {
            return DOMINANT.getOrDefault(concept, ComplexityRules.defaultWeight(level));
          }
        }
      }
      throw new IllegalArgumentException("no built-in concept " + concept);
    }
    return switch (feature) {
      case "cross_module" -> 0.25;
      case "single_file" -> -0.2;
      case "per_extra_domain" -> 0.15;
      // Documentation alongside code work ("... and update the docs") does not make it simple;
      // documentation alone is "documentation_only".
      case "keyword:documentation" -> -0.1;
      // Documentation is simple work whatever its topic.
      case "documentation_only" -> -1.5;
      // Work in several places is not "one small local change".
      case "cue:scale-words" -> 0.25;
      // A conventional-commit chore, docs, ci, build or style prefix marks maintenance.
      case "cue:starts-with-chore" -> -0.3;
      default -> 0;
    };
  }

  /**
   * Concepts the rubric lets decide on their own: the named risks (security, concurrency and
   * background work, storage and data integrity) make work complex whatever else it is.
   */
  static final Map<String, Double> DOMINANT = dominant();

  private static Map<String, Double> dominant() {
    Map<String, Double> m = new TreeMap<>();
    for (String risk :
        List.of(
            "security",
            "cryptography",
            "sandboxing",
            "authentication",
            "authorisation",
            "concurrency",
            "asynchrony",
            "distribution",
            "storage",
            "data-integrity")) {
      m.put(risk, 0.8);
    }
    return m;
  }

  /** Converts the priors into the learner's units (a typical sharpness). */
  private static final double PRIOR_SHARPNESS = 10;

  /** Feature extraction only: the built-in concepts, whatever their weights. */
  private static final ComplexityAnalyzer FEATURES = ComplexityAnalyzer.withDefaults();

  private ComplexityTraining() {}

  record Example(Complexity label, String task, Map<String, Double> features) {}

  record Prediction(
      Complexity label, Complexity predicted, double confidence, String task, double score) {
    boolean correct() {
      return label == predicted;
    }
  }

  static Example example(Corpus.Row row) {
    return new Example(row.label(), row.task(), features(row.task()));
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
    Corpus.read(Corpus.REAL).development().forEach(r -> out.add(example(r)));
    Corpus.read(Corpus.DEV).rows().forEach(r -> out.add(example(r)));
    return out;
  }

  /** Learns weights (score units, keyed as in the weights file) from examples. */
  static Map<String, Double> learn(List<Example> examples, double lambda) {
    // Every feature the rules have, seen in the examples or not: one never seen keeps its prior.
    TreeSet<String> names =
        new TreeSet<>(
            List.of("cross_module", "single_file", "per_extra_domain", "documentation_only"));
    ComplexityRules.defaults()
        .keywords()
        .values()
        .forEach(l -> l.forEach(r -> names.add("keyword:" + r.concept())));
    ComplexityRules.defaults().cues().forEach(r -> names.add("cue:" + r.concept()));
    examples.forEach(e -> names.addAll(e.features().keySet()));
    List<String> index = new ArrayList<>(names);
    double[][] x = new double[examples.size()][index.size()];
    int[] y = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      for (int j = 0; j < index.size(); j++) {
        x[i][j] = e.features().getOrDefault(index.get(j), 0.0);
      }
      y[i] = e.label().ordinal();
    }
    // The priors are in score units; the learner works in logits of a fixed sharpness.
    double sharpness = PRIOR_SHARPNESS;
    double[] prior = new double[index.size()];
    for (int j = 0; j < prior.length; j++) {
      prior[j] = sharpness * prior(index.get(j));
    }
    OrdinalModel m =
        OrdinalModel.fit(x, y, lambda, prior, sharpness * (COMPLEX_AT_LEAST - SIMPLE_BELOW));
    Map<String, Double> w = new TreeMap<>();
    w.put("base", round(SIMPLE_BELOW + m.a / sharpness));
    w.put("sharpness", sharpness);
    for (int j = 0; j < index.size(); j++) {
      w.put(index.get(j), round(m.v[j] / sharpness));
    }
    return w;
  }

  /** What weights say of one example: the same arithmetic as the analyzer's score. */
  static Prediction predict(Map<String, Double> w, Example e) {
    return predict(w, e, w.getOrDefault("sharpness", PRIOR_SHARPNESS));
  }

  static Prediction predict(Map<String, Double> w, Example e, double sharpness) {
    double score = score(w, e);
    Complexity level = ComplexityAnalyzer.level(score, SIMPLE_BELOW, COMPLEX_AT_LEAST);
    double p =
        ComplexityAnalyzer.probability(level, score, SIMPLE_BELOW, COMPLEX_AT_LEAST, sharpness);
    return new Prediction(e.label(), level, ComplexityAnalyzer.confidence(p), e.task(), score);
  }

  static double score(Map<String, Double> w, Example e) {
    double score = w.getOrDefault("base", 0.0);
    for (Map.Entry<String, Double> f : e.features().entrySet()) {
      score += f.getValue() * w.getOrDefault(f.getKey(), 0.0);
    }
    return round(score);
  }

  /**
   * Cross-validated predictions for the real corpus's development rows: {@link #FOLDS} contiguous
   * folds (titles from one search stay in one fold); each fold is predicted by weights learned from
   * the other folds and the SPEC's development corpus. Confidence uses the sharpness fitted to
   * these out-of-fold scores (one number, see {@link #calibrate}).
   */
  static List<Prediction> crossValidate(double lambda) {
    List<Example> real =
        Corpus.read(Corpus.REAL).development().stream().map(ComplexityTraining::example).toList();
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
      Map<String, Double> w = learn(train, lambda);
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
                  ComplexityAnalyzer.confidence(prob),
                  p.task(),
                  p.score());
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
    sb.append("# Written by ComplexityTraining (vsm-domain tests) from the development rows of\n");
    sb.append(
        "# complexity-real.tsv and complexity-dev.tsv; do not edit by hand. To regenerate:\n");
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

  /** Prints cross-validation figures for a few penalties (for choosing {@link #LAMBDA}). */
  public static void main(String[] args) {
    for (String a : args.length == 0 ? new String[] {"0.3", "1", "3"} : args) {
      double lambda = Double.parseDouble(a);
      List<Prediction> cv = crossValidate(lambda);
      System.out.printf(Locale.ROOT, "lambda %s: %.1f %%%n", a, 100 * accuracy(cv));
      System.out.print(calibrationTable(cv));
    }
  }
}
