package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hooks, the read commands ({@code state}, {@code log}, {@code tasks}) and {@code analyze} of a
 * few tasks start no lambda. The first lambda, method reference or stream of a process sets up the
 * JDK's method-handle machinery, ~12 ms of a ~150 ms command (BENCHMARKS.md), and the hooks run on
 * every tool use and every agent's end. Each command runs as the packaged jar with {@code
 * -Xlog:class+load} over the state files the Python implementation left after a cycle (agent error
 * rates, active adaptations, a registry, a current task), twice, so the second run finds what the
 * first wrote.
 */
class ShortCommandsStartNoLambdaIT {

  @TempDir Path tmp;
  private Path project;

  @BeforeEach
  void setUp() throws Exception {
    project = Files.createDirectories(tmp.resolve("project"));
    Path state = Files.createDirectories(project.resolve(".claude/vsm-state"));
    Path sample =
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("vsm-adapter-filesystem/src/test/resources/python-state-sample");
    try (Stream<Path> files = Files.list(sample)) {
      for (Path f : files.toList()) {
        Files.copy(f, state.resolve(f.getFileName()));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // command, hook payload on standard input (none: empty), a class the command must load
    "hook post-tool-use --plugin, post-tool-use-edit.json, FileExecutionLog",
    "hook subagent-stop --plugin, subagent-stop.json, HookService",
    "hook session-start --plugin, session-start.json, HealthCheck",
    "state, , HealthCheck",
    "state --json, , StateDocuments",
    "log, , LogView",
    "log --json, , LogDocuments",
    "tasks, , TaskHistory",
    "tasks --json, , TaskHistory",
    // One task and two (words joined by hyphens: the command is split at spaces).
    "analyze Add-user-authentication-with-OAuth2, , ComplexityAnalyzer",
    "analyze --json Drop-the-old-installer Fix-a-typo-in-the-README, , ComplexityAnalyzer",
  })
  void starts_no_lambda(String command, String payload, String loaded) throws Exception {
    for (int run = 1; run <= 2; run++) {
      Path classes = tmp.resolve("classes-" + run + ".txt");
      ProcessBuilder pb = PackagedVsm.builder(project, Arrays.asList(command.split(" ")));
      pb.command().add(1, "-Xlog:class+load:file=" + classes);
      pb.environment().put("CLAUDE_PROJECT_DIR", project.toString());
      HookProcessIT.Run r =
          HookProcessIT.run(pb, payload == null ? "" : HookInputTest.fixture(payload));

      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.err()).isEmpty();
      List<String> lines = Files.readAllLines(classes);
      assertThat(lines)
          .as("classes loaded by `%s`, run %d", command, run)
          .anyMatch(line -> line.contains("." + loaded + " "))
          .noneMatch(line -> line.contains("java.lang.invoke.LambdaMetafactory "))
          .noneMatch(line -> line.contains("$$Lambda"));
    }
  }
}
