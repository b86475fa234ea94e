package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A preview is the text stripped, and cut with an ellipsis only when it is longer than allowed. */
class TextIsCutForPromptsAndTheLogTest {

  @Test
  void text_up_to_the_limit_is_kept_whole() {
    assertThat(Text.preview("  abcde \n", 5)).isEqualTo("abcde");
  }

  @Test
  void longer_text_is_cut_to_the_limit_with_an_ellipsis() {
    assertThat(Text.preview("abcdef", 5)).isEqualTo("abcd…").hasSize(5);
  }

  @Test
  void no_text_is_empty() {
    assertThat(Text.preview(null, 5)).isEmpty();
  }
}
