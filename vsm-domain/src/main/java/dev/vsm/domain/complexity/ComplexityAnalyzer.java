package dev.vsm.domain.complexity;

import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a task against {@link ComplexityRules} and proposes S1 agents. Pure: the same task, hint,
 * rules and threshold drop always give the same assessment. Thread-safe; the rules' patterns are
 * compiled once, on first use, and shared by {@link #adaptedTo} copies.
 */
public final class ComplexityAnalyzer {

  /** Confidence given when the user stated the level. */
  public static final double HINT_CONFIDENCE = 0.95;

  /** The most confidence the rules alone claim. */
  public static final double MAX_RULES_CONFIDENCE = 0.9;

  /**
   * How fast confidence falls as the model's probability of the level drops below 1: confidence is
   * {@code 0.9 - (2/3) * (1 - p)}, kept within 0.5..0.9, so a certain answer reads 0.9 and one
   * little better than chance among three levels (p ≤ 0.4) reads 0.5; 0.8 or more needs p ≥ 0.85
   * and the keyword rules' agreement (see {@link #MAX_UNAGREED_CONFIDENCE}).
   */
  static final double CONFIDENCE_SLOPE = 2.0 / 3;

  /**
   * The most confidence an answer claims when the keyword rules do not speak for it alone: no
   * keyword fired, or keywords of another level fired too, or only of another level. Such an answer
   * rests on the learned words, and cross-validated on real tasks the words alone are wrong too
   * often for 0.8 (see ComplexityCorpusTest).
   */
  static final double MAX_UNAGREED_CONFIDENCE = 0.79;

  private static final double MAX_THRESHOLD_DROP = 0.4;
  private static final AgentRegistry BUILT_IN = AgentRegistry.defaults("");

  private final ComplexityRules rules;
  private final double complexThresholdDrop;
  private final Lazy compiled;

  public ComplexityAnalyzer(ComplexityRules rules) {
    this(rules, 0.0, new Lazy(rules));
  }

  private ComplexityAnalyzer(ComplexityRules rules, double complexThresholdDrop, Lazy compiled) {
    this.rules = rules;
    this.complexThresholdDrop = Math.min(MAX_THRESHOLD_DROP, Math.max(0, complexThresholdDrop));
    this.compiled = compiled;
  }

  /**
   * The compiled rules, made by the first analysis (a command that never analyses pays nothing).
   */
  private static final class Lazy {
    private final ComplexityRules rules;
    private volatile Compiled value;

    Lazy(ComplexityRules rules) {
      this.rules = rules;
    }

    Compiled get() {
      Compiled c = value;
      if (c == null) {
        synchronized (this) {
          c = value;
          if (c == null) {
            c = new Compiled(rules);
            value = c;
          }
        }
      }
      return c;
    }
  }

  /** An analyzer over the built-in rules. */
  public static ComplexityAnalyzer withDefaults() {
    return new ComplexityAnalyzer(ComplexityRules.defaults());
  }

  /**
   * The same rules with the complex threshold lowered as the metrics call for: average agent error
   * rate above 0.2 drops it by 0.15, oscillation above 0.15 by 0.1 more, an active {@code
   * lower_complexity_threshold} adaptation by 0.15 more; never more than 0.4 in all. The compiled
   * patterns are shared, not compiled again.
   */
  public ComplexityAnalyzer adaptedTo(ViabilityMetrics metrics) {
    return new ComplexityAnalyzer(rules, thresholdDrop(metrics), compiled);
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

  /** Analyses a task by the rules alone: {@code analyze(task, null)}. */
  public ComplexityAssessment analyze(String task) {
    return analyze(task, null);
  }

  /**
   * Analyses a task; a non-null hint is binding and gives confidence 0.95. One overload only, so
   * {@code analyze(task, null)} compiles; a hint given as text is read with {@link
   * Complexity#parse}.
   */
  public ComplexityAssessment analyze(String task, Complexity hint) {
    String text = task == null ? "" : task;
    ComplexityRules.Thresholds t = rules.thresholds();
    Signals s = signals(text);

    double keywordScore = s.keywordScore(t.mediumSignalCap());
    double cueScore = 0;
    for (Compiled.Concept c : s.cues) {
      cueScore += c.rule().weight();
    }
    double scopeScore =
        s.scope == ScopeEstimate.CROSS_MODULE
            ? t.crossModuleWeight()
            : s.scope == ScopeEstimate.SINGLE_FILE ? t.singleFileWeight() : 0;
    double wordScore = s.wordScore();
    double domainScore = t.perExtraDomainWeight() * Math.max(0, s.domains.size() - 1);
    boolean documentationOnly = s.documentation && !s.codeWork;
    double documentationScore = documentationOnly ? t.documentationOnlyWeight() : 0;

    double complexAt = Math.max(t.simpleBelow() + 0.01, t.complexAtLeast() - complexThresholdDrop);
    double raw =
        t.base()
            + keywordScore
            + cueScore
            + wordScore
            + scopeScore
            + domainScore
            + documentationScore;
    double score = Double.isFinite(raw) ? round(raw) : Double.NaN;
    Complexity scored = level(score, t.simpleBelow(), complexAt);
    List<String> keywords = s.keywords();
    boolean anySignal = !keywords.isEmpty() || !s.domains.isEmpty() || s.scope != null;

    Complexity level = hint != null ? hint : scored;
    double confidence =
        hint != null
            ? HINT_CONFIDENCE
            : confidence(
                probability(scored, score, t.simpleBelow(), complexAt, t.sharpness()),
                s.keywordsSpeakFor(scored));

    ScopeEstimate scope;
    if (s.scope != null) {
      scope = s.scope;
    } else if (level == Complexity.SIMPLE) {
      scope = ScopeEstimate.SINGLE_FILE;
    } else {
      scope = anySignal ? ScopeEstimate.MULTI_FILE : ScopeEstimate.UNKNOWN;
    }

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
          if (s.review) {
            agents.add("reviewer");
          }
          if (s.documentation) {
            agents.add("documenter");
          }
        }
        case COMPLEX -> {
          if (s.domains.isEmpty()) {
            agents.add("code-writer");
          } else {
            agents.addAll(s.domains);
          }
          agents.add("tester");
          agents.add("reviewer");
          parallel = s.domains.size() >= 2;
        }
      }
    }
    // Lists searched, not sets: a handful of entries each, made for every task of a batch.
    List<AgentType> types = new ArrayList<>(3);
    for (String agent : agents) {
      AgentType type = BUILT_IN.typeOf(agent);
      if (!types.contains(type)) {
        types.add(type);
      }
    }

    List<String> why = new ArrayList<>();
    if (hint != null) {
      why.add("User hint: " + hint.label());
    }
    Complexity byKeywords = level(t.base() + keywordScore, t.simpleBelow(), complexAt);
    if (!keywords.isEmpty()) {
      why.add("Keywords suggest " + byKeywords.label());
    }
    if (!s.domains.isEmpty()) {
      why.add("Domain: " + String.join(", ", s.domains));
    }
    if (s.scope != null) {
      why.add("Scope: " + s.scope.label());
    }
    List<String> decidingCues = s.cuesToward(scored, byKeywords);
    if (!decidingCues.isEmpty()) {
      why.add("Cues suggest " + scored.label() + ": " + String.join(", ", decidingCues));
    } else if (keywords.isEmpty() && s.anyWord()) {
      why.add("Words suggest " + scored.label() + ": " + String.join(", ", s.strongestWords()));
    }
    if (complexThresholdDrop > 0) {
      why.add(
          String.format(Locale.ROOT, "Complex threshold lowered by %.2f", complexThresholdDrop));
    }
    if (documentationOnly && hint == null) {
      why.add("Documentation only");
    }
    if (!s.skipped.isEmpty()) {
      why.add("Rule skipped (too slow on this task): " + String.join(", ", s.skipped));
    }
    if (why.isEmpty()) {
      why.add("No complexity signals; defaulting to " + level.label());
    }

    return new ComplexityAssessment(
        level,
        confidence,
        String.join("; ", why),
        agents,
        types,
        parallel,
        keywords,
        s.domains,
        scope,
        Double.isNaN(score) ? 0 : score);
  }

  /** The agent recommendation for S3 built from an assessment. */
  public static AgentRecommendation recommendation(ComplexityAssessment assessment) {
    return AgentRecommendation.of(assessment);
  }

  /** The level a score falls in; a score that is not a number is never simple or complex. */
  static Complexity level(double score, double simpleBelow, double complexAt) {
    if (Double.isNaN(score)) {
      return Complexity.MEDIUM;
    }
    if (score < simpleBelow - 1e-9) {
      return Complexity.SIMPLE;
    }
    return score >= complexAt - 1e-9 ? Complexity.COMPLEX : Complexity.MEDIUM;
  }

  /**
   * The model's probability of {@code level} for a score: the chance of "at least medium" is
   * σ(sharpness·(score − simpleBelow)), of "complex" σ(sharpness·(score − complexAt)).
   */
  static double probability(
      Complexity level, double score, double simpleBelow, double complexAt, double sharpness) {
    if (Double.isNaN(score)) {
      return 0;
    }
    double atLeastMedium = sigmoid(sharpness * (score - simpleBelow));
    double complex = sigmoid(sharpness * (score - complexAt));
    return switch (level) {
      case SIMPLE -> 1 - atLeastMedium;
      case MEDIUM -> atLeastMedium - complex;
      case COMPLEX -> complex;
    };
  }

  /**
   * Confidence for a probability of the answer (see {@link #CONFIDENCE_SLOPE}), held under 0.8
   * unless the keyword rules speak for that answer alone (see {@link #MAX_UNAGREED_CONFIDENCE}).
   */
  static double confidence(double probability, boolean keywordsAgree) {
    double most = keywordsAgree ? MAX_RULES_CONFIDENCE : MAX_UNAGREED_CONFIDENCE;
    double c = MAX_RULES_CONFIDENCE - CONFIDENCE_SLOPE * (1 - probability);
    return round(Math.max(0.5, Math.min(most, c)));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** What the rules see in a task: the concepts, cues, domains and scope that matched. */
  Signals signals(String text) {
    Compiled compiled = this.compiled.get();
    PatternSet.Matches m = compiled.set.match(text);
    Signals s = new Signals();
    // Only the patterns that matched are visited: the work per task follows what it says, not
    // how many patterns the rules have.
    // Per concept that matched (a few per task, of the rules' hundreds): the concept, the match of
    // the synonym that speaks for it, and that synonym's place; kept in concept order.
    int uses = 0;
    for (int h = 0; h < m.hitCount(); h++) {
      uses += compiled.conceptsOf[m.hit(h)].length / 2;
    }
    int[] matched = new int[uses];
    int[] best = new int[uses];
    int[] bestIndex = new int[uses];
    int found = 0;
    boolean[] domains = new boolean[compiled.domainNames.length];
    int flags = 0;
    for (int h = 0; h < m.hitCount(); h++) {
      int p = m.hit(h);
      int[] of = compiled.conceptsOf[p];
      for (int u = 0; u < of.length; u += 2) {
        int k = of[u];
        int i = of[u + 1];
        int at = 0;
        while (at < found && matched[at] < k) {
          at++;
        }
        if (at == found || matched[at] != k) {
          System.arraycopy(matched, at, matched, at + 1, found - at);
          System.arraycopy(best, at, best, at + 1, found - at);
          System.arraycopy(bestIndex, at, bestIndex, at + 1, found - at);
          matched[at] = k;
          best[at] = h;
          bestIndex[at] = i;
          found++;
        } else if (m.hitStart(h) < m.hitStart(best[at])
            || (m.hitStart(h) == m.hitStart(best[at]) && i < bestIndex[at])) {
          // The synonym that matched earliest speaks for the concept (the first listed on a tie).
          best[at] = h;
          bestIndex[at] = i;
        }
      }
      for (int d : compiled.domainsOf[p]) {
        domains[d] = true;
      }
      flags |= compiled.flagsOf[p];
    }
    TreeMap<Integer, String> words = new TreeMap<>();
    for (int at = 0; at < found; at++) {
      Compiled.Concept c = compiled.concepts.get(matched[at]);
      if (c.level() == null) {
        s.cues.add(c);
      } else {
        s.keywordHits.add(c);
        int h = best[at];
        words.putIfAbsent(
            m.hitStart(h), text.substring(m.hitStart(h), m.hitEnd(h)).toLowerCase(Locale.ROOT));
      }
    }
    s.words = words;
    s.stems = Words.stems(text);
    s.lead = Words.lead(text);
    if (!compiled.wordWeights.isEmpty()) {
      for (String stem : s.stems) {
        Double w = compiled.wordWeights.get(stem);
        if (w != null && w != 0) {
          s.wordHits.add(Map.entry(stem, w));
        }
      }
      if (s.lead != null) {
        Double w = compiled.leadWeights.get(s.lead);
        if (w != null && w != 0) {
          s.leadWeight = w;
        }
      }
    }
    for (int d = 0; d < domains.length; d++) {
      if (domains[d]) {
        s.domains.add(compiled.domainNames[d]);
      }
    }
    if ((flags & Compiled.CROSS_MODULE) != 0) {
      s.scope = ScopeEstimate.CROSS_MODULE;
    } else if ((flags & Compiled.SINGLE_FILE) != 0) {
      s.scope = ScopeEstimate.SINGLE_FILE;
    }
    s.documentation = (flags & Compiled.DOCUMENTATION) != 0;
    s.codeWork = (flags & Compiled.CODE_WORK) != 0;
    s.review = (flags & Compiled.REVIEW) != 0;
    int[] skipped = m.skipped();
    if (skipped.length > 1) {
      Arrays.sort(skipped);
    }
    for (int p : skipped) {
      s.skipped.add(compiled.set.source(p));
    }
    return s;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /** The signals of one task. */
  static final class Signals {
    final List<Compiled.Concept> keywordHits = new ArrayList<>();
    final List<Compiled.Concept> cues = new ArrayList<>();
    final List<String> domains = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();

    /** Weighted word stems of the task (stem, weight), each once, in the order they appear. */
    final List<Map.Entry<String, Double>> wordHits = new ArrayList<>();

    List<String> stems = List.of();
    String lead;
    double leadWeight;
    ScopeEstimate scope;
    boolean documentation;
    boolean codeWork;
    boolean review;
    private TreeMap<Integer, String> words = new TreeMap<>();

    /**
     * Whether the keywords that fired all belong to {@code level}, and at least one did: the rules
     * written by hand say the same as the answer and nothing else.
     */
    boolean keywordsSpeakFor(Complexity level) {
      if (keywordHits.isEmpty()) {
        return false;
      }
      for (Compiled.Concept c : keywordHits) {
        if (c.level() != level) {
          return false;
        }
      }
      return true;
    }

    boolean anyWord() {
      return !wordHits.isEmpty() || leadWeight != 0;
    }

    double wordScore() {
      double sum = leadWeight;
      for (Map.Entry<String, Double> w : wordHits) {
        sum += w.getValue();
      }
      return sum;
    }

    /**
     * The words that weigh most, strongest first, each quoted with the sign of its push: what
     * decided a task no keyword speaks for.
     */
    /**
     * Pushes by weight, heaviest first either way (a class, not a lambda: the first lambda of a
     * process costs `analyze` of one task ~12 ms of set-up).
     */
    private static final Comparator<Map.Entry<String, Double>> STRONGEST_FIRST =
        new Comparator<>() {
          @Override
          public int compare(Map.Entry<String, Double> a, Map.Entry<String, Double> b) {
            return Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue()));
          }
        };

    List<String> strongestWords() {
      List<Map.Entry<String, Double>> all = new ArrayList<>(wordHits);
      if (leadWeight != 0) {
        all.add(Map.entry(lead, leadWeight));
      }
      all.sort(STRONGEST_FIRST);
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, Double> e : all.subList(0, Math.min(3, all.size()))) {
        names.add(quoted(e.getKey(), e.getValue()));
      }
      return names;
    }

    private static String quoted(String stem, double weight) {
      return "\"" + stem + "\" " + (weight > 0 ? "+" : "−");
    }

    List<String> keywords() {
      List<String> distinct = new ArrayList<>(words.size());
      for (String w : words.values()) {
        if (!distinct.contains(w)) {
          distinct.add(w);
        }
      }
      return distinct;
    }

    double keywordScore(double mediumCap) {
      double medium = 0;
      double other = 0;
      for (Compiled.Concept c : keywordHits) {
        if (c.level() == Complexity.MEDIUM && c.rule().weight() > 0) {
          medium += c.rule().weight();
        } else {
          other += c.rule().weight();
        }
      }
      return other + Math.min(medium, mediumCap);
    }

    /**
     * The names of the features that fired: {@code keyword:<concept>}, {@code cue:<name>}, {@code
     * word:<stem>} for every stem and {@code lead:<stem>} for the leading word, weighted or not.
     */
    List<String> featureNames() {
      List<String> names = new ArrayList<>();
      keywordHits.forEach(c -> names.add("keyword:" + c.rule().concept()));
      cues.forEach(c -> names.add("cue:" + c.rule().concept()));
      stems.forEach(w -> names.add(ComplexityRules.WORD + w));
      if (lead != null) {
        names.add(ComplexityRules.LEAD + lead);
      }
      return names;
    }

    /**
     * Cues and words that pushed from the keywords' level toward the final one, strongest first (at
     * most four): cues by name, words quoted.
     */
    List<String> cuesToward(Complexity finalLevel, Complexity byKeywords) {
      if (finalLevel == byKeywords) {
        return List.of();
      }
      boolean up = finalLevel.ordinal() > byKeywords.ordinal();
      List<Map.Entry<String, Double>> pushes = new ArrayList<>();
      for (Compiled.Concept c : cues) {
        pushes.add(Map.entry(c.rule().concept(), c.rule().weight()));
      }
      for (Map.Entry<String, Double> w : wordHits) {
        pushes.add(Map.entry(quoted(w.getKey(), w.getValue()), w.getValue()));
      }
      if (leadWeight != 0) {
        pushes.add(Map.entry(quoted(lead, leadWeight), leadWeight));
      }
      pushes.sort(STRONGEST_FIRST);
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, Double> p : pushes) {
        if ((up ? p.getValue() > 0 : p.getValue() < 0) && names.size() < 4) {
          names.add(p.getKey());
        }
      }
      return names;
    }
  }

  /**
   * The rules' patterns compiled into one {@link PatternSet}, and for each pattern what it stands
   * for: the concepts (keyword concepts first, in level order, then cues) and domains it belongs
   * to, and the scope, documentation, code-work and review signals it gives.
   */
  static final class Compiled {
    record Concept(Complexity level, WeightedPattern rule) {}

    static final int CROSS_MODULE = 1;
    static final int SINGLE_FILE = 2;
    static final int DOCUMENTATION = 4;
    static final int CODE_WORK = 8;
    static final int REVIEW = 16;

    final PatternSet set;

    /** Keyword concepts (level set) then cues (level null). */
    final List<Concept> concepts = new ArrayList<>();

    final String[] domainNames;

    /** Per pattern: pairs of (concept index, index of the pattern among the concept's synonyms). */
    final int[][] conceptsOf;

    final int[][] domainsOf;
    final int[] flagsOf;

    /** Learned weights of word stems and of leading words, keyed by the stem alone. */
    final Map<String, Double> wordWeights = new HashMap<>();

    final Map<String, Double> leadWeights = new HashMap<>();

    Compiled(ComplexityRules rules) {
      for (Map.Entry<String, Double> w : rules.words().entrySet()) {
        String key = w.getKey();
        if (key.startsWith(ComplexityRules.WORD)) {
          wordWeights.put(key.substring(ComplexityRules.WORD.length()), w.getValue());
        } else {
          leadWeights.put(key.substring(ComplexityRules.LEAD.length()), w.getValue());
        }
      }
      Map<String, Integer> index = new LinkedHashMap<>();
      List<int[]> conceptPatterns = new ArrayList<>();
      for (Complexity level : Complexity.values()) {
        for (WeightedPattern rule : rules.keywords().get(level)) {
          concepts.add(new Concept(level, rule));
          conceptPatterns.add(indices(index, rule.patterns()));
        }
      }
      for (WeightedPattern rule : rules.cues()) {
        concepts.add(new Concept(null, rule));
        conceptPatterns.add(indices(index, rule.patterns()));
      }
      domainNames = rules.domains().keySet().toArray(new String[0]);
      List<int[]> domainPatterns = new ArrayList<>();
      for (List<String> patterns : rules.domains().values()) {
        domainPatterns.add(indices(index, patterns));
      }
      int[][] flagged = {
        indices(index, rules.scopeCues().getOrDefault(ScopeEstimate.CROSS_MODULE, List.of())),
        indices(index, rules.scopeCues().getOrDefault(ScopeEstimate.SINGLE_FILE, List.of())),
        indices(index, rules.documentationCues()),
        indices(index, rules.codeWorkCues()),
        indices(index, rules.reviewCues())
      };
      int n = index.size();
      List<List<Integer>> uses = new ArrayList<>();
      List<List<Integer>> inDomains = new ArrayList<>();
      for (int p = 0; p < n; p++) {
        uses.add(new ArrayList<>());
        inDomains.add(new ArrayList<>());
      }
      for (int k = 0; k < conceptPatterns.size(); k++) {
        int[] ps = conceptPatterns.get(k);
        for (int i = 0; i < ps.length; i++) {
          uses.get(ps[i]).add(k);
          uses.get(ps[i]).add(i);
        }
      }
      for (int d = 0; d < domainPatterns.size(); d++) {
        for (int p : domainPatterns.get(d)) {
          inDomains.get(p).add(d);
        }
      }
      conceptsOf = new int[n][];
      domainsOf = new int[n][];
      flagsOf = new int[n];
      for (int p = 0; p < n; p++) {
        conceptsOf[p] = ints(uses.get(p));
        domainsOf[p] = ints(inDomains.get(p));
      }
      for (int f = 0; f < flagged.length; f++) {
        for (int p : flagged[f]) {
          flagsOf[p] |= 1 << f;
        }
      }
      Set<String> trusted = new HashSet<>();
      for (String p : index.keySet()) {
        if (WeightedPattern.isBuiltIn(p)) {
          trusted.add(p);
        }
      }
      set = new PatternSet(new ArrayList<>(index.keySet()), trusted);
    }

    // Loops, not streams: this runs once per process, before the JIT has compiled anything.
    private static int[] ints(List<Integer> list) {
      int[] out = new int[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = list.get(i);
      }
      return out;
    }

    private static int[] indices(Map<String, Integer> index, List<String> patterns) {
      int[] out = new int[patterns.size()];
      for (int i = 0; i < out.length; i++) {
        Integer at = index.get(patterns.get(i));
        if (at == null) {
          at = index.size();
          index.put(patterns.get(i), at);
        }
        out[i] = at;
      }
      return out;
    }
  }
}
