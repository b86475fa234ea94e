package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a keyword rule accepts, and how its patterns match. */
class WeightedPatternTest {

  @Test
  void a_rule_needs_a_pattern_and_a_weight_within_the_largest() {
    assertThatThrownBy(() -> new WeightedPattern("c", List.of(), 0.1))
        .hasMessage("a keyword rule needs at least one pattern");
    assertThatThrownBy(() -> WeightedPattern.of("x", 1000.5))
        .hasMessage("weight must be a finite number within ±1000");
    assertThatThrownBy(() -> WeightedPattern.of("x", Double.NaN))
        .hasMessage("weight must be a finite number within ±1000");
    assertThat(WeightedPattern.of("x", -1000).weight()).isEqualTo(-1000);
    assertThat(WeightedPattern.of("\\bx\\b", 0.2).concept()).isEqualTo("\\bx\\b");
    assertThatThrownBy(() -> WeightedPattern.validate(null))
        .hasMessage("a pattern must be text, not null");
  }

  @Test
  void groups_may_nest_fifty_deep_and_no_deeper_escaped_brackets_not_counted() {
    assertThatCode(() -> WeightedPattern.validate("(".repeat(50) + "q" + ")".repeat(50)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> WeightedPattern.validate("(".repeat(51) + "q" + ")".repeat(51)))
        .hasMessageContaining("nests groups more than 50 deep; simplify it");
    // Classes count as a level; closing ones bring the depth back down.
    assertThatCode(() -> WeightedPattern.validate(("(" + "[a]").repeat(20) + "q" + ")".repeat(20)))
        .doesNotThrowAnyException();
    assertThatCode(() -> WeightedPattern.validate("(x)".repeat(60))).doesNotThrowAnyException();
    assertThatCode(() -> WeightedPattern.validate("\\(".repeat(60) + "x" + "\\)".repeat(60)))
        .doesNotThrowAnyException();
    // More closing than opening brackets never make the depth negative.
    assertThatThrownBy(() -> WeightedPattern.validate("a))" + "(".repeat(51) + ")".repeat(51)))
        .hasMessageContaining("nests groups more than 50 deep");
  }

  @Test
  void a_long_pattern_is_named_by_its_first_eighty_characters() {
    String eighty = "a".repeat(79) + "(";
    assertThatThrownBy(() -> WeightedPattern.validate(eighty))
        .hasMessageStartingWith("not a valid pattern: " + eighty + " (");
    String longer = "b".repeat(80) + "(";
    assertThatThrownBy(() -> WeightedPattern.validate(longer))
        .hasMessageStartingWith("not a valid pattern: " + "b".repeat(80) + "... (");
  }

  @Test
  void a_pattern_matches_from_a_word_start_to_the_end_of_the_word_ignoring_case() {
    assertThat(find("migrat", "Run the Migrations now")).isEqualTo("Migrations");
    assertThat(find("migrat", "remigrate it")).isNull();
    assertThat(find("\\bdb\\b", "the DB layer")).isEqualTo("DB");
    assertThat(find("^fix", "fix it")).isEqualTo("fix");
    assertThat(find("^fix", "a fix")).isNull();
    assertThat(find("é", "Évolution")).isEqualTo("Évolution");
  }

  @Test
  void a_pattern_that_is_too_slow_on_a_run_of_one_character_is_refused_naming_it() {
    assertThatThrownBy(() -> WeightedPattern.validate("(a+a+)+b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pattern '(a+a+)+b' is too slow")
        .hasMessageContaining("nested repetition");
    assertThatCode(() -> WeightedPattern.validate("a+b")).doesNotThrowAnyException();
  }

  @Test
  void built_in_patterns_are_trusted_and_a_checked_one_is_not_checked_twice() {
    String slow = "(z+z+)+w";
    WeightedPattern.trust(slow);
    assertThat(WeightedPattern.isBuiltIn(slow)).isTrue();
    assertThatCode(() -> WeightedPattern.validate(slow)).doesNotThrowAnyException();
    assertThat(WeightedPattern.isBuiltIn("(q+q+)+w")).isFalse();
    WeightedPattern rule = WeightedPattern.builtIn("concept", 0.3, "\\bkafka\\b", "\\bqueue");
    assertThat(rule.patterns()).containsExactly("\\bkafka\\b", "\\bqueue");
    assertThat(WeightedPattern.isBuiltIn("\\bqueue")).isTrue();
  }

  private static String find(String pattern, String text) {
    var m = WeightedPattern.compile(pattern).matcher(text);
    return m.find() ? m.group() : null;
  }
}
