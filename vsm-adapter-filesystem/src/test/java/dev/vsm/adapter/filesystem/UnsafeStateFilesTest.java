package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * §10: a cloned repository can ship symbolic links, FIFOs and huge files where vsm keeps its state.
 * Nothing is read or written through a link below the working directory; a non-regular file is
 * refused; an oversized state file is corrupt (kept aside).
 */
class UnsafeStateFilesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  private Path work;
  private Path outside;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    work = Files.createDirectories(tmp.resolve("repo"));
    outside = Files.createDirectories(tmp.resolve("outside"));
  }

  private StateStore store() {
    return FileSystemAdapters.stateStore(work, CLOCK, warnings::add);
  }

  private ExecutionLog log() {
    return FileSystemAdapters.executionLog(work, "abcdef123456", warnings::add);
  }

  private Path stateDir() throws IOException {
    return Files.createDirectories(FileSystemAdapters.stateDirectory(work));
  }

  private static LogEntry entry(String task) {
    return LogEntry.of(
        "2026-01-01T00:00:00Z", EventType.TASK_STARTED, task, null, Map.of("n", 1), "s");
  }

  private static CurrentTask task() {
    return new CurrentTask(
        "t1", "$(touch /tmp/x)", "", TaskStatus.IN_PROGRESS, "simple", List.of(), Map.of());
  }

  /** A shell script outside the state directory, as a cloned repository could point at. */
  private Path script() throws IOException {
    Path s = outside.resolve("hook.sh");
    Files.writeString(s, "#!/bin/sh\necho hi\n");
    return s;
  }

  private static void refusedNaming(Path link, Executable action) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, action);
          assertThat(t)
              .isInstanceOf(StateAccessException.class)
              .hasMessageContaining(link.toString())
              .hasMessageNotContaining("\n");
        });
  }

  private List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void the_log_is_never_appended_through_a_symbolic_link() throws IOException {
    Path target = script();
    Path link = Files.createSymbolicLink(stateDir().resolve("execution-log.jsonl"), target);

    refusedNaming(link, () -> log().append(entry("t")));
    refusedNaming(link, () -> log().readAll());
    refusedNaming(link, () -> log().recent(5));
    refusedNaming(link, () -> log().readTask("t"));

    assertThat(Files.readString(target)).isEqualTo("#!/bin/sh\necho hi\n");
  }

  @Test
  void a_dangling_log_link_does_not_create_its_target() throws IOException {
    Path target = outside.resolve("created-by-vsm");
    Path link = Files.createSymbolicLink(stateDir().resolve("execution-log.jsonl"), target);

    refusedNaming(link, () -> log().append(entry("t")));

    assertThat(Files.exists(target, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void a_linked_state_directory_is_refused_and_nothing_is_written_in_its_target()
      throws IOException {
    Path claude = Files.createDirectories(work.resolve(".claude"));
    Path link = Files.createSymbolicLink(claude.resolve("vsm-state"), outside);

    refusedNaming(link, () -> store().saveCurrentTask(task()));
    refusedNaming(link, () -> store().updateMetrics(m -> m));
    refusedNaming(link, () -> store().snapshot());
    refusedNaming(link, () -> store().reset());
    refusedNaming(link, () -> log().append(entry("t")));
    refusedNaming(link, () -> log().clear());

    assertThat(listing(outside)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void a_linked_claude_directory_is_refused_wherever_it_points(boolean insideTheRepository)
      throws IOException {
    Path target =
        insideTheRepository ? Files.createDirectories(work.resolve("config/claude")) : outside;
    Path link = Files.createSymbolicLink(work.resolve(".claude"), target);

    refusedNaming(link, () -> store().saveCurrentTask(task()));
    refusedNaming(link, () -> store().metrics());
    refusedNaming(link, () -> log().append(entry("t")));
    refusedNaming(link, () -> log().recent(3));

    assertThat(listing(target)).isEmpty();
  }

  @Test
  void a_linked_lock_file_is_refused_and_its_target_not_created() throws IOException {
    Path target = outside.resolve("lock-target");
    Path link = Files.createSymbolicLink(stateDir().resolve("vsm.lock"), target);

    refusedNaming(link, () -> store().updateMetrics(m -> m.withS3S4Conflict("now")));
    refusedNaming(link, () -> log().append(entry("t")));

    assertThat(Files.exists(target, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(stateDir().resolve("viability-metrics.json"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "current-task.json",
        "viability-metrics.json",
        "agent-registry.json",
        "s3-allocations.json",
        "s4-environment.json",
        "coordination-plan.json"
      })
  void a_linked_state_file_is_neither_read_nor_written_through(String name) throws IOException {
    Path target = outside.resolve("secret.json");
    Files.writeString(target, "{\"id\": \"from-outside\"}");
    Path link = Files.createSymbolicLink(stateDir().resolve(name), target);

    refusedNaming(link, () -> store().snapshot());
    refusedNaming(
        link,
        () -> {
          StateStore s = store();
          s.saveCurrentTask(task());
          s.updateMetrics(m -> m);
          s.updateRegistry(r -> r);
          s.saveAllocation(
              new dev.vsm.domain.cycle.S3Allocation("t1", "simple", List.of(), "", "", false));
          s.saveEnvironment(
              new dev.vsm.domain.cycle.S4Environment(
                  "t1", "", List.of(), List.of(), List.of(), "", ""));
          s.saveCoordinationPlan(new dev.vsm.domain.cycle.CoordinationPlan("t1", Map.of(), ""));
        });

    assertThat(Files.readString(target)).isEqualTo("{\"id\": \"from-outside\"}");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void a_linked_rotated_log_is_not_read_and_rotation_writes_nothing_through_it()
      throws IOException {
    Path target = script();
    Path link = Files.createSymbolicLink(stateDir().resolve("execution-log.2.jsonl"), target);

    refusedNaming(link, () -> log().readAll());
    ExecutionLog small = FileSystemAdapters.executionLog(work, "s", warnings::add, 300);
    for (int i = 0; i < 6; i++) { // rotates past the link several times
      small.append(entry("t" + i));
    }

    assertThat(Files.readString(target)).isEqualTo("#!/bin/sh\necho hi\n");
  }

  @Test
  void a_corrupt_copy_never_lands_on_a_link_of_the_same_name() throws IOException {
    Path target = script();
    Path taken =
        Files.createSymbolicLink(
            stateDir().resolve("current-task.json.corrupt-20260301T120000Z"), target);
    Files.writeString(stateDir().resolve("current-task.json"), "garbage");

    assertThat(store().currentTask()).isEmpty();

    assertThat(Files.readString(target)).isEqualTo("#!/bin/sh\necho hi\n");
    assertThat(Files.isSymbolicLink(taken)).isTrue();
    assertThat(Files.readString(stateDir().resolve("current-task.json.corrupt-20260301T120000Z-1")))
        .isEqualTo("garbage");
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path p = stateDir().resolve(name);
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mk.exitValue()).isZero();
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"viability-metrics.json", "current-task.json", "agent-registry.json"})
  void a_state_file_that_is_a_fifo_is_refused_without_hanging(String name) throws Exception {
    Path fifo = fifo(name);

    refusedNaming(fifo, () -> store().snapshot());
  }

  @Test
  void a_fifo_is_not_replaced_by_a_write() throws Exception {
    Path fifo = fifo("current-task.json");

    refusedNaming(fifo, () -> store().saveCurrentTask(task()));
  }

  @Test
  void a_log_that_is_a_fifo_is_refused_without_hanging() throws Exception {
    Path log = fifo("execution-log.jsonl");

    refusedNaming(log, () -> log().recent(5));
    refusedNaming(log, () -> log().readAll());
    refusedNaming(log, () -> log().readTask("t"));
    refusedNaming(log, () -> log().append(entry("t")));
  }

  @Test
  void a_lock_that_is_a_fifo_is_refused_without_hanging() throws Exception {
    Path lock = fifo("vsm.lock");

    refusedNaming(lock, () -> store().updateMetrics(m -> m));
  }

  @Test
  void a_state_file_that_is_a_directory_is_refused() throws IOException {
    Path dir = Files.createDirectories(stateDir().resolve("current-task.json"));

    refusedNaming(dir, () -> store().currentTask());
  }

  @Test
  void a_three_gigabyte_state_file_is_kept_aside_as_corrupt_and_defaults_are_used()
      throws IOException {
    Path metrics = stateDir().resolve("viability-metrics.json");
    try (RandomAccessFile f = new RandomAccessFile(metrics.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: no disk used
    }

    assertThat(store().metrics()).isEqualTo(ViabilityMetrics.defaults());

    Path aside = stateDir().resolve("viability-metrics.json.corrupt-20260301T120000Z");
    assertThat(Files.size(aside)).isEqualTo(3L << 30);
    assertThat(Files.exists(metrics)).isFalse();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(metrics.toString())
        .contains(aside.toString())
        .contains("larger than 16 MiB");
    Files.delete(aside);
  }

  @Test
  void a_state_file_just_over_the_limit_is_corrupt_and_one_at_the_limit_is_read()
      throws IOException {
    Path plan = stateDir().resolve("coordination-plan.json");
    String head = "{\"task_id\": \"t1\", \"plan\": {\"note\": \"";
    String tail = "\"}}";
    int limit = 16 << 20;
    Files.writeString(plan, head + "x".repeat(limit - head.length() - tail.length()) + tail);

    assertThat(store().coordinationPlan()).isPresent();

    Files.writeString(plan, " ", StandardOpenOption.APPEND);
    assertThat(store().coordinationPlan()).isEmpty();
    assertThat(warnings).singleElement().asString().contains("larger than 16 MiB");
  }

  @Test
  void a_state_file_is_the_users_alone_and_its_temporary_file_is_gone_after_the_write()
      throws IOException {
    StateStore s = store();
    s.saveCurrentTask(task());
    s.saveCurrentTask(task());

    Path dir = stateDir();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("current-task.json"))))
        .isEqualTo("rw-------");
    try (var names = Files.list(dir)) {
      assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void vsm_never_writes_a_state_file_it_would_refuse_to_read() throws IOException {
    String huge = "x".repeat(16 << 20);
    StateStore s = store();

    assertThatThrownBy(
            () ->
                s.saveCoordinationPlan(
                    new dev.vsm.domain.cycle.CoordinationPlan("t1", Map.of("note", huge), "")))
        .isInstanceOf(StateAccessException.class)
        .hasMessageContaining("coordination-plan.json")
        .hasMessageContaining("16 MiB");
    assertThat(Files.exists(stateDir().resolve("coordination-plan.json"))).isFalse();
  }

  @Test
  void a_log_line_longer_than_the_limit_is_skipped_by_every_reader_without_being_held()
      throws IOException {
    ExecutionLog log = log();
    log.append(entry("t"));
    Path file = stateDir().resolve("execution-log.jsonl");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() + (200L << 20)); // a 200 MB line of NUL bytes, no newline
    }
    Files.write(file, "\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    log.append(entry("t"));

    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          assertThat(log.recent(5)).hasSize(2);
          assertThat(log.readAll()).hasSize(2);
          assertThat(log.readTask("t")).hasSize(2);
        });
    assertThat(warnings)
        .hasSize(2)
        .allSatisfy(w -> assertThat(w).contains("skipped 1 unreadable line"));
  }
}
