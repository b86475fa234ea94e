package dev.vsm.application.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application is small classes, one activity each: a phase, a protocol, a document. A file that
 * outgrows the limit holds more than one activity and wants splitting, not a higher limit.
 */
class ActivitySizeTest {

  private static final int MOST_LINES = 250;

  @Test
  void no_production_file_of_the_application_is_over_250_lines() throws IOException {
    Path sources = Path.of("src/main/java");
    assertThat(sources).isDirectory();
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(sources)) {
      tooLong =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> lines(p) > MOST_LINES)
              .map(p -> sources.relativize(p) + " (" + lines(p) + " lines)")
              .toList();
    }
    assertThat(tooLong).isEmpty();
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
