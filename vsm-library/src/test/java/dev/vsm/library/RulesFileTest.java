package dev.vsm.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.vsm.application.testing.Fuzz;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.complexity.ComplexityRules;
import dev.vsm.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules files as users write them, mistakes included: every file either extends the rules or is
 * refused with one line naming the file and the place in it; never a stack trace, never a hang.
 */
class RulesFileTest {

  @TempDir Path dir;

  private Path write(String json) throws IOException {
    Path file = dir.resolve("rules.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private String refusal(String json) throws IOException {
    Path file = write(json);
    try {
      RulesFile.apply(ComplexityRules.defaults(), file);
    } catch (InvalidRulesException e) {
      return e.getMessage();
    }
    return fail("accepted: " + json);
  }

  @Test
  void a_rule_that_overflows_the_stack_is_refused_in_one_line_naming_it_and_its_place()
      throws IOException {
    String message = refusal("{\"keywords\": {\"complex\": [\"gpu\", \"(?:\\\\w|-)+service\"]}}");
    assertThat(message)
        .startsWith("rules file " + dir.resolve("rules.json") + ": keywords.complex[1]: ")
        .contains("pattern '(?:\\w|-)+service' overflows the stack")
        .doesNotContain("\n");
  }

  @Test
  void a_pattern_far_beyond_linear_time_is_refused_naming_it() throws IOException {
    assertThat(refusal("{\"domains\": {\"ml\": [\"\\\\bmodel\\\\b\", \"(?:a+a+)+b\"]}}"))
        .contains(": domains.ml: pattern '(?:a+a+)+b' is too slow");
    assertThat(refusal("{\"scope\": {\"single_file\": [\"x\", \"(unclosed\"]}}"))
        .contains(": scope.single_file[1]: not a valid pattern: (unclosed");
    assertThat(refusal("{\"keywords\": {\"simple\": [{\"patterns\": [\"a\", 3]}]}}"))
        .contains(": keywords.simple[0]: a pattern must be text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1e400", "1e309", "123456789012345678901234567890e300"})
  void thresholds_must_be_finite(String number) throws IOException {
    assertThat(refusal("{\"thresholds\": {\"complex_at_least\": " + number + "}}"))
        .contains("thresholds.complex_at_least must be a finite number");
    assertThat(
            refusal(
                "{\"keywords\": {\"complex\": [{\"pattern\": \"x\", \"weight\": "
                    + number
                    + "}]}}"))
        .contains("keywords.complex[0]: weight must be a finite number");
  }

  @Test
  void thresholds_out_of_order_are_refused() throws IOException {
    assertThat(refusal("{\"thresholds\": {\"simple_below\": 0.7, \"complex_at_least\": 0.6}}"))
        .contains("simple_below (0.7) must be lower than complex_at_least (0.6)");
  }

  // ---- seeded random rules files ----

  /** Patterns users write: plain, stems, classes, broken, slow, deep, odd characters. */
  private static final List<String> PATTERNS =
      List.of(
          "gpu",
          "\\bml\\b",
          "machine\\s+learning",
          "migrat",
          "[\\w-]+service",
          "(?:\\w|-)+service",
          "(a+)+b",
          "(?:a+a+)+b",
          "(?:x+x+)+y",
          "(unclosed",
          "a)",
          "[z-a]",
          "*",
          "",
          " ",
          "\\",
          "\\Q",
          "(?<=a+)b",
          "(?i)ß",
          "é+",
          "\u0000",
          "a{2147483648}",
          "a{0,100000}",
          "(?<name>x)\\k<name>",
          "^",
          "$",
          "\\b",
          "(?m)^x$",
          "(?x) a b # c",
          ".*",
          "(.*)*z",
          "\\p{L}+",
          "\\p{Bogus}",
          "[[:alpha:]]",
          "((((((((((x))))))))))",
          "(".repeat(60) + "x" + ")".repeat(60),
          "(".repeat(3000) + ")".repeat(3000),
          "x".repeat(5000));

  private static Object randomValue(Random r, int depth) {
    return switch (r.nextInt(depth > 2 ? 6 : 9)) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2 -> randomNumber(r);
      case 3, 4, 5 -> randomPattern(r);
      case 6 -> {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          l.add(randomValue(r, depth + 1));
        }
        yield l;
      }
      default -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.put(randomKey(r), randomValue(r, depth + 1));
        }
        yield m;
      }
    };
  }

  private static Object randomNumber(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> r.nextDouble();
      case 3 -> r.nextGaussian() * 1000;
      case 4 -> Long.MAX_VALUE;
      case 5 -> new java.math.BigDecimal("1e400");
      case 6 -> new java.math.BigDecimal("-1e400");
      default -> r.nextInt(3) - 1 + r.nextDouble();
    };
  }

  private static String randomPattern(Random r) {
    String p = PATTERNS.get(r.nextInt(PATTERNS.size()));
    if (r.nextInt(5) == 0) {
      p += PATTERNS.get(r.nextInt(PATTERNS.size()));
    }
    return p;
  }

  private static final List<String> KEYS =
      List.of(
          "keywords",
          "domains",
          "scope",
          "thresholds",
          "simple",
          "medium",
          "complex",
          "huge",
          "single_file",
          "cross_module",
          "multi_file",
          "unknown",
          "pattern",
          "patterns",
          "weight",
          "concept",
          "ml",
          "backend",
          "",
          "base",
          "simple_below",
          "complex_at_least",
          "cross_module_weight",
          "single_file_weight",
          "per_extra_domain_weight",
          "medium_signal_cap",
          "documentation_only_weight",
          "sharpness");

  private static String randomKey(Random r) {
    return KEYS.get(r.nextInt(KEYS.size()));
  }

  /** A rules document in the file's shape, with wrong types and values here and there. */
  private static Map<String, Object> randomRules(Random r) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (r.nextInt(3) > 0) {
      Map<String, Object> keywords = new LinkedHashMap<>();
      for (String level : List.of("simple", "medium", "complex", "huge")) {
        if (r.nextInt(level.equals("huge") ? 10 : 2) == 0) {
          List<Object> items = new ArrayList<>();
          for (int i = r.nextInt(4); i > 0; i--) {
            if (r.nextBoolean()) {
              items.add(randomPattern(r));
            } else {
              Map<String, Object> k = new LinkedHashMap<>();
              if (r.nextInt(4) > 0) {
                k.put("pattern", r.nextInt(8) == 0 ? randomValue(r, 2) : randomPattern(r));
              }
              if (r.nextInt(3) == 0) {
                k.put("patterns", List.of(randomPattern(r), randomPattern(r)));
              }
              if (r.nextBoolean()) {
                k.put("weight", r.nextInt(6) == 0 ? randomValue(r, 2) : randomNumber(r));
              }
              if (r.nextInt(4) == 0) {
                k.put("concept", r.nextBoolean() ? "security" : randomValue(r, 2));
              }
              items.add(k);
            }
          }
          keywords.put(level, r.nextInt(15) == 0 ? randomValue(r, 1) : items);
        }
      }
      root.put("keywords", keywords);
    }
    if (r.nextInt(3) == 0) {
      Map<String, Object> domains = new LinkedHashMap<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        domains.put(
            r.nextBoolean() ? "ml" : randomKey(r),
            r.nextInt(10) == 0 ? randomValue(r, 1) : List.of(randomPattern(r)));
      }
      root.put("domains", domains);
    }
    if (r.nextInt(4) == 0) {
      root.put(
          "scope",
          Map.of(r.nextBoolean() ? "single_file" : randomKey(r), List.of(randomPattern(r))));
    }
    if (r.nextInt(3) == 0) {
      Map<String, Object> t = new LinkedHashMap<>();
      for (int i = r.nextInt(4); i > 0; i--) {
        t.put(randomKey(r), r.nextInt(5) == 0 ? randomValue(r, 2) : randomNumber(r));
      }
      root.put("thresholds", t);
    }
    if (r.nextInt(12) == 0) {
      root.put(randomKey(r), randomValue(r, 1));
    }
    return root;
  }

  /** The JSON text of a document, sometimes cut short or with a character changed. */
  private static String text(Random r, Object doc) {
    String json = JsonValues.text(doc);
    switch (r.nextInt(10)) {
      case 0 -> json = json.substring(0, r.nextInt(json.length() + 1));
      case 1 -> {
        int at = r.nextInt(json.length() + 1);
        String junk =
            List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "1e999", "NaN", "\u0000")
                .get(r.nextInt(11));
        json = json.substring(0, at) + junk + json.substring(at);
      }
      default -> {}
    }
    return json;
  }

  private static final List<String> TASKS =
      List.of(
          "Split the user-service into two services",
          "Fix typo in README",
          "Train the ML model on the GPU",
          "a".repeat(3000),
          "-".repeat(3000),
          "x".repeat(3000) + " y",
          "ab".repeat(1500),
          "Straße Überprüfung é");

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a rules file that hangs the reader fails here
  void random_rules_files_are_applied_or_refused_in_one_line() throws IOException {
    int cases = Integer.getInteger("vsm.fuzz.cases", 2000);
    Path file = dir.resolve("fuzz.json");
    int[] accepted = {0};
    int[] refused = {0};
    Fuzz.run(
        "rules files",
        20261125L,
        cases,
        trial -> {
          Random random = trial.random();
          String json = text(random, randomRules(random));
          trial.input(json);
          Files.writeString(file, json, StandardCharsets.UTF_8);
          ComplexityRules rules;
          try {
            rules = RulesFile.apply(ComplexityRules.defaults(), file);
          } catch (InvalidRulesException e) {
            assertThat(e.getMessage()).startsWith("rules file " + file);
            refused[0]++;
            return;
          }
          accepted[0]++;
          // Compiling a whole rule set per case is the slow part: analyze with a sample of them.
          if (random.nextInt(10) == 0) {
            ComplexityAnalyzer analyzer = new ComplexityAnalyzer(rules);
            for (String task : TASKS) {
              ComplexityAssessment a = analyzer.analyze(task);
              assertThat(a.confidence()).as(task).isBetween(0.0, 1.0);
              assertThat(a.rationale()).as(task).doesNotContain("\n");
            }
          }
        });
    System.out.printf("rules-file fuzzing: %d accepted, %d refused%n", accepted[0], refused[0]);
    assertThat(accepted[0]).isGreaterThan(cases / 20);
    assertThat(refused[0]).isGreaterThan(cases / 20);
  }

  @Test
  void a_missing_threshold_keeps_the_built_in_one_and_sharpness() throws IOException {
    ComplexityRules rules =
        RulesFile.apply(ComplexityRules.defaults(), write("{\"thresholds\": {\"base\": 0.3}}"));
    assertThat(rules.thresholds().base()).isEqualTo(0.3);
    assertThat(rules.thresholds().sharpness())
        .isEqualTo(ComplexityRules.defaults().thresholds().sharpness());
    assertThatThrownBy(() -> RulesFile.apply(ComplexityRules.defaults(), write("[]")))
        .isInstanceOf(InvalidRulesException.class)
        .hasMessageContaining("must be a JSON object");
  }
}
