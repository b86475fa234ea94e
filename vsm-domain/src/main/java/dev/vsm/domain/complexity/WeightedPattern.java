package dev.vsm.domain.complexity;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A keyword rule: one concept (a set of synonymous patterns) that pushes a task's score by {@code
 * weight}. A concept counts once however many of its synonyms match, so "auth ... OAuth2 ...
 * authentication" is one signal, reported by the word that appears first.
 *
 * <p>Patterns are case-insensitive regular expressions matched on word boundaries; a pattern that
 * does not end in {@code \b} is a stem and matches the rest of the word ({@code migrat} matches
 * "migrate" and "migrations").
 */
public record WeightedPattern(String concept, List<String> patterns, double weight) {

  public WeightedPattern {
    Objects.requireNonNull(concept, "concept");
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("a keyword rule needs at least one pattern");
    }
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be a finite number");
    }
    for (String p : patterns) {
      compile(p);
    }
  }

  /** One pattern standing for its own concept. */
  public static WeightedPattern of(String pattern, double weight) {
    return new WeightedPattern(pattern, List.of(pattern), weight);
  }

  /** Compiles a rule pattern: word-bounded at the start, extended to the end of the word. */
  public static Pattern compile(String pattern) {
    try {
      String start = pattern.startsWith("\\b") || pattern.startsWith("^") ? "" : "(?<![\\w])";
      return Pattern.compile(
          start + "(?:" + pattern + ")[\\w]*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "not a valid pattern: " + pattern + " (" + e.getDescription() + ")", e);
    }
  }

  /** The earliest match of any synonym in {@code text}, or null. */
  Match firstMatch(List<Pattern> compiled, String text) {
    Match best = null;
    for (Pattern p : compiled) {
      Matcher m = p.matcher(text);
      if (m.find() && (best == null || m.start() < best.start())) {
        best = new Match(m.start(), m.group());
      }
    }
    return best;
  }

  record Match(int start, String word) {}
}
