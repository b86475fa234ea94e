package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one-pass matcher: its shortcut (literal stems tried only where a word starts, on text lower-
 * cased once) must find exactly what searching every pattern the plain way finds; the built-in
 * patterns must run in linear time; a user's pattern that blows up must be skipped, never hang or
 * crash.
 */
class PatternSetTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '=',
      value = {
        "migrat=migrat",
        "comments?\\b=comment",
        "version\\s+(?:number|string)\\b=version",
        "retr(?:y|ies)\\b=retr",
        "multi-?thread=multi",
        "x+y=x",
        "\\bml\\b=ml",
        "ci/cd\\b=ci/cd",
        "console\\.log=console.log",
        "Foo=foo"
      })
  void a_stem_is_the_literal_every_match_begins_with(String pattern, String stem) {
    assertThat(PatternSet.stem(pattern)).isEqualTo(stem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '=',
      value = {
        "(?:broken|dead)\\s+links?",
        "typo|spelling",
        "^\\W*fix",
        "[\\w-]+\\.md",
        "\\w+\\(\\)",
        "a?b",
        "`",
        "é"
      })
  void a_pattern_without_a_literal_start_has_no_stem(String pattern) {
    assertThat(PatternSet.stem(pattern)).isNull();
  }

  private static String firstChars(String pattern) {
    boolean[] set = FirstChars.of(pattern);
    if (set == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < 128; c++) {
      if (set[c]) {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Test
  void first_characters_are_read_from_the_pattern() {
    assertThat(firstChars("(?:update|bump)\\w*")).isEqualTo("BUbu");
    assertThat(firstChars("(?<!#)[45]\\d\\d\\b")).isEqualTo("45");
    assertThat(firstChars("v?\\d+\\.\\d+")).isEqualTo("0123456789Vv");
    assertThat(firstChars("[\"'][^\"'\\s]")).isEqualTo("\"'");
    assertThat(firstChars("(?-i:[A-C][a-z]+)")).isEqualTo("ABCabc");
    assertThat(firstChars("\\?\\s*$")).isEqualTo("?");
    assertThat(firstChars("(?:a|)b")).isEqualTo("ABab");
    assertThat(firstChars("x{0,2}y")).isEqualTo("XYxy");
    assertThat(firstChars("[^a]b")).hasSize(128);
  }

  @Test
  void characters_every_match_contains_are_read_from_literals_that_are_not_optional() {
    assertThat(FirstChars.required("\\w+\\(\\)")).containsExactly('(', ')');
    assertThat(FirstChars.required("[a-z0-9]+_[\\w]+")).containsExactly('_');
    assertThat(FirstChars.required("v?\\d+\\.\\d+")).containsExactly('.');
    assertThat(FirstChars.required("--[a-z]")).containsExactly('-');
    assertThat(FirstChars.required("Ab(?:c|d)e?")).containsExactly('a', 'b');
    assertThat(FirstChars.required("a|b")).isNull();
    assertThat(FirstChars.required("(?:x)")).containsExactly('x');
    assertThat(FirstChars.required("(?:ab|cb)")).containsExactly('b');
    assertThat(FirstChars.required("[\\w-]+(?:\\.[\\w-]+)+")).containsExactly('.');
    assertThat(FirstChars.required("a(?:\\.b)*")).containsExactly('a');
    assertThat(FirstChars.required("(?=x)y")).containsExactly('y');
    assertThat(FirstChars.required("x{0,3}y{2}")).containsExactly('y');
  }

  @Test
  void first_characters_are_not_guessed_where_the_pattern_is_not_followed() {
    assertThat(firstChars("a*")).isNull(); // can match nothing
    assertThat(firstChars("(a)\\1")).isNull(); // back-reference
    assertThat(firstChars("[[a]b]")).isNull(); // nested class
    assertThat(firstChars("ſecurity")).isNull(); // matches "security" under Unicode case folding
    assertThat(firstChars("(?x) a")).isNull(); // comments mode
    assertThat(firstChars("(?m)^a")).isNull();
    assertThat(firstChars("(a")).isNull();
  }

  /** Texts made of pieces of the rules' own words, separators and case changes. */
  private static String randomTask(Random random, List<String> words) {
    String[] separators = {" ", " ", " ", "-", ".", "/", "_", ": ", "(", ")", "'", "\"", "`", "#"};
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(14);
    for (int i = 0; i < n; i++) {
      String w =
          switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(1000));
            case 1 -> "v" + random.nextInt(4) + "." + random.nextInt(10);
            case 2 -> words.get(random.nextInt(words.size())) + "s";
            default -> words.get(random.nextInt(words.size()));
          };
      if (random.nextInt(4) == 0) {
        w = w.toUpperCase(java.util.Locale.ROOT);
      } else if (random.nextInt(3) == 0 && !w.isEmpty()) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      if (random.nextInt(5) == 0 && w.length() > 2) {
        w = w.substring(0, 1 + random.nextInt(w.length() - 1));
      }
      sb.append(w).append(separators[random.nextInt(separators.length)]);
    }
    return sb.toString().strip();
  }

  @Test
  void the_shortcut_finds_what_a_plain_search_of_every_pattern_finds() {
    List<String> patterns = DefaultComplexityRules.allPatterns().stream().distinct().toList();
    PatternSet set = new PatternSet(patterns, new HashSet<>(patterns));
    List<String> words =
        List.of(
            "add",
            "fix",
            "typo",
            "migrate",
            "migration",
            "oauth2",
            "auth",
            "authentication",
            "race",
            "condition",
            "readme.md",
            "app.py",
            "docs",
            "the",
            "in",
            "to",
            "of",
            "all",
            "services",
            "endpoint",
            "api",
            "ui",
            "config",
            "file",
            "missing",
            "null",
            "check",
            "deadlock",
            "thread-safe",
            "real-time",
            "websocket",
            "ci/cd",
            "pipeline",
            "x",
            "-",
            "re-implement",
            "sql",
            "injection",
            "2fa",
            "i18n",
            "drag",
            "and",
            "drop",
            "log",
            "level",
            "debug",
            "info",
            "console.log",
            "TODO",
            "comment",
            "HTTP",
            "404",
            "500",
            "#310",
            "getUser",
            "parse_date",
            "foo()",
            "a.b(",
            "version",
            "bump",
            "python",
            "3.7",
            "--verbose",
            ".env",
            "why?",
            "`code`",
            "'x'",
            "\"y\"",
            "getUserName",
            "HTTPServer",
            "error message",
            "file not found",
            "can't be opened",
            "sql injection",
            "in rust",
            "whole app",
            "todo comments",
            "log level");
    long seed = Long.getLong("vsm.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    // Every case checks all ~700 patterns the slow way: a few hundred cases keep this quick.
    int cases = Integer.getInteger("vsm.fuzz.cases", 400);
    for (int i = 0; i < cases; i++) {
      String task = randomTask(random, words);
      PatternSet.Matches m = set.match(task);
      for (int p = 0; p < patterns.size(); p++) {
        Matcher plain = WeightedPattern.compile(patterns.get(p)).matcher(task);
        boolean found = plain.find();
        assertThat(m.matched(p))
            .as("seed %d, case %d, pattern %s on [%s]", seed, i, patterns.get(p), task)
            .isEqualTo(found);
        if (found) {
          assertThat(new int[] {m.start(p), m.end(p)})
              .as("seed %d, case %d, pattern %s on [%s]", seed, i, patterns.get(p), task)
              .containsExactly(plain.start(), plain.end());
        }
      }
    }
  }

  @Test
  void text_outside_ascii_is_searched_the_plain_way_with_unicode_case() {
    PatternSet set = new PatternSet(List.of("security"), Set.of("security"));
    // U+017F (long s) matches 's' case-insensitively under Unicode case folding.
    assertThat(set.match("Fix ſecurity hole").matched(0)).isTrue();
    assertThat(set.match("Fix security hole").matched(0)).isTrue();
  }

  @Test
  void every_built_in_pattern_runs_in_linear_time() {
    // Counting the characters the regular-expression engine reads makes this exact: every
    // pattern is searched the plain way under a budget of PatternSet.READS_PER_CHAR reads per
    // character. On 16 K characters a quadratic pattern needs ~8 times the budget.
    List<String> patterns = DefaultComplexityRules.allPatterns().stream().distinct().toList();
    PatternSet guarded = new PatternSet(patterns, Set.of());
    int n = 1 << 14;
    for (String text :
        List.of(
            "-".repeat(n),
            "a".repeat(n),
            ".".repeat(n),
            "a-".repeat(n / 2),
            "a.".repeat(n / 2),
            "fix ".repeat(n / 4),
            "a ".repeat(n / 2),
            "a/".repeat(n / 2),
            "1.".repeat(n / 2),
            "x.y(".repeat(n / 4),
            "readme.md ".repeat(n / 10))) {
      PatternSet.Matches m = guarded.match(text);
      for (int p = 0; p < patterns.size(); p++) {
        assertThat(m.skipped(p))
            .as("pattern %s on %s...", patterns.get(p), text.substring(0, 8))
            .isFalse();
      }
    }
  }

  @Test
  @Timeout(60) // a guard against a hang, not a measurement: the budget test above is the exact one
  void the_analyzer_answers_for_a_one_megabyte_task() {
    ComplexityAnalyzer analyzer = ComplexityAnalyzer.withDefaults();
    int mb = 1 << 20;
    // The old single-file pattern took 85 s on 100 KB of '-' and never finished on 1 MB.
    assertThat(analyzer.analyze("-".repeat(mb)).complexity()).isNotNull();
    assertThat(analyzer.analyze("a".repeat(mb)).complexity()).isNotNull();
    assertThat(analyzer.analyze("a.b/c-d_e ".repeat(mb / 10)).complexity()).isNotNull();
    assertThat(analyzer.analyze("Fix a typo in the parser. ".repeat(mb / 26)).keywordsFound())
        .contains("typo");
  }

  @Test
  void a_user_pattern_that_overflows_the_stack_is_skipped_and_named() {
    String pattern = "(?:\\w|-)+service";
    PatternSet set = new PatternSet(List.of(pattern, "typo"), Set.of("typo"));
    PatternSet.Matches m = set.match("a".repeat(20_000) + " typo");
    assertThat(m.skipped(0)).isTrue();
    assertThat(m.matched(1)).isTrue();
  }

  @Test
  void a_user_pattern_that_backtracks_badly_on_other_text_is_cut_off_and_reported() {
    // Passes the load-time probes (no probe is a run of 'x'), explodes on a run of 'x'.
    String pattern = "(?:x+x+)+y";
    WeightedPattern.validate(pattern);
    PatternSet set = new PatternSet(List.of(pattern), Set.of());
    String text = "x".repeat(2_000);
    PatternSet.Matches m = set.match(text);
    assertThat(m.skipped(0)).isTrue();

    ComplexityRules rules = ComplexityRules.defaults().withKeyword(Complexity.COMPLEX, pattern);
    ComplexityAssessment a = new ComplexityAnalyzer(rules).analyze(text + " typo");
    assertThat(a.rationale()).contains("Rule skipped (too slow on this task): " + pattern);
    assertThat(a.keywordsFound()).contains("typo");
  }

  @Test
  void a_user_pattern_that_blows_up_on_a_long_word_is_refused_when_added_naming_it() {
    assertThatThrownBy(
            () -> ComplexityRules.defaults().withKeyword(Complexity.COMPLEX, "(?:\\w|-)+service"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'(?:\\w|-)+service' overflows the stack")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> ComplexityRules.defaults().withDomain("x", List.of("(?:a+a+)+b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'(?:a+a+)+b' is too slow")
        .hasMessageNotContaining("\n");
  }

  @Test
  void a_quadratic_user_pattern_is_accepted_and_bounded_on_degenerate_text() {
    // Quadratic on a run of '-': fine on tasks of ordinary length, skipped on a long run.
    String pattern = "[\\w-]+service";
    WeightedPattern.validate(pattern);
    PatternSet set = new PatternSet(List.of(pattern), Set.of());
    assertThat(set.match("split the user-service in two").matched(0)).isTrue();
    assertThat(set.match("-".repeat(20_000)).skipped(0)).isTrue();
  }

  @Test
  void well_behaved_user_patterns_pass_the_probes() {
    for (String p : List.of("\\bml\\b", "machine\\s+learning", "gpu", "(?:a|b)c", "\\w+\\.proto")) {
      WeightedPattern.validate(p);
    }
  }
}
