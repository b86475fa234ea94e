package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quick path of the read commands against picocli: one table of command lines, each run through
 * both on identical state. Where the quick path takes a command line it must answer exactly as
 * picocli does (exit code, stdout, stderr, what it records in the log); the forms hooks and scripts
 * use must be taken by it, and the others left to picocli, whose answer the table gives.
 */
class QuickCommandsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

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
        quick("-d {DIR} hook @{DIR}/targs"),
        quick("-d {DIR} log --task @{DIR}/targs"),
        quick("-d {DIR} analyze Add OAuth2 login to the API"),
        quick("analyse -d {DIR} Refactor"),
        quick("-d {DIR} analyze --json Fix a typo"),
        quick("-d {DIR} --analyze Fix a typo"),
        quick("-d {DIR} --analyze --json Migrate the database"),
        quick("-d {DIR} analyze"),
        quick("-d {DIR}/missing analyze Fix it"),
        quick("--version"),
        quick("-V"),
        quick("-d {DIR}/missing run Fix it"),
        // left to picocli (errors, help, other options), with the exit code it gives
        picocli("-d {DIR} --state --log", 2),
        picocli("-d {DIR} --json state", 2),
        picocli("-d {DIR} state --bogus", 2),
        picocli("-d {DIR} --log --log-count abc", 2),
        picocli("-d {DIR} log -n -1", 2),
        picocli("-d {DIR} log -n abc", 2),
        picocli("-d {DIR} --state --task t1", 2),
        picocli("-d {DIR} -v --state", 0),
        picocli("-d {DIR} state extra", 2),
        picocli("-d {DIR} state @{DIR}/targs", 2),
        picocli("-d {DIR} --log-count 3 log", 2),
        picocli("-d {DIR} log --task", 2),
        picocli("-d {DIR} state --help", 0),
        picocli("-d {DIR} state -d {DIR}", 0),
        picocli("-d {DIR} tasks --since yesterday", 2),
        picocli("-d {DIR} --since 2026-11-24 tasks", 2),
        picocli("-d {DIR} log --since 2026-11-24", 2),
        picocli("-d {DIR} hook", 2),
        picocli("-d {DIR} hook session-end extra", 2),
        picocli("-d {DIR} hook session-end --json", 2),
        picocli("-d {DIR} hook session-end --plugin --plugin", 2),
        picocli("-d {DIR} hook session-end --bogus", 2),
        picocli("-d {DIR} --plugin hook session-end", 2),
        picocli("-d {DIR} hook session-end --since 2026-11-24", 2),
        picocli("-d {DIR} analyze --complex Add a login", 0),
        picocli("-d {DIR} analyze --rules {DIR}/none.json Add a login", 2),
        picocli("-d {DIR} analyze -- -x", 0),
        picocli("-d {DIR} analyze Fix it --task t1", 2),
        picocli("-d {DIR} Fix it --analyze", 0),
        picocli("-d {DIR} --version", 0),
        picocli("--version --json", 0),
        picocli("-d {DIR} stat", 2),
        picocli("-d {DIR} run", 2),
        picocli("-d {DIR} plan Fix it", 0),
        picocli("-d {DIR} --json run Fix it", 2),
        picocli("-d {DIR} run --model opus Fix it", 3),
        picocli("-d {DIR} run --simple --complex Fix it", 2),
        picocli("-d {DIR} Fix it --state", 2));
  }

  private static Arguments quick(String line) {
    return Arguments.of(line, null);
  }

  private static Arguments picocli(String line, int code) {
    return Arguments.of(line, code);
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
    // An argument file, as picocli would expand "@FILE": vsm reads such a word as it is.
    Files.writeString(dir.resolve("targs"), "--json\n");
    return dir;
  }

  private static String[] argv(String line, Path dir) {
    return Arrays.stream(line.split(" "))
        .map(a -> a.replace("{DIR}", dir.toString()))
        .toArray(String[]::new);
  }

  /**
   * The state files of {@code project} by name; the log with each entry's time and session taken
   * out, which differ from run to run.
   */
  private static Map<String, Object> stateOf(Path project) throws IOException {
    Path state = project.resolve(".claude/vsm-state");
    Map<String, Object> files = new TreeMap<>();
    if (!Files.isDirectory(state)) {
      return files;
    }
    try (Stream<Path> list = Files.list(state)) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), "");
      }
    }
    Path log = state.resolve("execution-log.jsonl");
    if (Files.exists(log)) {
      List<Object> entries = new ArrayList<>();
      for (String line : Files.readAllLines(log)) {
        Map<?, ?> entry = JSON.readValue(line.replace(project.toString(), "DIR"), Map.class);
        entry.remove("timestamp");
        entry.remove("session_id");
        entries.add(entry);
      }
      files.put(log.getFileName().toString(), entries);
    }
    return files;
  }

  @ParameterizedTest
  @MethodSource("table")
  void the_quick_path_answers_exactly_as_picocli(String line, Integer picocliCode)
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
    InProcessVsm.Run picocli = new InProcessVsm(b).exactly(argv(line, b));

    if (picocliCode != null) {
      assertThat(quick).as("left to picocli: " + line).isEmpty();
      assertThat(picocli.code()).as(line + ": " + picocli.err()).isEqualTo(picocliCode);
      if (picocliCode == ExitCode.USAGE) {
        assertThat(picocli.err()).as(line).startsWith("vsm: ").hasLineCount(1);
      }
      return;
    }
    assertThat(quick).as("taken by the quick path: " + line).isPresent();
    assertThat(quick.getAsInt()).as(line).isEqualTo(picocli.code());
    assertThat(out.toString(StandardCharsets.UTF_8).replace(a.toString(), "DIR"))
        .as(line)
        .isEqualTo(picocli.out().replace(b.toString(), "DIR"));
    assertThat(err.toString(StandardCharsets.UTF_8).replace(a.toString(), "DIR"))
        .as(line)
        .isEqualTo(picocli.err().replace(b.toString(), "DIR"));
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b");
    assertThat(stateOf(a)).as(line).isEqualTo(stateOf(b));
  }

  @Test
  void the_quick_path_knows_every_command_name() {
    assertThat(QuickCommands.COMMAND_NAMES).isEqualTo(Subcommands.names());
  }

  static Stream<String> cycles() {
    return Stream.of(
        "-d {DIR} Add user validation",
        "-d {DIR} run Add user validation",
        "run -d {DIR} --claude-command {CLAUDE} --no-progress Add the state file",
        "-d {DIR} --claude-command {CLAUDE} Add user validation",
        "-d {DIR} --claude-command={CLAUDE} --json --complex Add user validation",
        "-v -d {DIR} run --medium Fix it",
        "-d {DIR} run Fix it -v --json",
        "-d {DIR} fix the state file --no-progress",
        "-d {DIR} -- state",
        "-d {DIR} run -- --state log",
        "-d {DIR} --simple -- -x");
  }

  /** What picocli makes of a cycle's command line, in the quick path's terms. */
  private static QuickCommands.Request byPicocli(String[] argv) {
    CommandLine cmd =
        Main.commandLine(
            new VsmCommand.Context(Map.of(), InputStream.nullInputStream(), null, Terminal.NONE),
            argv);
    CommandLine.ParseResult parsed = cmd.parseArgs(argv);
    VsmCommand top = cmd.getCommand();
    boolean legacy = !parsed.hasSubcommand();
    RunCommand run = legacy ? null : parsed.subcommand().commandSpec().commandLine().getCommand();
    SharedOptions.Agents agents = legacy ? top.agents : run.agents;
    return new QuickCommands.Request(
        "run",
        legacy,
        top.dir,
        legacy ? top.json.json : run.json.json,
        null,
        null,
        null,
        null,
        false,
        legacy ? top.task : run.task,
        new QuickCommands.Run(
            agents == null ? null : agents.claudeCommand,
            agents != null && agents.noProgress,
            legacy ? top.hint.complexity() : run.hint.complexity(),
            top.verbose));
  }

  @ParameterizedTest
  @MethodSource("cycles")
  void the_quick_path_reads_a_cycle_as_picocli_does(String line) {
    String[] argv = argv(line.replace("{CLAUDE}", "/opt/claude"), tmp);
    QuickCommands.Request quick = QuickCommands.parse(argv);
    assertThat(quick).as("taken by the quick path: " + line).isNotNull();
    assertThat(quick).as(line).isEqualTo(byPicocli(argv));
  }

  @Test
  void a_quick_cycle_answers_as_picocli_does() throws IOException {
    Path a = project("a");
    Path b = project("b");
    Path claude = FakeClaude.installIn(tmp.resolve("claude")).command();
    String line = "-d {DIR} --claude-command " + claude + " Add user validation";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    OptionalInt quick =
        QuickCommands.tryRun(
            argv(line, a),
            Map.of("PATH", "/usr/bin:/bin"),
            Terminal.NONE,
            InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    InProcessVsm.Run picocli = new InProcessVsm(b).exactly(argv(line, b));

    assertThat(quick).hasValue(picocli.code());
    assertThat(settled(out.toString(StandardCharsets.UTF_8), a))
        .contains("VSM Cycle Complete: SUCCESS")
        .isEqualTo(settled(picocli.out(), b));
    assertThat(settled(err.toString(StandardCharsets.UTF_8), a))
        .isEqualTo(settled(picocli.err(), b));
  }

  /** Output without what differs from run to run: task ids, times, the directory. */
  private static String settled(String text, Path dir) {
    return text.replace(dir.toString(), "DIR")
        .replaceAll("[0-9a-f]{8}", "ID")
        .replaceAll("[0-9]+\\.[0-9]s", "Ts");
  }
}
