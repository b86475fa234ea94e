package dev.vsm.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What makes a name one vsm may pass to the agent CLI, and how the {@code s1-} prefix maps a
 * specialist to its Claude agent and back.
 */
class AgentNamesAreCheckedTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "tester", "s1-code-writer", "a-b-c", "x2"})
  void lower_case_letters_digits_and_inner_hyphens_are_valid(String name) {
    assertThat(AgentName.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-x", "Tester", "a b", "a_b", "../x", "a/b", "é"})
  void anything_else_is_not(String name) {
    assertThat(AgentName.isValid(name)).isFalse();
  }

  @Test
  void a_missing_name_is_not_valid() {
    assertThat(AgentName.isValid(null)).isFalse();
  }

  @Test
  void a_name_is_at_most_64_characters() {
    assertThat(AgentName.isValid("a".repeat(64))).isTrue();
    assertThat(AgentName.isValid("a".repeat(65))).isFalse();
  }

  @Test
  void random_names_are_valid_exactly_when_the_documented_pattern_matches_them() {
    java.util.regex.Pattern documented = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    String alphabet = "abz09-AZ_ ./é\u0000";
    java.util.Random random = new java.util.Random(64);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = random.nextInt(4) == 0 ? 60 + random.nextInt(8) : random.nextInt(6);
      for (int j = 0; j < length; j++) {
        // Mostly valid characters, so that long valid names come up too.
        name.append(
            random.nextInt(10) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : alphabet.charAt(random.nextInt(6)));
      }
      String n = name.toString();
      assertThat(AgentName.isValid(n)).as(n).isEqualTo(documented.matcher(n).matches());
    }
  }

  @Test
  void the_s1_prefix_is_added_once_and_removed_once() {
    assertThat(AgentName.s1("tester")).isEqualTo("s1-tester");
    assertThat(AgentName.s1("s1-tester")).isEqualTo("s1-tester");
    assertThat(AgentName.withoutS1Prefix("s1-tester")).isEqualTo("tester");
    assertThat(AgentName.withoutS1Prefix("tester")).isEqualTo("tester");
    assertThat(AgentName.withoutS1Prefix("s1-s1-x")).isEqualTo("s1-x");
  }

  @Test
  void a_registry_lookup_ignores_the_prefix_and_refuses_unsafe_names() {
    AgentRegistry registry =
        new AgentRegistry(
            java.util.Map.of(
                "Odd Name",
                new AgentProfile(AgentType.DOMAIN, AgentStatus.AVAILABLE, List.of(), null)),
            null);

    assertThat(registry.find("s1-Odd Name")).isPresent();
    assertThat(registry.contains("Odd Name")).as("registered, but not a safe name").isFalse();
    assertThat(registry.contains(null)).isFalse();
    assertThat(registry.lastUpdated()).isEmpty();
  }
}
