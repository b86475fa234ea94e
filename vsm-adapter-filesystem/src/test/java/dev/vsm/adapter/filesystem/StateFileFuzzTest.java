package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.testing.Fuzz;
import dev.vsm.application.testing.RandomJson;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.viability.ViabilityMetrics;
import dev.vsm.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * §10: seeded random state files — documents of the right shape with random values, changed in one
 * place or more (any type anywhere, entries removed or added, deep nesting, numbers that do not fit
 * a double, lone surrogates), damaged byte by byte, or plain junk. Whatever the bytes, reading
 * never throws: a file is either read (and vsm then writes back a file it reads again, the same) or
 * kept aside whole with one warning, defaults used.
 */
class StateFileFuzzTest {

  private static final int CASES_PER_FILE = 400;

  @TempDir(factory = MemoryTempDir.class)
  Path work;

  private final List<String> warnings = new ArrayList<>();
  private int read;
  private int keptAside;

  /** One state file: how to make a plausible document, read it, and write a value back. */
  private record Kind(
      String file,
      Function<RandomJson, Map<String, Object>> document,
      Function<StateStore, Optional<?>> read,
      BiConsumer<StateStore, Object> write) {}

  private static List<Kind> kinds() {
    return List.of(
        new Kind(
            FileStateStore.CURRENT_TASK,
            StateFileFuzzTest::task,
            StateStore::currentTask,
            (s, v) -> s.saveCurrentTask((CurrentTask) v)),
        new Kind(
            FileStateStore.METRICS,
            StateFileFuzzTest::metrics,
            s -> Optional.of(s.metrics()),
            (s, v) -> s.updateMetrics(x -> (ViabilityMetrics) v)),
        new Kind(
            FileStateStore.REGISTRY,
            StateFileFuzzTest::registry,
            s -> Optional.of(s.registry()),
            (s, v) -> s.updateRegistry(x -> (AgentRegistry) v)),
        new Kind(
            FileStateStore.ALLOCATION,
            StateFileFuzzTest::allocation,
            StateStore::allocation,
            (s, v) -> s.saveAllocation((S3Allocation) v)),
        new Kind(
            FileStateStore.ENVIRONMENT,
            StateFileFuzzTest::environment,
            StateStore::environment,
            (s, v) -> s.saveEnvironment((S4Environment) v)),
        new Kind(
            FileStateStore.PLAN,
            StateFileFuzzTest::plan,
            StateStore::coordinationPlan,
            (s, v) -> s.saveCoordinationPlan((CoordinationPlan) v)));
  }

  private static Map<String, Object> doc(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static List<Object> times(RandomJson j, Function<RandomJson, Object> item) {
    List<Object> l = new ArrayList<>();
    for (int i = j.between(0, 4); i > 0; i--) {
      l.add(item.apply(j));
    }
    return l;
  }

  private static Map<String, Object> task(RandomJson j) {
    return doc(
        "id",
        j.word(),
        "description",
        j.text(40),
        "created_at",
        j.word(),
        "status",
        j.word(),
        "complexity",
        j.word(),
        "assigned_agents",
        times(j, RandomJson::word),
        "metadata",
        j.object(2));
  }

  private static Map<String, Object> metrics(RandomJson j) {
    Map<String, Object> errors = new LinkedHashMap<>();
    for (int i = j.between(0, 3); i > 0; i--) {
      errors.put(j.word(), j.chance(0.8) ? j.random().nextDouble() : j.number());
    }
    return doc(
        "window",
        "last_10_tasks",
        "completion_rate",
        j.chance(0.8) ? j.random().nextDouble() : j.number(),
        "agent_errors",
        errors,
        "oscillation_rate",
        j.random().nextDouble(),
        "audit_pass_rate",
        j.random().nextDouble(),
        "s3_s4_conflicts",
        j.chance(0.8) ? j.between(0, 9) : j.number(),
        "avg_cycle_iterations",
        1 + j.random().nextDouble(),
        "active_adaptations",
        times(
            j,
            x ->
                doc(
                    "type",
                    x.word(),
                    "trigger",
                    x.word(),
                    "effect",
                    x.text(20),
                    "applied_at",
                    x.word(),
                    "parameters",
                    doc("target_agent", x.word()))),
        "last_updated",
        j.word());
  }

  private static Map<String, Object> registry(RandomJson j) {
    Map<String, Object> agents = new LinkedHashMap<>();
    for (int i = j.between(0, 5); i > 0; i--) {
      Map<String, Object> a =
          doc("type", j.word(), "status", j.word(), "capabilities", times(j, RandomJson::word));
      if (j.chance(0.3)) {
        a.put("current_task", j.word());
      }
      agents.put(j.word(), a);
    }
    return doc("agents", agents, "last_updated", j.word());
  }

  private static Map<String, Object> allocation(RandomJson j) {
    return doc(
        "task_id",
        j.word(),
        "complexity",
        j.word(),
        "selected_agents",
        times(
            j,
            x ->
                x.chance(0.3)
                    ? x.word()
                    : doc(
                        "agent",
                        x.word(),
                        "role",
                        x.word(),
                        "order",
                        x.number(),
                        "task_focus",
                        x.text(20))),
        "rationale",
        j.text(30),
        "created_at",
        j.word(),
        "parallel_execution",
        j.chance(0.5));
  }

  private static Map<String, Object> environment(RandomJson j) {
    return doc(
        "task_id",
        j.word(),
        "analysis",
        j.text(40),
        "external_context",
        j.list(2),
        "risks",
        times(j, x -> x.text(20)),
        "opportunities",
        j.list(2),
        "recommended_approach",
        j.text(20),
        "created_at",
        j.word());
  }

  private static Map<String, Object> plan(RandomJson j) {
    return doc("task_id", j.word(), "plan", j.object(3), "created_at", j.word());
  }

  /** The earlier implementation's files, as further starting points. */
  private static Object pythonSample(String file) throws IOException {
    try (InputStream in =
        StateFileFuzzTest.class.getResourceAsStream("/python-state-sample/" + file)) {
      return in == null ? null : JsonValues.read(in.readAllBytes());
    }
  }

  /** The bytes of one case: a plausible document, changed, written, maybe damaged, or junk. */
  private static byte[] input(Kind kind, RandomJson j) throws IOException {
    if (j.chance(0.03)) {
      byte[] junk = new byte[j.between(0, 200)];
      j.random().nextBytes(junk);
      return junk;
    }
    if (j.chance(0.01)) {
      return large(j);
    }
    Object sample = j.chance(0.15) ? pythonSample(kind.file()) : null;
    Object tree = sample != null ? sample : kind.document().apply(j);
    for (int n = j.between(0, 3); n > 0; n--) {
      tree = j.mutate(tree);
    }
    byte[] bytes = j.write(tree, true).getBytes(StandardCharsets.UTF_8);
    return j.chance(0.2) ? j.damage(bytes) : bytes;
  }

  /** Large inputs, cheap for a linear reader: deep nesting, a long string, a long array. */
  private static byte[] large(RandomJson j) {
    String text =
        switch (j.between(0, 2)) {
          case 0 -> "[".repeat(200_000);
          case 1 -> "{\"id\": \"" + "x".repeat(2_000_000) + "\"}";
          default -> "{\"agents\": [" + "1,".repeat(300_000) + "1]}";
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Path stateDir() throws IOException {
    return Files.createDirectories(FileSystemAdapters.stateDirectory(work));
  }

  private List<Path> corruptCopies() throws IOException {
    try (Stream<Path> s = Files.list(stateDir())) {
      return s.filter(p -> p.getFileName().toString().contains(".corrupt-")).toList();
    }
  }

  private StateStore store() {
    return FileSystemAdapters.stateStore(work, Clock.systemUTC(), warnings::add);
  }

  private void clean() throws IOException {
    try (Stream<Path> s = Files.list(stateDir())) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    warnings.clear();
  }

  @Test
  @Timeout(120) // a hang guard: the cases take a few seconds
  void random_state_files_are_read_or_kept_aside_and_never_throw() {
    List<Kind> kinds = kinds();
    Fuzz.run(
        "state files",
        20261125L,
        CASES_PER_FILE * kinds.size(),
        trial -> {
          RandomJson j = new RandomJson(trial.random());
          Kind kind = kinds.get(j.random().nextInt(kinds.size()));
          byte[] bytes = input(kind, j);
          trial.input(kind.file() + ": " + new String(bytes, StandardCharsets.UTF_8));
          clean();
          Path file = stateDir().resolve(kind.file());
          Files.write(file, bytes);

          StateStore store = store();
          Optional<?> first = kind.read().apply(store);

          List<Path> copies = corruptCopies();
          if (copies.isEmpty()) {
            readAndWrittenBack(kind, file, bytes, store, first.orElseThrow());
            read++;
          } else {
            keptAside(kind, file, bytes, copies, first);
            keptAside++;
          }
        });

    // The inputs reach both outcomes often: the fuzzing goes past the JSON parser.
    assertThat(read).isGreaterThan(CASES_PER_FILE);
    assertThat(keptAside).isGreaterThan(CASES_PER_FILE);
  }

  /** A file that was read: left as it was, and what vsm writes of it reads back the same. */
  private void readAndWrittenBack(
      Kind kind, Path file, byte[] bytes, StateStore store, Object value) throws IOException {
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    assertThat(warnings).noneMatch(w -> w.contains("corrupt"));

    kind.write().accept(store, value);
    byte[] written = Files.readAllBytes(file);
    JsonValues.read(written); // strict JSON
    warnings.clear();
    Object again = kind.read().apply(store()).orElseThrow();
    kind.write().accept(store(), again);

    assertThat(corruptCopies()).isEmpty();
    assertThat(warnings).noneMatch(w -> w.contains("corrupt"));
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
        .as("vsm writes back what it wrote")
        .isEqualTo(new String(written, StandardCharsets.UTF_8));
    assertThat(kind.read().apply(store()).orElseThrow()).isEqualTo(again);
  }

  /** A corrupt file: kept aside whole, one warning naming it, defaults from then on. */
  private void keptAside(Kind kind, Path file, byte[] bytes, List<Path> copies, Optional<?> first)
      throws IOException {
    assertThat(copies).singleElement();
    assertThat(Files.readAllBytes(copies.get(0))).isEqualTo(bytes);
    assertThat(warnings.stream().filter(w -> w.contains("was corrupt")))
        .singleElement()
        .asString()
        .contains(file.toString())
        .contains(copies.get(0).toString());
    if (kind.file().equals(FileStateStore.METRICS)) {
      assertThat(first.orElseThrow()).isEqualTo(ViabilityMetrics.defaults());
    } else if (kind.file().equals(FileStateStore.REGISTRY)) {
      assertThat(((AgentRegistry) first.orElseThrow()).agents()).hasSize(9);
    } else {
      assertThat(first).isEmpty();
    }
  }
}
