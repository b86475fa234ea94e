package dev.vsm.domain.complexity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The complexity rules as data: weighted keyword concepts per level, weighted cues about the task's
 * form, learned weights of single words, domain patterns, scope cues and the thresholds that turn a
 * score into a level. Extend with the {@code with…} methods; every one returns a new value.
 *
 * <p>A task's score starts at {@link Thresholds#base()}; each matched keyword concept and each
 * matched cue adds its weight, each distinct word stem of the task (see {@link Words}) and its
 * leading word add theirs from {@link #words()}, a cross-module or single-file scope and every
 * domain after the first add theirs, and so does a task that is documentation only (documentation
 * cues, no code work). Medium keyword concepts with a positive weight together add at most {@link
 * Thresholds#mediumSignalCap()}. Below {@link Thresholds#simpleBelow()} the task is SIMPLE; at or
 * above {@link Thresholds#complexAtLeast()} it is COMPLEX. The built-in weights are learned from
 * labelled tasks (see {@code complexity-weights.tsv}); rules a user adds use the same units.
 */
public record ComplexityRules(
    Map<Complexity, List<WeightedPattern>> keywords,
    List<WeightedPattern> cues,
    Map<String, Double> words,
    Map<String, List<String>> domains,
    Map<ScopeEstimate, List<String>> scopeCues,
    List<String> documentationCues,
    List<String> codeWorkCues,
    List<String> reviewCues,
    Thresholds thresholds) {

  /** Key prefix of a word's weight in {@link #words()}: {@code word:<stem>} (see {@link Words}). */
  public static final String WORD = "word:";

  /** Key prefix of a leading word's weight in {@link #words()}: {@code lead:<stem>}. */
  public static final String LEAD = "lead:";

  /** Largest weight, in either direction, a keyword or cue may carry. */
  public static final double MAX_WEIGHT = 1_000;

  /** Default weight of a keyword added without one, per level. */
  public static double defaultWeight(Complexity level) {
    return switch (level) {
      case SIMPLE -> -0.3;
      case MEDIUM -> 0.1;
      case COMPLEX -> 0.5;
    };
  }

  /**
   * Numbers that turn signals into a score and a score into a level. {@code sharpness} says how
   * fast the model's certainty grows with the distance from a threshold (learned with the weights);
   * it shapes the confidence, never the level.
   */
  public record Thresholds(
      double base,
      double simpleBelow,
      double complexAtLeast,
      double crossModuleWeight,
      double singleFileWeight,
      double perExtraDomainWeight,
      double mediumSignalCap,
      double sharpness,
      double documentationOnlyWeight) {

    /** Thresholds of the earlier shape: default sharpness, no weight for documentation-only. */
    public Thresholds(
        double base,
        double simpleBelow,
        double complexAtLeast,
        double crossModuleWeight,
        double singleFileWeight,
        double perExtraDomainWeight,
        double mediumSignalCap) {
      this(
          base,
          simpleBelow,
          complexAtLeast,
          crossModuleWeight,
          singleFileWeight,
          perExtraDomainWeight,
          mediumSignalCap,
          DEFAULT_SHARPNESS,
          0);
    }

    static final double DEFAULT_SHARPNESS = 10;

    public static Thresholds defaults() {
      return DefaultComplexityRules.RULES.thresholds();
    }

    public Thresholds {
      finite("base", base);
      finite("simple_below", simpleBelow);
      finite("complex_at_least", complexAtLeast);
      finite("cross_module_weight", crossModuleWeight);
      finite("single_file_weight", singleFileWeight);
      finite("per_extra_domain_weight", perExtraDomainWeight);
      finite("medium_signal_cap", mediumSignalCap);
      finite("sharpness", sharpness);
      finite("documentation_only_weight", documentationOnlyWeight);
      if (!(simpleBelow < complexAtLeast)) {
        throw new IllegalArgumentException(
            "simple_below ("
                + simpleBelow
                + ") must be lower than complex_at_least ("
                + complexAtLeast
                + ")");
      }
      if (!(sharpness > 0)) {
        throw new IllegalArgumentException("sharpness must be more than 0");
      }
    }

    /** The same thresholds with another lower and upper bound. */
    public Thresholds withBounds(double newSimpleBelow, double newComplexAtLeast) {
      return new Thresholds(
          base,
          newSimpleBelow,
          newComplexAtLeast,
          crossModuleWeight,
          singleFileWeight,
          perExtraDomainWeight,
          mediumSignalCap,
          sharpness,
          documentationOnlyWeight);
    }

    private static void finite(String name, double v) {
      if (!Double.isFinite(v) || Math.abs(v) > MAX_WEIGHT) {
        throw new IllegalArgumentException(
            "thresholds." + name + " must be a finite number within ±" + (int) MAX_WEIGHT);
      }
    }
  }

  /** Rules without form cues (the shape of rules before cues existed). */
  public ComplexityRules(
      Map<Complexity, List<WeightedPattern>> keywords,
      Map<String, List<String>> domains,
      Map<ScopeEstimate, List<String>> scopeCues,
      List<String> documentationCues,
      List<String> codeWorkCues,
      List<String> reviewCues,
      Thresholds thresholds) {
    this(
        keywords,
        List.of(),
        Map.of(),
        domains,
        scopeCues,
        documentationCues,
        codeWorkCues,
        reviewCues,
        thresholds);
  }

  /** Rules without learned word weights. */
  public ComplexityRules(
      Map<Complexity, List<WeightedPattern>> keywords,
      List<WeightedPattern> cues,
      Map<String, List<String>> domains,
      Map<ScopeEstimate, List<String>> scopeCues,
      List<String> documentationCues,
      List<String> codeWorkCues,
      List<String> reviewCues,
      Thresholds thresholds) {
    this(
        keywords,
        cues,
        Map.of(),
        domains,
        scopeCues,
        documentationCues,
        codeWorkCues,
        reviewCues,
        thresholds);
  }

  public ComplexityRules {
    EnumMap<Complexity, List<WeightedPattern>> k = new EnumMap<>(Complexity.class);
    for (Complexity c : Complexity.values()) {
      k.put(c, List.copyOf(keywords.getOrDefault(c, List.of())));
    }
    keywords = Collections.unmodifiableMap(k);
    cues = List.copyOf(cues);
    TreeMap<String, Double> w = new TreeMap<>();
    // Loops, not lambdas, here and below: `analyze` of one task builds the rules, and the first
    // lambda of a process costs it ~12 ms of set-up.
    for (Map.Entry<String, Double> e : words.entrySet()) {
      String key = e.getKey();
      double weight = e.getValue();
      if (!key.startsWith(WORD) && !key.startsWith(LEAD)) {
        throw new IllegalArgumentException(
            "a word weight's key starts with " + WORD + " or " + LEAD + ": " + key);
      }
      if (!Double.isFinite(weight) || Math.abs(weight) > MAX_WEIGHT) {
        throw new IllegalArgumentException(
            "the weight of " + key + " must be a finite number within ±" + (int) MAX_WEIGHT);
      }
      w.put(key, weight);
    }
    words = Collections.unmodifiableMap(w);
    LinkedHashMap<String, List<String>> d = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : domains.entrySet()) {
      d.put(e.getKey(), List.copyOf(e.getValue()));
    }
    domains = Collections.unmodifiableMap(d);
    EnumMap<ScopeEstimate, List<String>> s = new EnumMap<>(ScopeEstimate.class);
    for (Map.Entry<ScopeEstimate, List<String>> e : scopeCues.entrySet()) {
      s.put(e.getKey(), List.copyOf(e.getValue()));
    }
    scopeCues = Collections.unmodifiableMap(s);
    documentationCues = List.copyOf(documentationCues);
    codeWorkCues = List.copyOf(codeWorkCues);
    reviewCues = List.copyOf(reviewCues);
    Objects.requireNonNull(thresholds, "thresholds");
    List<List<String>> checked = new ArrayList<>(d.values());
    checked.addAll(s.values());
    checked.add(documentationCues);
    checked.add(codeWorkCues);
    checked.add(reviewCues);
    for (List<String> patterns : checked) {
      for (String pattern : patterns) {
        WeightedPattern.validate(pattern);
      }
    }
  }

  /** Adds a keyword pattern at a level with the level's default weight. */
  public ComplexityRules withKeyword(Complexity level, String pattern) {
    return withKeyword(level, pattern, defaultWeight(level));
  }

  /** Adds a keyword pattern at a level with its own weight. */
  public ComplexityRules withKeyword(Complexity level, String pattern, double weight) {
    return withKeywordRule(level, WeightedPattern.of(pattern, weight));
  }

  /** Adds a keyword concept (several synonymous patterns, one weight) at a level. */
  public ComplexityRules withKeywordRule(Complexity level, WeightedPattern rule) {
    EnumMap<Complexity, List<WeightedPattern>> k = new EnumMap<>(keywords);
    List<WeightedPattern> list = new ArrayList<>(k.get(level));
    list.add(rule);
    k.put(level, list);
    return new ComplexityRules(
        k,
        cues,
        words,
        domains,
        scopeCues,
        documentationCues,
        codeWorkCues,
        reviewCues,
        thresholds);
  }

  /**
   * Adds or replaces learned word weights, keyed {@code word:<stem>} or {@code lead:<stem>} (see
   * {@link Words}).
   */
  public ComplexityRules withWords(Map<String, Double> more) {
    Map<String, Double> w = new TreeMap<>(words);
    w.putAll(more);
    return new ComplexityRules(
        keywords,
        cues,
        w,
        domains,
        scopeCues,
        documentationCues,
        codeWorkCues,
        reviewCues,
        thresholds);
  }

  /** Adds patterns to a domain, creating it (after the existing ones) when new. */
  public ComplexityRules withDomain(String name, List<String> patterns) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a domain needs a name");
    }
    LinkedHashMap<String, List<String>> d = new LinkedHashMap<>(domains);
    List<String> list = new ArrayList<>(d.getOrDefault(name, List.of()));
    list.addAll(patterns);
    d.put(name, list);
    return new ComplexityRules(
        keywords,
        cues,
        words,
        d,
        scopeCues,
        documentationCues,
        codeWorkCues,
        reviewCues,
        thresholds);
  }

  /** Adds a pattern that signals a scope ({@code SINGLE_FILE} or {@code CROSS_MODULE}). */
  public ComplexityRules withScopeCue(ScopeEstimate scope, String pattern) {
    EnumMap<ScopeEstimate, List<String>> s = new EnumMap<>(ScopeEstimate.class);
    s.putAll(scopeCues);
    List<String> list = new ArrayList<>(s.getOrDefault(scope, List.of()));
    list.add(pattern);
    s.put(scope, list);
    return new ComplexityRules(
        keywords, cues, words, domains, s, documentationCues, codeWorkCues, reviewCues, thresholds);
  }

  /** Replaces the thresholds. */
  public ComplexityRules withThresholds(Thresholds newThresholds) {
    return new ComplexityRules(
        keywords,
        cues,
        words,
        domains,
        scopeCues,
        documentationCues,
        codeWorkCues,
        reviewCues,
        newThresholds);
  }

  /** The built-in rules. */
  public static ComplexityRules defaults() {
    return DefaultComplexityRules.RULES;
  }
}
