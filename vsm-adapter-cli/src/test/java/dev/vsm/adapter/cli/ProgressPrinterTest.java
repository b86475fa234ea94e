package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.domain.cycle.ToolCall;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  @Test
  void plain_progress_is_one_line_per_phase_and_agent_with_elapsed_seconds_and_outcome() {
    StringWriter err = new StringWriter();
    try (ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false)) {
      p.phaseStarted("S4 intelligence");
      p.agentStarted("system4-strategy");
      p.agentFinished(
          AgentResult.failed(
              "system4-strategy",
              AgentResult.Failure.TIMEOUT,
              "timed out after 30 min",
              Duration.ofMinutes(30)));
      p.cycleFinished("abcd1234", false);
    }

    String[] lines = err.toString().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).matches("\\[\\s+\\d+\\.\\ds\\] S4 intelligence");
    assertThat(lines[1]).endsWith("system4-strategy started");
    assertThat(lines[2]).contains("system4-strategy FAILED (timeout: timed out after 30 min)");
    assertThat(lines[3]).endsWith("cycle failed (task abcd1234)");
    assertThat(err.toString()).doesNotContain("\r").doesNotContain("\033");
  }

  @Test
  void on_a_terminal_a_live_line_names_the_running_agents_and_is_cleared_before_each_line() {
    StringWriter err = new StringWriter();
    try (ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), true)) {
      p.agentStarted("s1-frontend");
      p.agentStarted("s1-backend");
      p.agentFinished(AgentResult.succeeded("s1-frontend", "ok", Duration.ofSeconds(2)));
    }

    String out = err.toString();
    assertThat(out).contains("s1-frontend · s1-backend running");
    assertThat(out).contains("\r\033[K");
    assertThat(out).contains("s1-frontend ok in");
    assertThat(out).endsWith("\r\033[K");
  }

  @Test
  void the_live_line_shows_each_running_agents_current_tool_and_target_within_the_width() {
    StringWriter err = new StringWriter();
    try (ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), true, false, 70)) {
      p.agentStarted("s1-backend");
      p.agentStarted("s1-frontend");
      p.toolUsed("s1-backend", ToolCall.of("Edit", Map.of("file_path", "src/auth/login.py")));
      p.toolUsed("s1-frontend", ToolCall.of("Bash", Map.of("command", "npm test\nnpm run lint")));
    }

    List<String> drawn =
        Arrays.stream(err.toString().split("\r\033\\[K")).filter(l -> l.contains("...")).toList();
    assertThat(drawn)
        .anyMatch(l -> l.startsWith("  ... s1-backend: Edit src/auth/login.py · s1-frontend ("));
    assertThat(drawn.get(drawn.size() - 1))
        .startsWith("  ... s1-backend: Edit src/auth/login.py · s1-frontend: Bash npm")
        .hasSizeLessThan(70)
        .doesNotContain("npm run lint");
    assertThat(err.toString()).doesNotContain("    s1-backend: Edit");
  }

  @Test
  void with_v_each_tool_use_is_a_line_of_its_own() {
    StringWriter err = new StringWriter();
    try (ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false, true, 0)) {
      p.agentStarted("s1-backend");
      p.toolUsed("s1-backend", ToolCall.of("Read", Map.of("file_path", "src/auth/login.py")));
      p.toolUsed("s1-backend", ToolCall.of("Edit", Map.of("file_path", "src/auth/login.py")));
      p.toolUsed("s1-backend", ToolCall.of("TodoWrite", Map.of()));
    }

    assertThat(err.toString().split("\n"))
        .hasSize(4)
        .satisfies(
            lines -> {
              assertThat(lines[1]).endsWith("    s1-backend: Read src/auth/login.py");
              assertThat(lines[2]).endsWith("    s1-backend: Edit src/auth/login.py");
              assertThat(lines[3]).endsWith("    s1-backend: TodoWrite");
            });
    assertThat(err.toString()).doesNotContain("\r");
  }
}
