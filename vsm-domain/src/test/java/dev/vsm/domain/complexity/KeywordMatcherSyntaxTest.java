package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The keyword matcher against the regular-expression engine on patterns written to reach each part
 * of the syntax it reads (anchors, line ends, optional and alternative parts, repetitions, classes,
 * escapes, text outside ASCII) and on the ones it leaves to the engine: whatever it reads or hands
 * over, every pattern's earliest match must be the engine's, start and end. Fixed seeds: the same
 * texts every run.
 */
class KeywordMatcherSyntaxTest {

  private static final List<String> PATTERNS =
      List.of(
          "fix$",
          "^fix",
          "\\bfix\\b",
          "fix(?:es|ed)?\\b",
          "docs?\\b",
          "re-?implement",
          "log\\s+level",
          "\\w+\\.py\\b",
          "[a-z]+_[a-z]+",
          "[^a-z\\s]x",
          "(?:a|b)c",
          "a|bc$",
          "n\\+1",
          "c\\+\\+",
          "pub/sub",
          "\\d{3}\\b",
          "x{2,3}",
          "v\\d+(?:\\.\\d+)*",
          "(?:foo|bar)+baz",
          "a*+b",
          "[\\w.-]+@",
          "\\.env\\b",
          "é",
          "über",
          "end\\s*$",
          "ab?c",
          "[0-9a-f]{4}",
          "x\\.y",
          "a.c",
          "[ab][cd]",
          "don't",
          "x(?=y)",
          "(?:ab)++c",
          "(?:ab)+?c",
          "\\bup\\b|\\bdown\\b",
          "[-_]x",
          "fix\\b\\s*$",
          "q\\s",
          "\\S+@",
          "\\W\\w");

  private static final List<String> TOKENS =
      List.of(
          "fix",
          "fixes",
          "fixed",
          "fixing",
          "docs",
          "doc",
          "re-implement",
          "reimplement",
          "log  level",
          "log\tlevel",
          "app.py",
          "a_b",
          "3x",
          "ac",
          "bc",
          "n+1",
          "c++",
          "pub/sub",
          "123",
          "1234",
          "xx",
          "xxx",
          "v1.2.3",
          "foobarbaz",
          "aab",
          "b",
          "me@x",
          ".env",
          "é",
          "Über",
          "über",
          "end",
          "END",
          "abc",
          "beef",
          "x.y",
          "axc",
          "bd",
          "don't",
          "xy",
          "abab",
          "ababc",
          "up",
          "down",
          "-x",
          "_x",
          "q",
          "Fix",
          "FIX",
          "ß",
          "日本",
          "𝔘",
          "9",
          "_",
          "@");

  private static final String[] SEPARATORS = {" ", "", "\n", "\r\n", "\r", ".", "-", "  ", "/"};

  @Test
  void every_pattern_matches_where_the_engine_matches_on_generated_text() {
    PatternSet set = new PatternSet(PATTERNS, new HashSet<>(PATTERNS));
    assertThat(set.readByKeywords())
        .as("most patterns are read by the keyword matcher")
        .isGreaterThan(25);
    int checked = 0;
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      for (int i = 0; i < 400; i++) {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(6);
        for (int w = 0; w < words; w++) {
          text.append(TOKENS.get(random.nextInt(TOKENS.size())));
          text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        PatternSetTest.assertSameAsTheEngine(
            set, PATTERNS, text.toString(), "seed " + seed + ", case " + i);
        checked++;
      }
    }
    for (String edge :
        List.of(
            "",
            "\n",
            "\r\n",
            "fix\n",
            "fix\r\n",
            "fix\r",
            "fix\n\n",
            "fix\r\n\n",
            "end \n",
            "x\r\ny",
            "\nfix",
            "fix\u2028",
            "fixé",
            "éfix",
            "ſx")) {
      PatternSetTest.assertSameAsTheEngine(set, PATTERNS, edge, "edge case");
    }
    assertThat(checked).isEqualTo(1600);
  }
}
