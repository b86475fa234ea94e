package dev.vsm.domain.complexity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled corpus from the test resources: {@code label TAB task} or {@code label TAB url TAB
 * task}; '#' lines are comments.
 */
record Corpus(String name, List<Row> rows) {

  static final String DEV = "/complexity-dev.tsv";
  static final String EXTRA = "/complexity-extra.tsv";
  static final String REAL = "/complexity-real.tsv";
  static final String HOLDOUT = "/complexity-holdout.tsv";
  static final String HOLDOUT2 = "/complexity-holdout2.tsv";
  static final String DRAWN = "/complexity-drawn.tsv";

  /** The real tasks the rules are judged on, never learned from: their misses are never printed. */
  static final List<String> HELD_OUT = List.of(HOLDOUT, HOLDOUT2, DRAWN);

  record Row(Complexity label, String task, String url) {}

  static Corpus read(String resource) {
    List<Row> rows = new ArrayList<>();
    InputStream in = Corpus.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("no corpus resource " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length < 2 || parts.length > 3) {
          throw new IllegalStateException(resource + ":" + n + ": expected 2 or 3 fields");
        }
        Complexity label =
            Complexity.parse(parts[0])
                .orElseThrow(() -> new IllegalStateException(resource + ": bad label " + parts[0]));
        String task = parts[parts.length - 1].trim();
        String url = parts.length == 3 ? parts[1] : null;
        rows.add(new Row(label, task, url));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Corpus(resource, List.copyOf(rows));
  }
}
