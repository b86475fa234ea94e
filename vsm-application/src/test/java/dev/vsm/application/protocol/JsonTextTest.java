package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void structures_are_written_in_their_order_with_json_scalars() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", 1L);
    m.put("agents", List.of("code-writer", "tester"));
    m.put("score", 0.5);
    m.put("whole", 2.0);
    m.put("ok", true);
    m.put("none", null);
    m.put("nested", Map.of("k", Arrays.asList(1, null)));

    assertThat(JsonText.of(m))
        .isEqualTo(
            "{\"step\":1,\"agents\":[\"code-writer\",\"tester\"],\"score\":0.5,\"whole\":2,"
                + "\"ok\":true,\"none\":null,\"nested\":{\"k\":[1,null]}}");
  }

  @Test
  void strings_are_escaped_and_non_finite_numbers_are_null() {
    assertThat(JsonText.of("a\"b\\c\nd\te\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001\"");
    assertThat(JsonText.of(Double.NaN)).isEqualTo("null");
    assertThat(JsonText.of(Float.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(JsonText.of(new StringBuilder("x"))).isEqualTo("\"x\"");
  }

  @Test
  void whole_doubles_lose_their_fraction_until_they_need_an_exponent_and_keys_become_text() {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(7, 999_999_999_999_999.0);
    m.put("big", 1e15);
    m.put("f", 2.0f);
    m.put("neg", -0.5);
    m.put("cr", "a\rb\u001f");

    assertThat(JsonText.of(m))
        .isEqualTo(
            "{\"7\":999999999999999,\"big\":1.0E15,\"f\":2,\"neg\":-0.5,"
                + "\"cr\":\"a\\rb\\u001f\"}");
    assertThat(JsonText.of(List.of())).isEqualTo("[]");
    assertThat(JsonText.of(Map.of())).isEqualTo("{}");
    assertThat(JsonText.of(12)).isEqualTo("12");
  }
}
