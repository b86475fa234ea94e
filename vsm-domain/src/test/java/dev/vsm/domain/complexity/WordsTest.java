package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a task is cut into the word stems the learned weights are keyed by. */
class WordsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      nullValues = "null",
      value = {
        // plurals
        "bugs, bug",
        "queries, query",
        "flies, fly",
        "ties, tie", // too short for -ies: only the s goes
        "classes, class",
        "bus, bus", // three letters keep their s
        "access, access",
        "status, status",
        "analysis, analysi", // -is is not a plural; seven letters kept
        // -ing, -ed, -e
        "caching, cach",
        "thing, thing", // five letters keep their -ing
        "during, dur",
        "migrated, migrat",
        "added, add",
        "used, used", // four letters keep their -ed
        "cache, cach",
        "use, use", // three letters keep their e
        "improve, improv",
        // cut to seven letters
        "authentication, authent",
        "refactor, refacto",
        "OAuth, oauth",
        "AZaz, azaz",
        // version digits go, digits alone are one token
        "oauth2, oauth",
        "python3, python",
        "ab1, ab",
        "2fa, 2fa",
        "404, #",
        // nothing of a single letter or a function word
        "v2, null",
        "x, null",
        "the, null",
        "should, null",
        "then, then",
        "ab, ab",
      })
  void a_word_is_cut_to_its_stem(String word, String stem) {
    assertThat(Words.stems(word)).isEqualTo(stem == null ? List.of() : List.of(stem));
  }

  @Test
  void words_are_runs_of_ascii_letters_and_digits_and_each_stem_is_given_once() {
    assertThat(Words.stems("Cache the caching layer; cache it, then CACHE again"))
        .containsExactly("cach", "layer", "then", "again");
    // Every character next to the letters' and digits' ranges separates words.
    assertThat(Words.stems("ab@cd[ef`gh{ij/kl:mn"))
        .containsExactly("ab", "cd", "ef", "gh", "ij", "kl", "mn");
    assertThat(Words.stems("09x")).containsExactly("09x");
    assertThat(Words.stems("")).isEmpty();
    assertThat(Words.stems("... --- !!!")).isEmpty();
  }

  @Test
  void a_word_run_on_an_apostrophe_is_one_word() {
    assertThat(Words.stems("don't")).containsExactly("dont");
    assertThat(Words.stems("the user's token")).containsExactly("user", "token");
    assertThat(Words.stems("rock 'n roll")).containsExactly("rock", "roll");
    assertThat(Words.stems("o'clock's")).containsExactly("oclock");
    assertThat(Words.stems("it' s")).isEmpty();
  }

  @Test
  void a_word_longer_than_the_buffer_keeps_its_first_letters() {
    char[] letters = new char[40];
    Arrays.fill(letters, 'q');
    assertThat(Words.stems(new String(letters) + " done")).containsExactly("qqqqqqq", "don");
    assertThat(Words.stems(new String(letters) + "'s")).containsExactly("qqqqqqq");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      nullValues = "null",
      delimiter = '|',
      value = {
        "Add a cache | add",
        "fix(db): Add cache | add",
        "[Feature] Add cache | add",
        "  [Feature]   Add cache | add",
        "chore: bump deps | bump",
        "feat!: drop node 14 | drop",
        "feat(api)!: remove v1 | remov",
        "Fix: the thing | thing",
        "feat! go | feat",
        "feat(api) go | feat",
        "feat(api go | feat",
        "[unclosed Add cache | unclos",
        "(api): go | api",
        ": go | go",
        "-- Update docs | updat",
        "404 page | #",
        "the | null",
        " | null",
      })
  void the_lead_is_the_first_word_after_a_tag_and_a_conventional_commit_prefix(
      String task, String lead) {
    assertThat(Words.lead(task == null ? "" : task)).isEqualTo(lead);
  }

  @Test
  void a_tag_or_a_scope_is_skipped_only_when_it_closes_within_forty_characters() {
    String tag = "x".repeat(39); // the closing bracket forty characters after the opening one
    assertThat(Words.lead("[" + tag + "] Add cache")).isEqualTo("add");
    assertThat(Words.lead("[" + tag + "x] Add cache")).isEqualTo("xxxxxxx");
    String scope = "y".repeat(39);
    assertThat(Words.lead("feat(" + scope + "): Add cache")).isEqualTo("add");
    assertThat(Words.lead("feat(" + scope + "y): Add cache")).isEqualTo("feat");
  }
}
