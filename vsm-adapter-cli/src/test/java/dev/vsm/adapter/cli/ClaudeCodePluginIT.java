package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's Claude Code plugin ({@code plugin/}) and marketplace ({@code
 * .claude-plugin/marketplace.json}) as the real Claude Code CLI sees them: valid under {@code
 * --strict} (no error, no warning), and installable from a clone with one command, offline.
 */
class ClaudeCodePluginIT {

  private static final Path PLUGIN = RealClaude.REPOSITORY.resolve("plugin");

  @TempDir Path tmp;

  private static Map<?, ?> json(String text) {
    return JsonMapper.builder().build().readValue(text, Map.class);
  }

  private static List<String> builtInAgents() throws IOException {
    try (Stream<Path> files = Files.list(PLUGIN.resolve("agents"))) {
      return files
          .map(p -> p.getFileName().toString())
          .map(n -> "vsm:" + n.substring(0, n.length() - ".md".length()))
          .toList();
    }
  }

  @Test
  void the_plugin_passes_strict_validation_with_no_error_and_no_warning() throws Exception {
    RealClaude claude = RealClaude.withHome(tmp.resolve("home"));

    RealClaude.Run r = claude.run(tmp, "", "plugin", "validate", "--strict", "--json", "" + PLUGIN);

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    Map<?, ?> report = json(r.out());
    assertThat(report.get("success")).isEqualTo(true);
    Map<?, ?> manifest = (Map<?, ?>) report.get("manifest");
    assertThat((List<?>) manifest.get("errors")).isEmpty();
    assertThat((List<?>) manifest.get("warnings")).isEmpty();
    for (Object content : (List<?>) report.get("contents")) {
      assertThat((List<?>) ((Map<?, ?>) content).get("errors")).as("%s", content).isEmpty();
      assertThat((List<?>) ((Map<?, ?>) content).get("warnings")).as("%s", content).isEmpty();
    }
    Map<?, ?> provides = (Map<?, ?>) report.get("provides");
    assertThat(((List<?>) provides.get("agents")).stream().map(String::valueOf).toList())
        .hasSize(14)
        .containsExactlyInAnyOrderElementsOf(builtInAgents());
  }

  @Test
  void the_marketplace_passes_strict_validation_with_no_error_and_no_warning() throws Exception {
    RealClaude claude = RealClaude.withHome(tmp.resolve("home"));

    RealClaude.Run r =
        claude.run(tmp, "", "plugin", "validate", "--strict", "--json", "" + RealClaude.REPOSITORY);

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    Map<?, ?> report = json(r.out());
    assertThat(((Map<?, ?>) report.get("manifest")).get("type")).isEqualTo("marketplace");
    assertThat((List<?>) ((Map<?, ?>) report.get("manifest")).get("errors")).isEmpty();
    assertThat((List<?>) ((Map<?, ?>) report.get("manifest")).get("warnings")).isEmpty();
  }

  @Test
  void one_command_installs_the_plugin_from_the_clone_and_reads_it_in_place() throws Exception {
    RealClaude claude = RealClaude.withHome(tmp.resolve("home"));

    RealClaude.Run install =
        claude.run(
            tmp, "", "plugin", "install", "vsm", "--marketplace", "" + RealClaude.REPOSITORY);
    RealClaude.Run list = claude.run(tmp, "", "plugin", "list", "--json");

    assertThat(install.code()).as(install.out() + install.err()).isZero();
    Map<?, ?> vsm =
        ((List<?>) JsonMapper.builder().build().readValue(list.out(), List.class))
            .stream()
                .map(Map.class::cast)
                .filter(p -> "vsm@vsm".equals(p.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("vsm@vsm not installed: " + list.out()));
    assertThat(vsm.get("enabled")).isEqualTo(true);
    assertThat(vsm.get("readFromFolder")).isEqualTo(PLUGIN.toString());
  }

  // The plugin at work in a real session (offline: the session fails at login, but its hooks run
  // and its skills' shell lines run before the model would be asked).

  private String transcripts(RealClaude claude) throws IOException {
    Path projects = claude.home().resolve(".claude/projects");
    if (!Files.isDirectory(projects)) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(projects)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
  }

  private RealClaude.Run session(RealClaude claude, Path project, String prompt) throws Exception {
    ProcessBuilder pb =
        claude.builder(
            project, List.of("-p", "--output-format", "json", "--plugin-dir", PLUGIN.toString()));
    pb.environment().remove("VSM_HOME");
    pb.environment().put("VSM_NO_BUILD", "1"); // the jar of this build, never a rebuild
    return RealClaude.run(pb, prompt);
  }

  private static String sessionId(RealClaude.Run r) {
    return String.valueOf(json(r.out()).get("session_id"));
  }

  @Test
  void a_session_is_told_vsms_health_at_start_and_its_end_is_logged() throws Exception {
    RealClaude claude = RealClaude.withHome(tmp.resolve("home"));
    Path project = Files.createDirectories(tmp.resolve("project"));

    RealClaude.Run r = session(claude, project, "hello");

    assertThat(json(r.out()).get("result")).asString().contains("Not logged in");
    assertThat(transcripts(claude))
        .contains(
            "SessionStart hook additional context: vsm (Viable System Model orchestrator) in"
                + " this project: healthy.");
    // SessionEnd runs asynchronously and may finish after claude has exited.
    Path log = project.resolve(".claude/vsm-state/execution-log.jsonl");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(log) && Files.readString(log).contains("session_completed"))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Map<?, ?> entry = json(Files.readAllLines(log).get(0));
    assertThat(entry.get("event_type")).isEqualTo("session_completed");
    assertThat(entry.get("session_id")).isEqualTo(sessionId(r));
  }

  @Test
  void the_state_and_log_skills_run_vsm_with_their_allowed_tools() throws Exception {
    RealClaude claude = RealClaude.withHome(tmp.resolve("home"));
    Path project = Files.createDirectories(tmp.resolve("project"));

    RealClaude.Run state = session(claude, project, "/vsm:state");
    RealClaude.Run log = session(claude, project, "/vsm:log");

    for (RealClaude.Run r : List.of(state, log)) {
      assertThat(String.valueOf(json(r.out()).get("result")))
          .as(r.out())
          .doesNotContain("permission check failed")
          .contains("Not logged in");
    }
    String transcripts = transcripts(claude);
    assertThat(transcripts)
        .contains("vsm's state in this project, as `vsm state --json` prints it:")
        .contains("\\\"viability_metrics\\\": {")
        .contains("The last 20 entries of vsm's execution log")
        .contains("\\\"entries\\\": [");
  }
}
