package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Claude Code CLI ({@code VSM_REAL_CLAUDE}, installed by {@code .ci/run}) run offline and
 * without credentials, with a home directory of its own so nothing of the user's Claude Code set-up
 * is read or changed. Tests that need it are skipped where it is not installed, never under CI.
 */
final class RealClaude {

  static final String CLI = System.getenv("VSM_REAL_CLAUDE");

  /** The repository's root (tests run in the module's folder). */
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  record Run(int code, String out, String err) {}

  private final Path home;

  private RealClaude(Path home) {
    this.home = home;
  }

  /** The CLI with {@code home} as its home, or the test is skipped when it is not installed. */
  static RealClaude withHome(Path home) throws IOException {
    if (CLI == null || CLI.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI must set VSM_REAL_CLAUDE to the real Claude Code CLI");
      }
      Assumptions.abort("VSM_REAL_CLAUDE is not set: the real Claude Code CLI is not installed");
    }
    return new RealClaude(Files.createDirectories(home));
  }

  Path home() {
    return home;
  }

  /** A process builder for {@code claude ARGS} in {@code cwd}, offline, logged out. */
  ProcessBuilder builder(Path cwd, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(CLI);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    List.of(
            "ANTHROPIC_API_KEY",
            "ANTHROPIC_AUTH_TOKEN",
            "CLAUDE_CODE_OAUTH_TOKEN",
            "CLAUDECODE",
            "CLAUDE_CODE_ENTRYPOINT",
            "CLAUDE_SESSION_ID",
            "CLAUDE_PLUGIN_ROOT",
            "VSM_TASK_ID",
            "VSM_AGENT")
        .forEach(env::remove);
    env.put("HOME", home.toString());
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    return pb;
  }

  Run run(Path cwd, String stdin, String... args) throws Exception {
    return run(builder(cwd, List.of(args)), stdin);
  }

  static Run run(ProcessBuilder pb, String stdin) throws Exception {
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("claude finished").isTrue();
    return new Run(p.exitValue(), out.get(), err.get());
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
