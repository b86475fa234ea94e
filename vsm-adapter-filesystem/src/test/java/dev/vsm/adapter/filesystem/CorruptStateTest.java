package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CorruptStateTest {

  @TempDir Path work;
  private final List<String> warnings = new ArrayList<>();

  private StateStore store() {
    return FileSystemAdapters.stateStore(work, Clock.systemUTC(), warnings::add);
  }

  private Path stateFile(String name) throws IOException {
    Path dir = FileSystemAdapters.stateDirectory(work);
    Files.createDirectories(dir);
    return dir.resolve(name);
  }

  private List<Path> corruptCopies() throws IOException {
    try (Stream<Path> s = Files.list(FileSystemAdapters.stateDirectory(work))) {
      return s.filter(p -> p.getFileName().toString().contains(".corrupt-")).toList();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "viability-metrics.json|{not json",
        "viability-metrics.json|{\"completion_rate\": \"high\"}",
        "viability-metrics.json|[1, 2, 3]",
        "current-task.json|{\"description\": \"no id\"}",
        "current-task.json|\u0000\u0001garbage",
        "agent-registry.json|{\"agents\": {\"x\": 5}}",
        "s3-allocations.json|{\"selected_agents\": \"backend\"}",
        "s4-environment.json|{\"risks\": {}}",
        "coordination-plan.json|{\"plan\": []}"
      })
  void a_corrupt_file_is_moved_aside_with_a_warning_and_defaults_are_used(
      String name, String content) throws IOException {
    Files.writeString(stateFile(name), content);

    var snapshot = store().snapshot();

    assertThat(snapshot.metrics()).isEqualTo(ViabilityMetrics.defaults());
    assertThat(Files.exists(stateFile(name))).isFalse();
    List<Path> copies = corruptCopies();
    assertThat(copies)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getFileName().toString())
                  .matches(java.util.regex.Pattern.quote(name) + "\\.corrupt-\\d{8}T\\d{6}Z");
              assertThat(Files.readString(p)).isEqualTo(content);
            });
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .contains(stateFile(name).toString())
                    .contains(copies.get(0).toString()));
  }

  @Test
  void a_corrupt_metrics_file_is_replaced_only_after_being_kept_and_updates_continue()
      throws IOException {
    Files.writeString(stateFile("viability-metrics.json"), "garbage");

    ViabilityMetrics m = store().updateMetrics(x -> x.withS3S4Conflict("t"));

    assertThat(m.s3S4Conflicts()).isEqualTo(1);
    assertThat(corruptCopies()).hasSize(1);
    assertThat(store().metrics().s3S4Conflicts()).isEqualTo(1);
  }

  @Test
  void a_second_corruption_in_the_same_second_gets_its_own_copy() throws IOException {
    Files.writeString(stateFile("current-task.json"), "garbage 1");
    store().currentTask();
    Files.writeString(stateFile("current-task.json"), "garbage 2");
    store().currentTask();

    assertThat(corruptCopies()).hasSize(2);
  }

  @Test
  void reset_removes_the_state_files_but_not_the_log_or_corrupt_copies() throws IOException {
    Files.writeString(stateFile("current-task.json"), "garbage");
    store().currentTask();
    store().updateMetrics(x -> x);
    store().registry();
    Files.writeString(stateFile("execution-log.jsonl"), "{}\n");

    List<String> removed = store().reset();

    assertThat(removed)
        .hasSize(2)
        .allMatch(p -> p.endsWith("viability-metrics.json") || p.endsWith("agent-registry.json"));
    assertThat(Files.exists(stateFile("execution-log.jsonl"))).isTrue();
    assertThat(corruptCopies()).hasSize(1);
  }

  @Test
  void an_unwritable_state_directory_is_an_environment_error_naming_it() throws IOException {
    if ("root".equals(System.getProperty("user.name"))) {
      // root writes anywhere; use a path below a regular file instead
      Path blocker = work.resolve("blocker");
      Files.writeString(blocker, "x");
      StateStore s = FileSystemAdapters.stateStore(blocker, Clock.systemUTC(), warnings::add);
      assertThatThrownBy(() -> s.updateMetrics(x -> x))
          .isInstanceOf(StateAccessException.class)
          .hasMessageContaining("blocker");
      return;
    }
    Path ro = work.resolve("ro");
    Files.createDirectories(
        ro, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
    StateStore s = FileSystemAdapters.stateStore(ro, Clock.systemUTC(), warnings::add);
    assertThatThrownBy(() -> s.updateMetrics(x -> x)).isInstanceOf(StateAccessException.class);
  }
}
