package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.log.LogEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Real child JVMs recording cycles in one database at once, and being killed with SIGKILL. */
class MultiProcessPostgresTest {

  private static final LocalPostgres PG = LocalPostgres.shared();

  private static Process writer(String url, String id, int count) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            PostgresWriterProcess.class.getName(),
            url,
            id,
            String.valueOf(count))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static PostgresStore open(String url) {
    return PostgresAdapters.open(url, Map.of(), Clock.systemUTC(), m -> {});
  }

  @Test
  void four_processes_times_two_hundred_cycles_give_exact_counts() throws Exception {
    String url = PG.freshDatabase();
    int processes = 4;
    int cycles = 200;
    List<Process> writers = new ArrayList<>();
    for (int w = 1; w <= processes; w++) {
      writers.add(writer(url, String.valueOf(w), cycles));
    }
    for (Process p : writers) {
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }

    try (PostgresStore pg = open(url)) {
      var metrics = pg.stateStore().metrics();
      assertThat(metrics.s3S4Conflicts()).isEqualTo(processes * cycles);
      assertThat(metrics.agentErrors())
          .containsOnlyKeys("agent-1", "agent-2", "agent-3", "agent-4");
      AgentRegistry registry = pg.stateStore().registry();
      List<String> numbers = IntStream.rangeClosed(1, cycles).mapToObj(String::valueOf).toList();
      for (int w = 1; w <= processes; w++) {
        assertThat(registry.find("writer-" + w).orElseThrow().capabilities())
            .as("writer-%d's capabilities", w)
            .containsExactlyElementsOf(numbers);
      }
      assertThat(registry.agents()).hasSize(AgentRegistry.defaults("").agents().size() + processes);
      assertThat(registry.find("tester").orElseThrow().currentTask())
          .matches("task-[1-4]-" + cycles);
      List<LogEntry> entries = pg.executionLog("x").readAll();
      assertThat(entries).hasSize(processes * cycles);
      Map<Object, List<Integer>> byWriter =
          entries.stream()
              .collect(
                  Collectors.groupingBy(
                      e -> e.data().get("writer"),
                      Collectors.mapping(
                          e -> ((Number) e.data().get("n")).intValue(), Collectors.toList())));
      assertThat(byWriter).hasSize(processes);
      for (var e : byWriter.entrySet()) {
        assertThat(e.getValue())
            .as("writer %s", e.getKey())
            .containsExactlyElementsOf(IntStream.rangeClosed(1, cycles).boxed().toList());
        assertThat(pg.executionLog("x").readSession("writer" + e.getKey())).hasSize(cycles);
      }
    }
  }

  @Test
  void a_writer_killed_at_random_points_loses_no_completed_cycle_and_leaves_no_lock()
      throws Exception {
    String url = PG.freshDatabase();
    Random random = new Random(42);
    int expectedAtLeast = 0;
    for (int round = 0; round < 8; round++) {
      int killAfter = 1 + random.nextInt(25);
      Process p = writer(url, "k", 0);
      int lastReported = 0;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (lastReported < killAfter && (line = out.readLine()) != null) {
          lastReported = Integer.parseInt(line.trim());
        }
        p.destroyForcibly(); // SIGKILL, possibly inside a transaction
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      expectedAtLeast += lastReported;

      try (PostgresStore pg = open(url)) {
        // The killed writer's transaction is rolled back by the server: the row is free again.
        int conflicts = pg.stateStore().updateMetrics(m -> m).s3S4Conflicts();
        assertThat(conflicts).as("round %d", round).isGreaterThanOrEqualTo(expectedAtLeast);
        expectedAtLeast = conflicts;
        int reported = lastReported;
        assertThat(pg.executionLog("x").readSession("writerk"))
            .as("round %d", round)
            .anyMatch(e -> ((Number) e.data().get("n")).intValue() == reported);
        // The registry holds each round's numbers as a run 1, 2, 3, ... (no update lost, none
        // applied twice), at least up to the last one the killed writer reported.
        List<List<Integer>> runs =
            runs(pg.stateStore().registry().find("writer-k").orElseThrow().capabilities());
        assertThat(runs).as("round %d", round).hasSize(round + 1);
        assertThat(runs.get(round).size()).as("round %d", round).isGreaterThanOrEqualTo(reported);
      }
    }
  }

  /** Numbers split into runs that each start at 1; fails unless each run counts up by one. */
  private static List<List<Integer>> runs(List<String> numbers) {
    List<List<Integer>> runs = new ArrayList<>();
    for (String text : numbers) {
      int n = Integer.parseInt(text);
      if (n == 1) {
        runs.add(new ArrayList<>());
      }
      List<Integer> run = runs.get(runs.size() - 1);
      assertThat(n).as("after %s", run).isEqualTo(run.size() + 1);
      run.add(n);
    }
    return runs;
  }
}
