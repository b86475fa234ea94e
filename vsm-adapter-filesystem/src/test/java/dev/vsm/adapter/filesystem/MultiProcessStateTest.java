package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.log.LogEntry;
import dev.vsm.json.JsonValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs writing one state directory at once, and being killed with SIGKILL. */
class MultiProcessStateTest {

  @TempDir Path work;

  private Process writer(String id, int count) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            StateWriterProcess.class.getName(),
            work.toString(),
            id,
            String.valueOf(count))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private Path stateFile(String name) {
    return FileSystemAdapters.stateDirectory(work).resolve(name);
  }

  @Test
  void four_processes_writing_at_once_lose_no_update_and_tear_no_line() throws Exception {
    List<Process> writers = new ArrayList<>();
    for (int w = 1; w <= 4; w++) {
      writers.add(writer(String.valueOf(w), 200));
    }
    for (Process p : writers) {
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }

    var metrics = FileSystemAdapters.stateStore(work, Clock.systemUTC(), m -> {}).metrics();
    assertThat(metrics.s3S4Conflicts()).isEqualTo(800);
    assertThat(metrics.agentErrors()).containsOnlyKeys("agent-1", "agent-2", "agent-3", "agent-4");
    List<String> lines = Files.readAllLines(stateFile("execution-log.jsonl"));
    assertThat(lines).hasSize(800);
    for (String line : lines) {
      assertThat((Map<String, Object>) JsonValues.read(line)).containsKeys("timestamp", "data");
    }
    List<LogEntry> entries = FileSystemAdapters.executionLog(work, "x", m -> {}).readAll();
    Map<Object, List<Integer>> byWriter =
        entries.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.data().get("writer"),
                    Collectors.mapping(
                        e -> ((Number) e.data().get("n")).intValue(), Collectors.toList())));
    for (var e : byWriter.entrySet()) {
      assertThat(e.getValue())
          .as("writer %s", e.getKey())
          .containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(1, 200).boxed().toList());
    }
  }

  @Test
  void a_writer_killed_at_random_points_leaves_parseable_files_with_its_last_completed_write()
      throws Exception {
    Random random = new Random(42);
    int expectedAtLeast = 0;
    for (int round = 0; round < 20; round++) {
      int killAfter = 1 + random.nextInt(25);
      Process p = writer("k", 0);
      int lastReported = 0;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (lastReported < killAfter && (line = out.readLine()) != null) {
          lastReported = Integer.parseInt(line.trim());
        }
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      expectedAtLeast += lastReported;

      for (String name : listStateFiles()) {
        if (name.endsWith(".json")) {
          assertThat((Map<?, ?>) JsonValues.read(Files.readAllBytes(stateFile(name))))
              .as(name)
              .isNotNull();
        }
      }
      int conflicts =
          FileSystemAdapters.stateStore(work, Clock.systemUTC(), m -> {}).metrics().s3S4Conflicts();
      // Writes completed after the last one reported may be there too; none reported may be
      // missing.
      assertThat(conflicts).as("round %d", round).isGreaterThanOrEqualTo(expectedAtLeast);
      expectedAtLeast = conflicts;
      List<String> warnings = new ArrayList<>();
      List<LogEntry> log = FileSystemAdapters.executionLog(work, "x", warnings::add).readAll();
      int reported = lastReported;
      assertThat(log)
          .as("round %d", round)
          .anyMatch(e -> ((Number) e.data().get("n")).intValue() == reported);
    }
    assertThat(listStateFiles()).noneMatch(n -> n.endsWith(".tmp") && !n.startsWith("."));
  }

  private List<String> listStateFiles() throws IOException {
    try (Stream<Path> s = Files.list(FileSystemAdapters.stateDirectory(work))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }
  }
}
