package dev.vsm.domain.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Labelled corpora (label TAB task, '#' comments): the default rules must classify at least 90 % of
 * each. Prints the accuracy, the confusion counts per level and every miss; a further corpus (a
 * held-out set) is one more resource name in the source list.
 */
class ComplexityCorpusTest {

  record Row(Complexity label, String task) {}

  static List<Row> read(String resource) throws IOException {
    List<Row> rows = new ArrayList<>();
    InputStream in = ComplexityCorpusTest.class.getResourceAsStream(resource);
    assertThat(in).as("corpus resource %s", resource).isNotNull();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        rows.add(new Row(Complexity.parse(parts[0]).orElseThrow(), parts[1].trim()));
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/complexity-dev.tsv", "/complexity-extra.tsv"})
  void the_default_rules_classify_at_least_90_percent(String resource) throws IOException {
    ComplexityAnalyzer analyzer = ComplexityAnalyzer.withDefaults();
    List<Row> rows = read(resource);
    Map<Complexity, Map<Complexity, Integer>> confusion = new EnumMap<>(Complexity.class);
    int correct = 0;
    for (Row row : rows) {
      Complexity got = analyzer.analyze(row.task()).complexity();
      confusion
          .computeIfAbsent(row.label(), k -> new EnumMap<>(Complexity.class))
          .merge(got, 1, Integer::sum);
      if (got == row.label()) {
        correct++;
      } else {
        System.out.printf("  miss: labelled %s, got %s: %s%n", row.label(), got, row.task());
      }
    }
    double accuracy = (double) correct / rows.size();
    System.out.printf(
        "%s: accuracy %d/%d = %.1f%%; confusion (label -> got) %s%n",
        resource, correct, rows.size(), accuracy * 100, confusion);

    assertThat(rows).hasSizeGreaterThan(10);
    assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
  }
}
