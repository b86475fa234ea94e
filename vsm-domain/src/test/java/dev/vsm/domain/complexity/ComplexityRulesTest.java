package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How rules are made: the built-in vocabulary given the shipped weights, and what rules refuse. */
class ComplexityRulesTest {

  private static final Map<String, Double> SHIPPED = DefaultComplexityRules.readWeights();

  @Test
  void the_built_in_rules_carry_every_shipped_weight_and_nothing_else() {
    ComplexityRules rules =
        DefaultComplexityRules.weighted(DefaultComplexityRules.VOCABULARY, SHIPPED);
    assertThat(rules).isEqualTo(ComplexityRules.defaults());
    rules
        .keywords()
        .forEach(
            (level, concepts) ->
                concepts.forEach(
                    c -> assertThat(c.weight()).isEqualTo(SHIPPED.get("keyword:" + c.concept()))));
    rules.cues().forEach(c -> assertThat(c.weight()).isEqualTo(SHIPPED.get("cue:" + c.concept())));
    Map<String, Double> words = new HashMap<>();
    SHIPPED.forEach(
        (k, v) -> {
          if (k.startsWith(ComplexityRules.WORD) || k.startsWith(ComplexityRules.LEAD)) {
            words.put(k, v);
          }
        });
    assertThat(words).isNotEmpty();
    assertThat(rules.words()).isEqualTo(words);
    ComplexityRules.Thresholds t = rules.thresholds();
    assertThat(
            List.of(
                t.base(),
                t.crossModuleWeight(),
                t.singleFileWeight(),
                t.perExtraDomainWeight(),
                t.sharpness(),
                t.documentationOnlyWeight()))
        .containsExactly(
            SHIPPED.get("base"),
            SHIPPED.get("cross_module"),
            SHIPPED.get("single_file"),
            SHIPPED.get("per_extra_domain"),
            SHIPPED.get("sharpness"),
            SHIPPED.get("documentation_only"));
    // The bounds are the vocabulary's, not learned.
    assertThat(t.simpleBelow())
        .isEqualTo(DefaultComplexityRules.VOCABULARY.thresholds().simpleBelow());
    assertThat(t.complexAtLeast())
        .isEqualTo(DefaultComplexityRules.VOCABULARY.thresholds().complexAtLeast());
  }

  @Test
  void every_pattern_of_the_built_in_rules_is_listed_once_for_the_checks() {
    List<String> all = DefaultComplexityRules.allPatterns();
    ComplexityRules r = ComplexityRules.defaults();
    assertThat(all)
        .contains(r.cues().get(0).patterns().get(0))
        .contains(r.keywords().get(Complexity.SIMPLE).get(0).patterns().get(0))
        .containsAll(r.domains().values().iterator().next())
        .containsAll(r.scopeCues().values().iterator().next())
        .containsAll(r.documentationCues())
        .containsAll(r.codeWorkCues())
        .containsAll(r.reviewCues());
    int count =
        r.keywords().values().stream()
                .flatMap(List::stream)
                .mapToInt(c -> c.patterns().size())
                .sum()
            + r.cues().stream().mapToInt(c -> c.patterns().size()).sum()
            + r.domains().values().stream().mapToInt(List::size).sum()
            + r.scopeCues().values().stream().mapToInt(List::size).sum()
            + r.documentationCues().size()
            + r.codeWorkCues().size()
            + r.reviewCues().size();
    assertThat(all).hasSize(count);
  }

  @Test
  void a_weight_missing_from_the_file_is_named() {
    for (String key : List.of("base", "sharpness", "documentation_only", "cross_module")) {
      Map<String, Double> w = new HashMap<>(SHIPPED);
      w.remove(key);
      assertThatThrownBy(
              () -> DefaultComplexityRules.weighted(DefaultComplexityRules.VOCABULARY, w))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("has no weight for " + key + ":");
    }
  }

  @Test
  void the_weights_file_skips_comments_and_blank_lines_and_reads_crlf() {
    assertThat(DefaultComplexityRules.parseWeights("# c\tx\n\n  \nword:a\t0.250\r\nlead:b\t-1.5"))
        .isEqualTo(Map.of("word:a", 0.25, "lead:b", -1.5));
    assertThatThrownBy(() -> DefaultComplexityRules.parseWeights("\tno key\n"))
        .hasMessageContaining("not key TAB weight: \tno key");
    assertThatThrownBy(() -> DefaultComplexityRules.parseWeights("word:a 0.1\nword:b\t0.2\n"))
        .hasMessageContaining("not key TAB weight: word:a 0.1");
  }

  @Test
  void every_pattern_list_of_rules_is_checked_when_the_rules_are_made() {
    ComplexityRules base = ComplexityRules.defaults();
    String broken = "([unclosed";
    List<Function<ComplexityRules, ComplexityRules>> ways =
        List.of(
            r -> r.withDomain("ml", List.of(broken)),
            r -> r.withScopeCue(ScopeEstimate.CROSS_MODULE, broken),
            r -> with(r, broken, 0),
            r -> with(r, broken, 1),
            r -> with(r, broken, 2));
    for (Function<ComplexityRules, ComplexityRules> way : ways) {
      assertThatThrownBy(() -> way.apply(base)).hasMessageContaining("not a valid pattern");
    }
    assertThatThrownBy(() -> base.withDomain(" ", List.of("\\bx\\b")))
        .hasMessage("a domain needs a name");
    ComplexityRules more = base.withScopeCue(ScopeEstimate.SINGLE_FILE, "\\bthis one file\\b");
    assertThat(more.scopeCues().get(ScopeEstimate.SINGLE_FILE))
        .startsWith(base.scopeCues().get(ScopeEstimate.SINGLE_FILE).toArray(String[]::new))
        .endsWith("\\bthis one file\\b");
    assertThat(more.scopeCues().get(ScopeEstimate.CROSS_MODULE))
        .isEqualTo(base.scopeCues().get(ScopeEstimate.CROSS_MODULE));
  }

  @Test
  void a_word_weight_needs_a_word_or_lead_key_and_a_weight_within_the_largest() {
    ComplexityRules base = ComplexityRules.defaults();
    assertThatThrownBy(() -> base.withWords(Map.of("cach", 0.1)))
        .hasMessage("a word weight's key starts with word: or lead:: cach");
    assertThatThrownBy(() -> base.withWords(Map.of("word:x", 1000.001)))
        .hasMessage("the weight of word:x must be a finite number within ±1000");
    assertThatCode(() -> base.withWords(Map.of("word:x", -1000.0, "lead:y", 1000.0)))
        .doesNotThrowAnyException();
    assertThat(base.withWords(Map.of("word:zzz", 0.5)).words()).containsEntry("word:zzz", 0.5);
  }

  /** The rules with a documentation (0), code-work (1) or review (2) cue added. */
  private static ComplexityRules with(ComplexityRules r, String pattern, int which) {
    List<String> doc = new java.util.ArrayList<>(r.documentationCues());
    List<String> code = new java.util.ArrayList<>(r.codeWorkCues());
    List<String> review = new java.util.ArrayList<>(r.reviewCues());
    (which == 0 ? doc : which == 1 ? code : review).add(pattern);
    return new ComplexityRules(
        r.keywords(),
        r.cues(),
        r.words(),
        r.domains(),
        r.scopeCues(),
        doc,
        code,
        review,
        r.thresholds());
  }
}
