package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real-task corpora are what the issue asked for: enough rows, each with the URL of the issue
 * or pull request it came from, no row twice, the rubric written in the header, and no title of a
 * held-out batch among the rows the weights are learned from.
 */
class ComplexityCorpusFormatTest {

  @ParameterizedTest
  @ValueSource(strings = {Corpus.REAL, Corpus.HOLDOUT, Corpus.HOLDOUT2, Corpus.DRAWN})
  void every_row_has_a_unique_github_url_and_the_header_has_the_rubric(String resource)
      throws IOException {
    List<Corpus.Row> rows = Corpus.read(resource).rows();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(resource.equals(Corpus.REAL) ? 300 : 150);
    Set<String> urls = new HashSet<>();
    for (Corpus.Row row : rows) {
      assertThat(row.url())
          .as(row.task())
          .matches("https://github\\.com/[^/]+/[^/]+/(issues|pull)/\\d+");
      assertThat(urls.add(row.url())).as("%s appears twice", row.url()).isTrue();
    }
    String header = header(resource);
    for (String level : List.of("simple  -", "medium  -", "complex -")) {
      assertThat(header).as("the rubric in the header of %s", resource).contains("#   " + level);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Corpus.REAL, Corpus.DEV})
  void no_held_out_task_is_learned_from(String resource) {
    Set<String> heldOutUrls = new HashSet<>();
    Set<String> heldOutTitles = new HashSet<>();
    for (String heldOut : Corpus.HELD_OUT) {
      for (Corpus.Row row : Corpus.read(heldOut).rows()) {
        heldOutUrls.add(row.url());
        heldOutTitles.add(row.task().toLowerCase());
      }
    }
    for (Corpus.Row row : Corpus.read(resource).rows()) {
      assertThat(heldOutUrls).doesNotContain(row.url() == null ? "" : row.url());
      assertThat(heldOutTitles).doesNotContain(row.task().toLowerCase());
    }
  }

  private static String header(String resource) throws IOException {
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      StringBuilder sb = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#")) {
          break;
        }
        sb.append(line).append('\n');
      }
      return sb.toString();
    }
  }
}
