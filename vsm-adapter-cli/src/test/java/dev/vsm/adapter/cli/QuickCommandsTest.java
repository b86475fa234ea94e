package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quick path of the read commands against picocli: one table of command lines, each run through
 * both on identical state. Where the quick path takes a command line it must answer exactly as
 * picocli does (exit code, stdout, stderr); the forms hooks and scripts use must be taken by it.
 */
class QuickCommandsTest {

  @TempDir Path tmp;

  static Stream<Arguments> table() {
    return Stream.of(
        // taken by the quick path
        quick("-d {DIR} --state"),
        quick("-d {DIR} --state --json"),
        quick("--json -d {DIR} --state"),
        quick("-d {DIR} state"),
        quick("state -d {DIR}"),
        quick("state --json -d {DIR}"),
        quick("--dir={DIR} state"),
        quick("-d {DIR} --log"),
        quick("-d {DIR} --log --log-count=3"),
        quick("-d {DIR} --log --log-count 0"),
        quick("-d {DIR} --log --json --log-count 2"),
        quick("-d {DIR} --log --task t1"),
        quick("-d {DIR} --task t1 --log"),
        quick("-d {DIR} --log --task nope"),
        quick("-d {DIR} log"),
        quick("-d {DIR} log -n 3"),
        quick("-d {DIR} log --count=2 --json"),
        quick("-d {DIR} log --task t1 --json"),
        quick("-d {DIR} log --log-count 1 --task t1"),
        quick("-d {DIR} log -n 0"),
        quick("-d {DIR} tasks"),
        quick("tasks -d {DIR} --json"),
        quick("-d {DIR} tasks --since 2026-11-24"),
        quick("-d {DIR} tasks --since=2026-11-25 --json"),
        quick("-d {DIR}/missing state"),
        quick("-d {DIR}/missing --log --json"),
        quick("-d {DIR} hook session-end"),
        quick("-d {DIR} hook post-tool-use --plugin"),
        quick("hook --plugin session-start -d {DIR}"),
        quick("-d {DIR} hook no-such-event"),
        quick("-d {DIR}/missing hook session-end"),
        // left to picocli (errors, help, other options); must agree if ever taken
        either("-d {DIR} --state --log"),
        either("-d {DIR} --json state"),
        either("-d {DIR} state --bogus"),
        either("-d {DIR} --log --log-count abc"),
        either("-d {DIR} log -n -1"),
        either("-d {DIR} --state --task t1"),
        either("-d {DIR} -v --state"),
        either("-d {DIR} state extra"),
        either("-d {DIR} --log-count 3 log"),
        either("-d {DIR} log --task"),
        either("-d {DIR} state --help"),
        either("-d {DIR} state -d {DIR}"),
        either("-d {DIR} tasks --since yesterday"),
        either("-d {DIR} --since 2026-11-24 tasks"),
        either("-d {DIR} log --since 2026-11-24"),
        either("-d {DIR} hook"),
        either("-d {DIR} hook session-end extra"),
        either("-d {DIR} hook session-end --json"),
        either("-d {DIR} hook session-end --plugin --plugin"),
        either("-d {DIR} hook session-end --bogus"),
        either("-d {DIR} --plugin hook session-end"),
        either("-d {DIR} hook session-end --since 2026-11-24"));
  }

  private static Arguments quick(String line) {
    return Arguments.of(line, true);
  }

  private static Arguments either(String line) {
    return Arguments.of(line, false);
  }

  /** A project with state and a log holding control characters and long data. */
  private Path project(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Path state = Files.createDirectories(dir.resolve(".claude/vsm-state"));
    Files.writeString(
        state.resolve("current-task.json"),
        "{\"id\": \"t1\", \"description\": \"Fix \\u001b[2Jthe\\rparser\", \"created_at\":"
            + " \"2026-11-24T22:00:00Z\", \"status\": \"completed\", \"complexity\": \"medium\","
            + " \"assigned_agents\": [\"code-writer\"], \"metadata\": {}}");
    Files.writeString(
        state.resolve("viability-metrics.json"),
        "{\"completion_rate\": 0.6, \"agent_errors\": {\"tester\": 0.4}}");
    StringBuilder log = new StringBuilder();
    String[] types = {"task_started", "agent_invoked", "agent_completed", "task_completed"};
    for (int i = 0; i < 8; i++) {
      String task = i < 4 ? "t0" : "t1";
      log.append(
          String.format(
              "{\"timestamp\": \"2026-11-24T22:00:0%dZ\", \"event_type\": \"%s\", \"task_id\":"
                  + " \"%s\", \"agent\": \"s1-code-writer\", \"data\": {\"note\": \"esc \\u001b]0;x"
                  + " and a long text %s\"}, \"session_id\": \"s\"}%n",
              i, types[i % 4], task, "y".repeat(200)));
    }
    Files.writeString(state.resolve("execution-log.jsonl"), log.toString());
    return dir;
  }

  private static String[] argv(String line, Path dir) {
    return Arrays.stream(line.split(" "))
        .map(a -> a.replace("{DIR}", dir.toString()))
        .toArray(String[]::new);
  }

  @ParameterizedTest
  @MethodSource("table")
  void the_quick_path_answers_exactly_as_picocli(String line, boolean mustBeQuick)
      throws IOException {
    Path a = project("a");
    Path b = project("b");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    OptionalInt quick =
        QuickCommands.tryRun(
            argv(line, a),
            Map.of(),
            Terminal.NONE,
            InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    if (mustBeQuick) {
      assertThat(quick).as("taken by the quick path: " + line).isPresent();
    }
    if (quick.isEmpty()) {
      return;
    }
    InProcessVsm.Run picocli = new InProcessVsm(b).exactly(argv(line, b));

    assertThat(quick.getAsInt()).as(line).isEqualTo(picocli.code());
    assertThat(out.toString(StandardCharsets.UTF_8).replace(a.toString(), "DIR"))
        .as(line)
        .isEqualTo(picocli.out().replace(b.toString(), "DIR"));
    assertThat(err.toString(StandardCharsets.UTF_8).replace(a.toString(), "DIR"))
        .as(line)
        .isEqualTo(picocli.err().replace(b.toString(), "DIR"));
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b");
  }
}
