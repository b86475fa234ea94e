package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding an agent's report in the text of its reply. */
class ReplyTextTest {

  private final ReplyText reader = new ReplyText();

  private Optional<Map<String, Object>> last(String text) {
    return reader.lastObject(text);
  }

  @Test
  void a_bare_object_is_the_reply() {
    assertThat(last("{\"status\": \"completed\"}")).hasValue(Map.of("status", "completed"));
  }

  @Test
  void an_object_in_prose_or_in_a_fence_is_found() {
    assertThat(last("Done. Report: {\"status\": \"partial\"} — that's all."))
        .hasValue(Map.of("status", "partial"));
    assertThat(last("Done.\n```json\n{\"status\": \"completed\"}\n```\n"))
        .hasValue(Map.of("status", "completed"));
  }

  @Test
  void the_last_object_wins_over_an_example_quoted_before_it() {
    assertThat(
            last(
                "The endpoint answers {\"status\": \"ok\"}.\n"
                    + "```json\n{\"status\": \"failed\", \"blockers\": [\"tests\"]}\n```"))
        .hasValue(Map.of("status", "failed", "blockers", List.of("tests")));
    assertThat(
            last(
                "Before: {\"status\": \"failed\", \"blockers\": [\"tests\"]}\nNow:\n"
                    + "{\"status\": \"ok\"}"))
        .hasValue(Map.of("status", "ok"));
  }

  @Test
  void the_last_object_is_the_outermost_one_not_an_object_nested_in_it() {
    assertThat(
            last(
                "Config {\"name\": \"app\"} then {\"audit_passed\": true, "
                    + "\"quality_assessment\": {\"issues_found\": []}}"))
        .hasValueSatisfying(m -> assertThat(m).containsEntry("audit_passed", true));
  }

  @Test
  void braces_inside_strings_and_broken_objects_do_not_hide_the_report() {
    assertThat(last("Use {x} or { \"a\": } here. {\"status\": \"completed\", \"s\": \"a { b\"}"))
        .hasValue(Map.of("status", "completed", "s", "a { b"));
    assertThat(last("{\"k\": \"unterminated {\"status\": \"failed\"}"))
        .hasValue(Map.of("status", "failed"));
    assertThat(last("{\"a\": {\"b\": 1} oops")).hasValue(Map.of("b", 1));
  }

  @Test
  void text_without_a_complete_object_has_no_reply() {
    assertThat(last("no JSON here")).isEmpty();
    assertThat(last("{\"status\": \"completed\"")).isEmpty();
    assertThat(last("[1, 2, 3]")).isEmpty();
    assertThat(last("{'status': 'completed'}")).isEmpty();
    assertThat(last("")).isEmpty();
    assertThat(last(null)).isEmpty();
  }

  @Test
  void the_clis_structured_output_comes_before_the_text() {
    Optional<AgentReply> r =
        reader.reply(Map.of("status", "completed"), "{\"status\": \"failed\"}");

    assertThat(r.orElseThrow().text("status")).hasValue("completed");
  }

  @Test
  void without_structured_output_the_text_is_read_and_a_string_holding_json_counts() {
    assertThat(reader.reply(null, "x {\"status\": \"failed\"}").orElseThrow().text("status"))
        .hasValue("failed");
    assertThat(reader.reply("{\"status\": \"partial\"}", "").orElseThrow().text("status"))
        .hasValue("partial");
    assertThat(reader.reply(List.of(1), "no object")).isEmpty();
  }

  @Test
  void numbers_become_longs_and_finite_doubles_only() {
    AgentReply r = reader.reply(null, "{\"n\": 3, \"x\": 0.5, \"big\": 1e400}").orElseThrow();

    assertThat(r.fields()).containsEntry("n", 3L).containsEntry("x", 0.5);
    assertThat(r.fields().get("big")).isNull();
  }

  @Test
  void deep_unterminated_nesting_is_read_in_linear_work() {
    String deep = "{\"a\":".repeat(20_000) + " and at last {\"status\": \"completed\"}";

    ReplyText.Found f = reader.locate(deep);

    assertThat(f.gaveUp()).isFalse();
    assertThat(deep.substring(f.start(), f.end())).isEqualTo("{\"status\": \"completed\"}");
    assertThat(f.work()).isLessThan(4L * deep.length());
  }

  @Test
  void objects_deeper_than_the_limit_are_no_reply() {
    String deep =
        "{\"a\":".repeat(ReplyText.MAX_DEPTH + 1) + "1" + "}".repeat(ReplyText.MAX_DEPTH + 1);

    assertThat(last(deep)).isEmpty();
    String shallow = "{\"a\":".repeat(3) + "1" + "}".repeat(3);
    assertThat(last(shallow)).isPresent();
  }
}
