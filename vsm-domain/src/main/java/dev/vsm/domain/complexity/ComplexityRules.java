package dev.vsm.domain.complexity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The complexity rules as data: weighted keyword concepts per level, domain patterns, scope cues
 * and the thresholds that turn a score into a level. Extend with the {@code with…} methods; every
 * one returns a new value.
 *
 * <p>A task's score starts at {@link Thresholds#base()}; each matched keyword concept adds its
 * weight (simple cues are negative, complex cues large), a cross-module scope and several domains
 * add more, a single-file scope takes some away. Medium cues together add at most {@link
 * Thresholds#mediumSignalCap()}: many ordinary-feature words still describe an ordinary feature.
 * Below {@link Thresholds#simpleBelow()} the task is SIMPLE; at or above {@link
 * Thresholds#complexAtLeast()} it is COMPLEX.
 */
public record ComplexityRules(
    Map<Complexity, List<WeightedPattern>> keywords,
    Map<String, List<String>> domains,
    Map<ScopeEstimate, List<String>> scopeCues,
    List<String> documentationCues,
    List<String> codeWorkCues,
    List<String> reviewCues,
    Thresholds thresholds) {

  /** Default weight of a keyword added without one, per level. */
  public static double defaultWeight(Complexity level) {
    return switch (level) {
      case SIMPLE -> -0.3;
      case MEDIUM -> 0.1;
      case COMPLEX -> 0.5;
    };
  }

  /** Numbers that turn signals into a score and a score into a level. */
  public record Thresholds(
      double base,
      double simpleBelow,
      double complexAtLeast,
      double crossModuleWeight,
      double singleFileWeight,
      double perExtraDomainWeight,
      double mediumSignalCap) {

    public static Thresholds defaults() {
      return new Thresholds(0.3, 0.2, 0.6, 0.25, -0.2, 0.15, 0.2);
    }

    public Thresholds {
      if (!(simpleBelow < complexAtLeast)) {
        throw new IllegalArgumentException("simpleBelow must be lower than complexAtLeast");
      }
    }
  }

  public ComplexityRules {
    EnumMap<Complexity, List<WeightedPattern>> k = new EnumMap<>(Complexity.class);
    for (Complexity c : Complexity.values()) {
      k.put(c, List.copyOf(keywords.getOrDefault(c, List.of())));
    }
    keywords = Collections.unmodifiableMap(k);
    LinkedHashMap<String, List<String>> d = new LinkedHashMap<>();
    domains.forEach((name, patterns) -> d.put(name, List.copyOf(patterns)));
    domains = Collections.unmodifiableMap(d);
    EnumMap<ScopeEstimate, List<String>> s = new EnumMap<>(ScopeEstimate.class);
    scopeCues.forEach((scope, patterns) -> s.put(scope, List.copyOf(patterns)));
    scopeCues = Collections.unmodifiableMap(s);
    documentationCues = List.copyOf(documentationCues);
    codeWorkCues = List.copyOf(codeWorkCues);
    reviewCues = List.copyOf(reviewCues);
    Objects.requireNonNull(thresholds, "thresholds");
    for (List<String> patterns : d.values()) {
      patterns.forEach(WeightedPattern::compile);
    }
    for (List<String> patterns : s.values()) {
      patterns.forEach(WeightedPattern::compile);
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
        k, domains, scopeCues, documentationCues, codeWorkCues, reviewCues, thresholds);
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
        keywords, d, scopeCues, documentationCues, codeWorkCues, reviewCues, thresholds);
  }

  /** Adds a pattern that signals a scope ({@code SINGLE_FILE} or {@code CROSS_MODULE}). */
  public ComplexityRules withScopeCue(ScopeEstimate scope, String pattern) {
    EnumMap<ScopeEstimate, List<String>> s = new EnumMap<>(ScopeEstimate.class);
    s.putAll(scopeCues);
    List<String> list = new ArrayList<>(s.getOrDefault(scope, List.of()));
    list.add(pattern);
    s.put(scope, list);
    return new ComplexityRules(
        keywords, domains, s, documentationCues, codeWorkCues, reviewCues, thresholds);
  }

  /** Replaces the thresholds. */
  public ComplexityRules withThresholds(Thresholds newThresholds) {
    return new ComplexityRules(
        keywords, domains, scopeCues, documentationCues, codeWorkCues, reviewCues, newThresholds);
  }

  /** The built-in rules. */
  public static ComplexityRules defaults() {
    return DefaultComplexityRules.RULES;
  }
}
