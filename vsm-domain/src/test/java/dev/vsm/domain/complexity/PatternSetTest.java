package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The patterns of a rule set matched together: the keyword matcher must find exactly what the
 * regular-expression engine finds for every built-in pattern (start and end), on every corpus task
 * and on random text; the built-in patterns must run in linear time on the engine too (it reads
 * them on text the keyword matcher leaves to it); a user's pattern that blows up must be skipped,
 * never hang or crash.
 */
class PatternSetTest {

  @Test
  void the_keyword_matcher_reads_every_built_in_pattern() {
    List<String> patterns = DefaultComplexityRules.allPatterns().stream().distinct().toList();
    PatternSet set = new PatternSet(patterns, new HashSet<>(patterns));
    // None is left to the regular-expression engine on ordinary text.
    assertThat(set.readByKeywords()).isEqualTo(patterns.size());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '=',
      value = {
        // pattern = the ways it is read as, in the engine's order ('~' a step)
        "docs?\\b=~docs~ | ~doc~",
        "colou?rs?\\b=~colours~ | ~colour~ | ~colors~ | ~color~",
        "(?:whole|entire)\\s+app=~whole~app | ~entire~app",
        "^\\W*+fix=~~fix",
        "\\bml=~ml",
        "a(?:b|c){2}=~abb | ~abc | ~acb | ~acc",
        "x{0,2}y=~xxy | ~xy | ~y",
      })
  void a_pattern_is_read_as_the_ways_it_can_match_in_the_engines_order(
      String pattern, String ways) {
    List<String> read = new java.util.ArrayList<>();
    for (List<Object> path : KeywordMatcher.paths(pattern)) {
      StringBuilder sb = new StringBuilder();
      path.forEach(e -> sb.append(e instanceof Character c ? (char) c : (char) 126));
      read.add(sb.toString());
    }
    assertThat(String.join(" | ", read)).isEqualTo(ways);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '=',
      value = {
        "lazy=a+?b",
        "greedy repetition of a group=(?:ab)+",
        "a run that could give back what follows needs=\\w+s",
        "a run before an end that could be given back=\\s*$",
        "a possessive choice=(?:a|ab)?+c",
        "back-reference=(a)\\1",
        "any character=a.b",
        "negated class with letters=[^a]",
        "look-ahead=(?=a)b",
        "not ASCII=é",
        "nested class=[[a]b]",
      })
  void syntax_the_keyword_matcher_cannot_read_exactly_is_left_to_the_engine(
      String what, String pattern) {
    assertThat(KeywordMatcher.paths(pattern)).as(what).isNull();
  }

  @Test
  void a_user_pattern_is_searched_by_the_engine_even_when_the_keyword_matcher_could_read_it() {
    PatternSet set = new PatternSet(List.of("typo", "spelling"), Set.of("typo"));
    assertThat(set.readByKeywords()).isEqualTo(1);
    PatternSet.Matches m = set.match("Fix spelling and a typo");
    assertThat(m.matched(0)).isTrue();
    assertThat(m.matched(1)).isTrue();
  }

  @Test
  void text_outside_ascii_is_read_as_letters_and_other_characters() {
    assertThat(KeywordMatcher.read("ab")).containsExactly('a', 'b');
    assertThat(KeywordMatcher.read("é—中"))
        .containsExactly(KeywordMatcher.LETTER, KeywordMatcher.OTHER, KeywordMatcher.LETTER);
    // A surrogate pair is marked as one: an emoji is no letter, a mathematical letter is.
    assertThat(KeywordMatcher.read("\uD83D\uDC1B"))
        .containsExactly(KeywordMatcher.OTHER_PAIR, KeywordMatcher.OTHER);
    assertThat(KeywordMatcher.read("\uD835\uDC00"))
        .containsExactly(KeywordMatcher.LETTER_PAIR, KeywordMatcher.LETTER);
    // Characters whose case folds to ASCII, combining marks, line separators: the engine's.
    for (String t :
        List.of("\u212A", "\u017F", "\u0130", "\u0131", "e\u0301", "a\u2028", "\uD83D")) {
      assertThat(KeywordMatcher.read(t)).as(t).isNull();
    }
  }

  /** Texts made of pieces of the rules' own words, separators and case changes. */
  private static String randomTask(Random random, List<String> words) {
    String[] separators = {
      " ",
      " ",
      " ",
      "-",
      ".",
      "/",
      "_",
      ": ",
      "(",
      ")",
      "'",
      "\"",
      "`",
      "#",
      "\t",
      "?",
      "\n",
      "—",
      "\u00a0",
      "é",
      "\uD83D\uDC1B",
      "中",
      "\uD835\uDC00",
      "\u212A",
      "e\u0301"
    };
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
  void the_keyword_matcher_finds_what_the_engine_finds_on_every_corpus_task() {
    List<String> patterns = DefaultComplexityRules.allPatterns().stream().distinct().toList();
    PatternSet set = new PatternSet(patterns, new HashSet<>(patterns));
    int tasks = 0;
    for (String corpus :
        List.of(
            Corpus.DEV, Corpus.EXTRA, Corpus.REAL, Corpus.HOLDOUT, Corpus.HOLDOUT2, Corpus.DRAWN)) {
      for (Corpus.Row row : Corpus.read(corpus).rows()) {
        assertSameAsTheEngine(set, patterns, row.task(), corpus);
        tasks++;
      }
    }
    assertThat(tasks).isGreaterThan(600);
  }

  /** Every pattern's earliest match in {@code task} by the set is the engine's, start and end. */
  static void assertSameAsTheEngine(
      PatternSet set, List<String> patterns, String task, String context) {
    PatternSet.Matches m = set.match(task);
    for (int p = 0; p < patterns.size(); p++) {
      Matcher plain = WeightedPattern.compile(patterns.get(p)).matcher(task);
      boolean found = plain.find();
      assertThat(m.matched(p))
          .as("%s: pattern %s on [%s]", context, patterns.get(p), task)
          .isEqualTo(found);
      if (found) {
        assertThat(new int[] {m.start(p), m.end(p)})
            .as("%s: pattern %s on [%s]", context, patterns.get(p), task)
            .containsExactly(plain.start(), plain.end());
      }
    }
  }

  @Test
  void the_keyword_matcher_finds_what_the_engine_finds_on_random_text() {
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
            "log level",
            "app.test.js",
            "README.MD",
            "a..b",
            "x.yml.",
            "increase the",
            "connection",
            "timeout",
            "timeouts",
            "from",
            "split",
            "into",
            "port",
            "dependencies",
            "update",
            "secrets",
            "hashed",
            "passwords",
            "e2e",
            "c++",
            "python3",
            "n+1",
            "pub/sub",
            "re-implement",
            "[docs]",
            "feat(api):",
            "hot-reload",
            "off-by-one",
            "sign-in",
            "e-mail",
            "\r\n");
    long seed = Long.getLong("vsm.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    // Every case checks all ~700 patterns the slow way: a thousand cases keep this quick.
    int cases = Integer.getInteger("vsm.fuzz.cases", 1000);
    for (int i = 0; i < cases; i++) {
      assertSameAsTheEngine(
          set, patterns, randomTask(random, words), "seed " + seed + ", case " + i);
    }
  }

  @Test
  void a_task_with_a_character_whose_case_folds_to_ascii_is_left_to_the_engine() {
    PatternSet set = new PatternSet(List.of("security"), Set.of("security"));
    // U+017F (long s) matches 's' case-insensitively under Unicode case folding.
    assertThat(set.match("Fix ſecurity hole").matched(0)).isTrue();
    assertThat(set.match("Fix security hole").matched(0)).isTrue();
  }

  @Test
  @Tag("slow")
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
  @Tag("slow")
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
