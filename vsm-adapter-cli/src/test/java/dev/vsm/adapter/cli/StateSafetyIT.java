package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * §10 through the packaged jar: what a cloned repository can ship in {@code .claude} (links, a
 * FIFO, a huge file) gives a one-line error and exit 3, or is kept aside, and never a hang, a stack
 * trace or a write outside the state directory.
 */
class StateSafetyIT {

  @TempDir Path tmp;
  private Path project;
  private Path outside;
  private FakeClaude claude;

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    claude = FakeClaude.installIn(tmp.resolve("bin"));
  }

  private PackagedVsm.Result vsm(String... args) throws Exception {
    List<String> all =
        new ArrayList<>(
            List.of("-d", project.toString(), "--claude-command", claude.command().toString()));
    all.addAll(List.of(args));
    return PackagedVsm.run(PackagedVsm.builder(project, all), 60);
  }

  private Path stateDir() throws IOException {
    return Files.createDirectories(project.resolve(".claude/vsm-state"));
  }

  private static void refusedInOneLine(PackagedVsm.Result r, Path named) {
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err().lines().toList())
        .as(r.err())
        .singleElement()
        .asString()
        .startsWith("vsm: ")
        .contains(named.toString());
  }

  @Test
  void a_cycle_refuses_a_log_linked_to_a_script_and_leaves_the_script_alone() throws Exception {
    Path script = outside.resolve("build.sh");
    Files.writeString(script, "#!/bin/sh\necho building\n");
    Path link = Files.createSymbolicLink(stateDir().resolve("execution-log.jsonl"), script);

    PackagedVsm.Result r = vsm("$(touch " + outside.resolve("ran") + ")");

    refusedInOneLine(r, link);
    assertThat(Files.readString(script)).isEqualTo("#!/bin/sh\necho building\n");
    assertThat(claude.calls()).isEmpty();
  }

  @Test
  void state_refuses_a_linked_state_directory() throws Exception {
    Files.createDirectories(project.resolve(".claude"));
    Path link = Files.createSymbolicLink(project.resolve(".claude/vsm-state"), outside);

    refusedInOneLine(vsm("--state"), link);
    refusedInOneLine(vsm("Add a login feature"), link);
    try (Stream<Path> s = Files.list(outside)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void state_refuses_a_linked_claude_directory() throws Exception {
    Path link = Files.createSymbolicLink(project.resolve(".claude"), outside);

    refusedInOneLine(vsm("--log"), link);
    refusedInOneLine(vsm("--reset"), link);
    try (Stream<Path> s = Files.list(outside)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void a_cycle_refuses_a_linked_lock_file_and_does_not_create_its_target() throws Exception {
    Path target = outside.resolve("created");
    Path link = Files.createSymbolicLink(stateDir().resolve("vsm.lock"), target);

    refusedInOneLine(vsm("Add a login feature"), link);
    assertThat(Files.exists(target, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void state_refuses_a_fifo_at_once_instead_of_hanging() throws Exception {
    Path fifo = stateDir().resolve("current-task.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();

    refusedInOneLine(vsm("--state"), fifo);
  }

  @Test
  void a_three_gigabyte_metrics_file_is_kept_aside_and_state_shows_defaults() throws Exception {
    Path metrics = stateDir().resolve("viability-metrics.json");
    try (RandomAccessFile f = new RandomAccessFile(metrics.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse
    }

    PackagedVsm.Result r = vsm("--state");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Completion Rate: 100.00%");
    assertThat(r.err())
        .contains(metrics.toString(), "larger than 16 MiB", "viability-metrics.json.corrupt-")
        .doesNotContain("Exception");
    try (Stream<Path> s = Files.list(stateDir())) {
      for (Path p : s.filter(p -> p.toString().contains(".corrupt-")).toList()) {
        Files.delete(p);
      }
    }
  }
}
