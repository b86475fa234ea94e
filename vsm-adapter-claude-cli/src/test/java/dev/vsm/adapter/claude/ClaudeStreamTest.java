package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.cycle.ToolCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's stream-json output, read from its file as the CLI writes it. */
class ClaudeStreamTest {

  private static final String INIT =
      "{\"type\":\"system\",\"subtype\":\"init\",\"cwd\":\"/p\",\"session_id\":\"s\"}\n";
  private static final String RESULT =
      "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"result\":\"done\","
          + "\"session_id\":\"s\",\"total_cost_usd\":0.5}\n";

  @TempDir Path dir;
  private final List<String> heard = new ArrayList<>();

  private static String toolUse(String tool, String inputJson) {
    return "{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"let me see\"},"
        + "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\""
        + tool
        + "\",\"input\":"
        + inputJson
        + "}]},\"parent_tool_use_id\":null,\"session_id\":\"s\"}\n";
  }

  private ClaudeStream stream(Path file, long cap) throws IOException {
    return new ClaudeStream(file, cap, c -> heard.add(c.tool() + " " + c.target()));
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  @Test
  void tool_uses_are_heard_as_their_lines_arrive_even_when_a_line_comes_in_pieces()
      throws IOException {
    Path file = Files.createFile(dir.resolve("out"));
    String edit = toolUse("Edit", "{\"file_path\":\"/p/src/a.py\",\"old_string\":\"x\"}");
    try (ClaudeStream s = stream(file, 1 << 20)) {
      append(file, INIT + toolUse("Read", "{\"file_path\":\"/p/src/a.py\"}"));
      s.poll();
      assertThat(heard).containsExactly("Read /p/src/a.py");

      append(file, edit.substring(0, 40));
      s.poll();
      assertThat(heard).hasSize(1);

      append(file, edit.substring(40) + RESULT);
      s.finish();
      assertThat(heard).containsExactly("Read /p/src/a.py", "Edit /p/src/a.py");
      assertThat(s.result()).containsEntry("result", "done");
      assertThat(s.notJson()).isNull();
    }
  }

  @Test
  void a_line_over_the_cap_is_skipped_and_the_result_after_it_still_read() throws IOException {
    Path file = dir.resolve("out");
    String huge = "{\"type\":\"user\",\"message\":{\"content\":\"" + "x".repeat(5000) + "\"}}\n";
    Files.writeString(file, INIT + huge + toolUse("Bash", "{\"command\":\"make\"}") + RESULT);
    try (ClaudeStream s = stream(file, 1000)) {
      s.finish();

      assertThat(heard).containsExactly("Bash make");
      assertThat(s.result()).containsEntry("result", "done");
      assertThat(s.overlongStart()).startsWith("{\"type\":\"user\"").hasSizeLessThan(1001);
    }
  }

  @Test
  void a_last_line_without_its_newline_counts() throws IOException {
    Path file = dir.resolve("out");
    Files.writeString(file, INIT + RESULT.strip());
    try (ClaudeStream s = stream(file, 1 << 20)) {
      s.finish();
      assertThat(s.result()).containsEntry("session_id", "s");
    }
  }

  @Test
  void the_array_form_of_older_verbose_output_is_read_on_one_line() throws IOException {
    Path file = dir.resolve("out");
    Files.writeString(
        file,
        "["
            + INIT.strip()
            + ","
            + toolUse("Write", "{\"file_path\":\"/p/b\"}").strip()
            + ","
            + RESULT.strip()
            + "]\n");
    try (ClaudeStream s = stream(file, 1 << 20)) {
      s.finish();
      assertThat(heard).containsExactly("Write /p/b");
      assertThat(s.result()).containsEntry("result", "done");
    }
  }

  @Test
  void text_that_is_not_json_is_kept_for_the_error_and_a_listener_that_throws_changes_nothing()
      throws IOException {
    Path file = dir.resolve("out");
    Files.writeString(
        file, "Welcome!\n" + toolUse("Edit", "{\"file_path\":\"/p/a\"}") + "{broken\n" + RESULT);
    List<ToolCall> calls = new ArrayList<>();
    try (ClaudeStream s =
        new ClaudeStream(
            file,
            1 << 20,
            c -> {
              calls.add(c);
              throw new IllegalStateException("listener broke");
            })) {
      s.finish();
      assertThat(calls).extracting(ToolCall::tool).containsExactly("Edit");
      assertThat(s.notJson()).isEqualTo("Welcome!");
      assertThat(s.result()).isNotNull();
    }
  }
}
