package dev.vsm.domain.complexity;

import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Scores a task against {@link ComplexityRules} and proposes S1 agents. Pure: the same task, hint,
 * rules and threshold drop always give the same assessment.
 */
public final class ComplexityAnalyzer {

  /** Confidence given when the user stated the level. */
  public static final double HINT_CONFIDENCE = 0.95;

  private static final double MAX_THRESHOLD_DROP = 0.4;
  private static final AgentRegistry BUILT_IN = AgentRegistry.defaults("");

  private final ComplexityRules rules;
  private final double complexThresholdDrop;
  private final List<CompiledConcept> concepts = new ArrayList<>();
  private final Map<String, List<Pattern>> domains = new LinkedHashMap<>();
  private final Map<ScopeEstimate, List<Pattern>> scopeCues = new EnumMap<>(ScopeEstimate.class);
  private final List<Pattern> documentationCues;
  private final List<Pattern> codeWorkCues;
  private final List<Pattern> reviewCues;

  private record CompiledConcept(Complexity level, WeightedPattern rule, List<Pattern> patterns) {}

  public ComplexityAnalyzer(ComplexityRules rules) {
    this(rules, 0.0);
  }

  private ComplexityAnalyzer(ComplexityRules rules, double complexThresholdDrop) {
    this.rules = rules;
    this.complexThresholdDrop = Math.min(MAX_THRESHOLD_DROP, Math.max(0, complexThresholdDrop));
    for (Complexity level : Complexity.values()) {
      for (WeightedPattern rule : rules.keywords().get(level)) {
        concepts.add(new CompiledConcept(level, rule, compileAll(rule.patterns())));
      }
    }
    rules.domains().forEach((name, patterns) -> domains.put(name, compileAll(patterns)));
    rules.scopeCues().forEach((scope, patterns) -> scopeCues.put(scope, compileAll(patterns)));
    documentationCues = compileAll(rules.documentationCues());
    codeWorkCues = compileAll(rules.codeWorkCues());
    reviewCues = compileAll(rules.reviewCues());
  }

  /** An analyzer over the built-in rules. */
  public static ComplexityAnalyzer withDefaults() {
    return new ComplexityAnalyzer(ComplexityRules.defaults());
  }

  /**
   * The same rules with the complex threshold lowered as the metrics call for: average agent error
   * rate above 0.2 drops it by 0.15, oscillation above 0.15 by 0.1 more, an active {@code
   * lower_complexity_threshold} adaptation by 0.15 more; never more than 0.4 in all.
   */
  public ComplexityAnalyzer adaptedTo(ViabilityMetrics metrics) {
    return new ComplexityAnalyzer(rules, thresholdDrop(metrics));
  }

  /** How far the metrics lower the complex threshold (0 to 0.4). */
  public static double thresholdDrop(ViabilityMetrics metrics) {
    double drop = 0;
    if (metrics.averageAgentErrorRate() > 0.2) {
      drop += 0.15;
    }
    if (metrics.oscillationRate() > 0.15) {
      drop += 0.1;
    }
    if (metrics.isActive(AdaptationType.LOWER_COMPLEXITY_THRESHOLD)) {
      drop += 0.15;
    }
    return Math.min(MAX_THRESHOLD_DROP, round(drop));
  }

  public double complexThresholdDrop() {
    return complexThresholdDrop;
  }

  public ComplexityAssessment analyze(String task) {
    return analyze(task, (Complexity) null);
  }

  /** Analyses with a user hint given as text ({@code simple}, {@code medium}, {@code complex}). */
  public ComplexityAssessment analyze(String task, String hint) {
    if (hint == null || hint.isBlank()) {
      return analyze(task, (Complexity) null);
    }
    return analyze(
        task,
        Complexity.parse(hint)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown complexity hint '" + hint + "': use simple, medium or complex")));
  }

  /** Analyses a task; a non-null hint is binding and gives confidence 0.95. */
  public ComplexityAssessment analyze(String task, Complexity hint) {
    String text = task == null ? "" : task;
    ComplexityRules.Thresholds t = rules.thresholds();

    TreeMap<Integer, String> keywordsByPosition = new TreeMap<>();
    double keywordScore = 0;
    double mediumScore = 0;
    for (CompiledConcept c : concepts) {
      WeightedPattern.Match m = c.rule().firstMatch(c.patterns(), text);
      if (m != null) {
        if (c.level() == Complexity.MEDIUM && c.rule().weight() > 0) {
          mediumScore += c.rule().weight();
        } else {
          keywordScore += c.rule().weight();
        }
        keywordsByPosition.putIfAbsent(m.start(), m.word().toLowerCase(Locale.ROOT));
      }
    }
    keywordScore += Math.min(mediumScore, t.mediumSignalCap());
    List<String> keywords = new ArrayList<>(new LinkedHashSet<>(keywordsByPosition.values()));

    List<String> domainSignals = new ArrayList<>();
    domains.forEach(
        (name, patterns) -> {
          if (anyMatch(patterns, text)) {
            domainSignals.add(name);
          }
        });

    ScopeEstimate cue = null;
    if (anyMatch(scopeCues.getOrDefault(ScopeEstimate.CROSS_MODULE, List.of()), text)) {
      cue = ScopeEstimate.CROSS_MODULE;
    } else if (anyMatch(scopeCues.getOrDefault(ScopeEstimate.SINGLE_FILE, List.of()), text)) {
      cue = ScopeEstimate.SINGLE_FILE;
    }
    double scopeScore =
        cue == ScopeEstimate.CROSS_MODULE
            ? t.crossModuleWeight()
            : cue == ScopeEstimate.SINGLE_FILE ? t.singleFileWeight() : 0;
    double domainScore = t.perExtraDomainWeight() * Math.max(0, domainSignals.size() - 1);

    double score = round(t.base() + keywordScore + scopeScore + domainScore);
    double complexAt = Math.max(t.simpleBelow() + 0.01, t.complexAtLeast() - complexThresholdDrop);
    Complexity scored = level(score, t.simpleBelow(), complexAt);
    boolean anySignal = !keywords.isEmpty() || !domainSignals.isEmpty() || cue != null;

    Complexity level = hint != null ? hint : scored;
    double confidence;
    if (hint != null) {
      confidence = HINT_CONFIDENCE;
    } else if (!anySignal) {
      confidence = 0.5;
    } else {
      double margin =
          switch (scored) {
            case SIMPLE -> t.simpleBelow() - score;
            case COMPLEX -> score - complexAt;
            case MEDIUM -> Math.min(score - t.simpleBelow(), complexAt - score);
          };
      confidence = round(Math.max(0.5, Math.min(0.9, 0.65 + margin)));
    }

    ScopeEstimate scope;
    if (cue != null) {
      scope = cue;
    } else if (level == Complexity.SIMPLE) {
      scope = ScopeEstimate.SINGLE_FILE;
    } else {
      scope = anySignal ? ScopeEstimate.MULTI_FILE : ScopeEstimate.UNKNOWN;
    }

    boolean documentation = anyMatch(documentationCues, text);
    boolean documentationOnly = documentation && !anyMatch(codeWorkCues, text);
    List<String> agents = new ArrayList<>();
    boolean parallel = false;
    if (documentationOnly && hint == null) {
      agents.add("documenter");
    } else {
      switch (level) {
        case SIMPLE -> agents.add("generalist-coder");
        case MEDIUM -> {
          agents.add("code-writer");
          agents.add("tester");
          if (anyMatch(reviewCues, text)) {
            agents.add("reviewer");
          }
          if (documentation) {
            agents.add("documenter");
          }
        }
        case COMPLEX -> {
          if (domainSignals.isEmpty()) {
            agents.add("code-writer");
          } else {
            agents.addAll(domainSignals);
          }
          agents.add("tester");
          agents.add("reviewer");
          parallel = domainSignals.size() >= 2;
        }
      }
    }
    Set<AgentType> types = new LinkedHashSet<>();
    agents.forEach(a -> types.add(BUILT_IN.typeOf(a)));

    List<String> why = new ArrayList<>();
    if (hint != null) {
      why.add("User hint: " + hint.label());
    }
    if (!keywords.isEmpty()) {
      why.add(
          "Keywords suggest " + level(t.base() + keywordScore, t.simpleBelow(), complexAt).label());
    }
    if (!domainSignals.isEmpty()) {
      why.add("Domain: " + String.join(", ", domainSignals));
    }
    if (cue != null) {
      why.add("Scope: " + cue.label());
    }
    if (complexThresholdDrop > 0) {
      why.add(
          String.format(Locale.ROOT, "Complex threshold lowered by %.2f", complexThresholdDrop));
    }
    if (documentationOnly && hint == null) {
      why.add("Documentation only");
    }
    if (why.isEmpty()) {
      why.add("No complexity signals; defaulting to " + level.label());
    }

    return new ComplexityAssessment(
        level,
        confidence,
        String.join("; ", why),
        agents,
        new ArrayList<>(types),
        parallel,
        keywords,
        domainSignals,
        scope,
        score);
  }

  /** The agent recommendation for S3 built from an assessment. */
  public static AgentRecommendation recommendation(ComplexityAssessment assessment) {
    return AgentRecommendation.of(assessment);
  }

  private static Complexity level(double score, double simpleBelow, double complexAt) {
    if (score < simpleBelow - 1e-9) {
      return Complexity.SIMPLE;
    }
    return score >= complexAt - 1e-9 ? Complexity.COMPLEX : Complexity.MEDIUM;
  }

  private static boolean anyMatch(List<Pattern> patterns, String text) {
    for (Pattern p : patterns) {
      if (p.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private static List<Pattern> compileAll(List<String> patterns) {
    return patterns.stream().map(WeightedPattern::compile).toList();
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
