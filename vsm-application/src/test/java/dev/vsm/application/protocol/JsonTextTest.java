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
}
