package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void finds_a_bare_object() {
    assertThat(Json.firstObject("{\"a\":1}")).contains(Map.of("a", 1));
  }

  @Test
  void finds_an_object_in_a_json_fence_after_prose() {
    String reply =
        "I did it.\n```json\n{\"status\": \"completed\", \"files\": [\"a.py\"]}\n```\nBye";
    assertThat(Json.firstObject(reply))
        .contains(Map.of("status", "completed", "files", List.of("a.py")));
  }

  @Test
  void skips_braces_that_do_not_open_a_complete_object() {
    String reply =
        "Use {curly} braces; result: {\"ok\": true, \"nested\": {\"x\": [1, 2.5, null]}}";
    Map<String, Object> m = Json.firstObject(reply).orElseThrow();
    assertThat(m.get("ok")).isEqualTo(true);
    assertThat(m.get("nested")).isEqualTo(Map.of("x", java.util.Arrays.asList(1, 2.5, null)));
  }

  @Test
  void strings_keep_escapes_and_braces_inside_them() {
    Map<String, Object> m =
        Json.firstObject("{\"t\": \"a } b \\\"q\\\" \\u00e9\\n\"}").orElseThrow();
    assertThat(m.get("t")).isEqualTo("a } b \"q\" é\n");
  }

  @Test
  void a_truncated_or_missing_object_is_empty() {
    assertThat(Json.firstObject("{\"a\": [1, 2")).isEmpty();
    assertThat(Json.firstObject("no json here")).isEmpty();
    assertThat(Json.firstObject("")).isEmpty();
    assertThat(Json.firstObject(null)).isEmpty();
    assertThat(Json.firstObject("[1, 2]")).isEmpty();
  }

  @Test
  void parse_rejects_trailing_text() {
    assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_reply_schemas_are_valid_json() {
    for (String schema :
        List.of(
            S4Protocol.SCHEMA,
            S3Protocol.SCHEMA,
            S5Protocol.SCHEMA,
            S2Protocol.SCHEMA,
            AuditProtocol.SCHEMA)) {
      assertThat(Json.parse(schema)).isInstanceOf(Map.class);
    }
  }
}
