package dev.vsm.library;

import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityRules;
import dev.vsm.domain.complexity.ScopeEstimate;
import dev.vsm.domain.complexity.WeightedPattern;
import dev.vsm.json.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Complexity rules from JSON, the format of a project's {@code .claude/vsm-rules.json} (and of the
 * command line's {@code --rules FILE}), added to rules one already has:
 *
 * <pre>
 * {"keywords": {"complex": ["\\bml\\b", {"pattern": "\\bgpu\\b", "weight": 0.4}], "simple": [...]},
 *  "domains": {"ml": ["\\bmodel\\b", "\\btraining\\b"]},
 *  "scope": {"cross_module": ["\\bmonorepo\\b"], "single_file": ["\\bthis script\\b"]},
 *  "thresholds": {"simple_below": 0.2, "complex_at_least": 0.6}}
 * </pre>
 *
 * <p>{@link Vsm.Builder} reads the project's file by default; this class reads one for a program
 * that builds its own {@link dev.vsm.domain.complexity.ComplexityAnalyzer}.
 */
public final class RulesFile {

  /** Where a project keeps its own rules, below the working directory. */
  public static final String PROJECT_RULES = ".claude/vsm-rules.json";

  private RulesFile() {}

  /**
   * {@code base} extended with the rules of {@code file}.
   *
   * @throws InvalidRulesException when the file is missing, unreadable, not JSON, or holds a rule
   *     that cannot be used; the one-line message names the file and the place in it
   */
  public static ComplexityRules apply(ComplexityRules base, Path file) {
    Object parsed;
    try {
      parsed = JsonValues.read(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InvalidRulesException("rules file " + file + " does not exist");
    } catch (IOException e) {
      throw new InvalidRulesException("cannot read rules file " + file + ": " + e.getMessage());
    } catch (JsonValues.MalformedJson e) {
      throw new InvalidRulesException(
          "rules file " + file + " is not valid JSON (" + e.getMessage() + ")");
    }
    try {
      return apply(base, parsed);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new InvalidRulesException("rules file " + file + ": " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static ComplexityRules apply(ComplexityRules base, Object parsed) {
    Map<String, Object> root = map(parsed, "the rules");
    ComplexityRules rules = base;
    for (String key : root.keySet()) {
      if (!List.of("keywords", "domains", "scope", "thresholds").contains(key)) {
        throw new IllegalArgumentException(
            "unknown key '" + key + "' (use keywords, domains, scope, thresholds)");
      }
    }
    for (var e : map(root.getOrDefault("keywords", Map.of()), "keywords").entrySet()) {
      Complexity level =
          Complexity.parse(e.getKey())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "keywords level '" + e.getKey() + "' is not simple, medium or complex"));
      List<?> items = list(e.getValue(), "keywords." + e.getKey());
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        ComplexityRules before = rules;
        rules =
            at(
                "keywords." + e.getKey() + "[" + i + "]",
                () ->
                    item instanceof String pattern
                        ? before.withKeyword(level, pattern)
                        : before.withKeywordRule(level, keyword(level, item)));
      }
    }
    for (var e : map(root.getOrDefault("domains", Map.of()), "domains").entrySet()) {
      String where = "domains." + e.getKey();
      List<String> patterns = new ArrayList<>();
      list(e.getValue(), where).forEach(p -> patterns.add(text(p, where + " pattern")));
      ComplexityRules before = rules;
      rules = at(where, () -> before.withDomain(e.getKey(), patterns));
    }
    for (var e : map(root.getOrDefault("scope", Map.of()), "scope").entrySet()) {
      ScopeEstimate scope =
          switch (e.getKey().toLowerCase(Locale.ROOT)) {
            case "single_file" -> ScopeEstimate.SINGLE_FILE;
            case "cross_module" -> ScopeEstimate.CROSS_MODULE;
            default ->
                throw new IllegalArgumentException(
                    "scope '" + e.getKey() + "' is not single_file or cross_module");
          };
      List<?> items = list(e.getValue(), "scope." + e.getKey());
      for (int i = 0; i < items.size(); i++) {
        String where = "scope." + e.getKey() + "[" + i + "]";
        String pattern = text(items.get(i), where);
        ComplexityRules before = rules;
        rules = at(where, () -> before.withScopeCue(scope, pattern));
      }
    }
    if (root.containsKey("thresholds")) {
      Map<String, Object> t = map(root.get("thresholds"), "thresholds");
      ComplexityRules.Thresholds d = rules.thresholds();
      rules =
          rules.withThresholds(
              new ComplexityRules.Thresholds(
                  number(t, "base", d.base()),
                  number(t, "simple_below", d.simpleBelow()),
                  number(t, "complex_at_least", d.complexAtLeast()),
                  number(t, "cross_module_weight", d.crossModuleWeight()),
                  number(t, "single_file_weight", d.singleFileWeight()),
                  number(t, "per_extra_domain_weight", d.perExtraDomainWeight()),
                  number(t, "medium_signal_cap", d.mediumSignalCap()),
                  d.sharpness(),
                  number(t, "documentation_only_weight", d.documentationOnlyWeight())));
    }
    return rules;
  }

  /** A keyword given as an object: {"pattern"|"patterns", "weight", "concept"}. */
  private static WeightedPattern keyword(Complexity level, Object item) {
    Map<String, Object> k = map(item, "a keyword");
    Object w = k.getOrDefault("weight", ComplexityRules.defaultWeight(level));
    if (!(w instanceof Number weight)) {
      throw new IllegalArgumentException("a keyword's weight must be a number");
    }
    List<String> patterns = new ArrayList<>();
    if (k.containsKey("pattern")) {
      patterns.add(text(k.get("pattern"), "\"pattern\""));
    }
    if (k.containsKey("patterns")) {
      list(k.get("patterns"), "\"patterns\"").forEach(p -> patterns.add(text(p, "a pattern")));
    }
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("a keyword needs \"pattern\" or \"patterns\"");
    }
    String concept = k.get("concept") instanceof String c ? c : patterns.get(0);
    return new WeightedPattern(concept, patterns, weight.doubleValue());
  }

  /** Runs one step of reading the file, naming where in it a refused value is. */
  private static ComplexityRules at(String where, Supplier<ComplexityRules> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String what) {
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException(what + " must be a JSON object");
  }

  private static List<?> list(Object o, String what) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException(what + " must be a list");
  }

  private static String text(Object o, String what) {
    if (o instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(what + " must be text");
  }

  private static double number(Map<String, Object> m, String key, double fallback) {
    Object v = m.getOrDefault(key, fallback);
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(
        "thresholds."
            + key
            + " must be a finite number"
            + (v instanceof Number ? " (got " + v + ")" : ""));
  }
}
