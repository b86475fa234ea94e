package dev.vsm.domain.complexity;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A pattern that is not built in is checked when the rule is made: it must compile, it must get
 * through long runs of one character within the reading budget the analyzer gives it (see {@link
 * PatternSet}), and it must not overflow the stack on a long word: the inputs that make nested
 * repetitions such as {@code (a+a+)+} or {@code (?:\w|-)+} blow up.
 */
public record WeightedPattern(String concept, List<String> patterns, double weight) {

  private static final Set<String> BUILT_IN = ConcurrentHashMap.newKeySet();
  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

  /**
   * Length of the probes a user's pattern must get through within its reading budget: a long task.
   * A pattern that is quadratic on some text passes (it is skipped at run time only on longer,
   * degenerate tasks); nested repetitions such as {@code (a+a+)+} do not.
   */
  static final int PROBE_LENGTH = 1_000;

  /** Length of the word a user's pattern must get through without overflowing the stack. */
  static final int LONG_PROBE_LENGTH = 4_000;

  private static final char[] PROBE_CHARS = {'a', 'Z', '0', '_', '-', '.', '/', ' ', ':', 'é'};

  public WeightedPattern {
    Objects.requireNonNull(concept, "concept");
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("a keyword rule needs at least one pattern");
    }
    if (!Double.isFinite(weight) || Math.abs(weight) > ComplexityRules.MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "weight must be a finite number within ±" + (int) ComplexityRules.MAX_WEIGHT);
    }
    for (String p : patterns) {
      validate(p);
    }
  }

  /** One pattern standing for its own concept. */
  public static WeightedPattern of(String pattern, double weight) {
    return new WeightedPattern(pattern, List.of(pattern), weight);
  }

  /** A built-in concept: its patterns are held to linear time by the tests, not at start-up. */
  static WeightedPattern builtIn(String concept, double weight, String... patterns) {
    trust(patterns);
    return new WeightedPattern(concept, List.of(patterns), weight);
  }

  static void trust(String... patterns) {
    BUILT_IN.addAll(List.of(patterns));
  }

  static boolean isBuiltIn(String pattern) {
    return BUILT_IN.contains(pattern);
  }

  /**
   * Checks a pattern a rule may use: it compiles, and (unless built in) it runs in linear time on
   * the probes. Throws {@link IllegalArgumentException} naming the pattern otherwise.
   */
  static void validate(String pattern) {
    if (pattern == null) {
      throw new IllegalArgumentException("a pattern must be text, not null");
    }
    if (BUILT_IN.contains(pattern) || CHECKED.contains(pattern)) {
      return;
    }
    if (nesting(pattern) > MAX_NESTING) {
      // Compiling and matching recurse once per level: deep nesting runs out of stack.
      throw new IllegalArgumentException(
          "pattern '"
              + shortened(pattern)
              + "' nests groups more than "
              + MAX_NESTING
              + " deep; simplify it");
    }
    Pattern compiled = compile(pattern);
    probe(pattern, compiled);
    CHECKED.add(pattern);
  }

  /** How deep a user's pattern may nest groups. */
  static final int MAX_NESTING = 50;

  /** The deepest nesting of groups (and classes) in a pattern. */
  private static int nesting(String pattern) {
    int depth = 0;
    int max = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(' || c == '[') {
        max = Math.max(max, ++depth);
      } else if (c == ')' || c == ']') {
        depth = Math.max(0, depth - 1);
      }
    }
    return max;
  }

  private static String shortened(String pattern) {
    return pattern.length() <= 80 ? pattern : pattern.substring(0, 80) + "...";
  }

  private static void probe(String pattern, Pattern compiled) {
    for (char c : PROBE_CHARS) {
      String run = String.valueOf(c).repeat(PROBE_LENGTH);
      for (String probe : List.of(run, run + "!", run.substring(PROBE_LENGTH / 2) + " x")) {
        if (!runs(pattern, compiled, probe)) {
          throw new IllegalArgumentException(
              "pattern '"
                  + shortened(pattern)
                  + "' is too slow: on a run of "
                  + probe.length()
                  + " '"
                  + c
                  + "' characters it takes far more than linear time (nested repetition such as"
                  + " (a+a+)+); simplify it");
        }
      }
      // Only the stack matters on the long word: running out of reads there is left to the budget.
      runs(pattern, compiled, String.valueOf(c).repeat(LONG_PROBE_LENGTH));
    }
  }

  /** Searches a probe under the run-time budget: false when the budget runs out. */
  private static boolean runs(String pattern, Pattern compiled, String probe) {
    try {
      compiled
          .matcher(
              new PatternSet.BudgetedText(
                  probe, PatternSet.READS_PER_CHAR * probe.length() + 100_000))
          .find();
      return true;
    } catch (PatternSet.BudgetedText.Exhausted e) {
      return false;
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException(
          "pattern '"
              + shortened(pattern)
              + "' overflows the stack on a long word (a repeated group of alternatives such"
              + " as (?:\\w|-)+); use a character class such as [\\w-]+ instead");
    }
  }

  /** Compiles a rule pattern: word-bounded at the start, extended to the end of the word. */
  public static Pattern compile(String pattern) {
    try {
      String start = pattern.startsWith("\\b") || pattern.startsWith("^") ? "" : "(?<![\\w])";
      return Pattern.compile(
          start + "(?:" + pattern + ")[\\w]*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "not a valid pattern: " + shortened(pattern) + " (" + e.getDescription() + ")", e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException(
          "not a valid pattern: " + shortened(pattern) + " (nested too deeply)");
    }
  }
}
