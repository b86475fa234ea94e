package dev.vsm.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentReplyTest {

  @Test
  void a_reply_is_an_immutable_copy_in_reply_order() {
    Map<String, Object> source = new LinkedHashMap<>();
    List<Object> files = new ArrayList<>(List.of("a.py"));
    source.put("status", "completed");
    source.put("files", files);
    AgentReply r = AgentReply.of(source);
    source.put("status", "failed");
    files.add("b.py");

    assertThat(r.fields().keySet()).containsExactly("status", "files");
    assertThat(r.text("status")).hasValue("completed");
    assertThat(r.list("files")).containsExactly("a.py");
    assertThatThrownBy(() -> r.fields().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.list("files").add("c"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void numbers_are_longs_or_finite_doubles() {
    Map<String, Object> m = new HashMap<>();
    m.put("i", 3);
    m.put("big", new BigInteger("123456789012345678901234567890"));
    m.put("dec", new BigDecimal("0.25"));
    m.put("inf", Double.POSITIVE_INFINITY);
    m.put("nan", Double.NaN);
    AgentReply r = AgentReply.of(m);

    assertThat(r.fields().get("i")).isEqualTo(3L);
    assertThat(r.fields().get("big")).isEqualTo(1.2345678901234568e29);
    assertThat(r.fields().get("dec")).isEqualTo(0.25);
    assertThat(r.fields().get("inf")).isNull();
    assertThat(r.fields().get("nan")).isNull();
    assertThat(r.has("inf")).isFalse();
  }

  @Test
  void values_that_are_not_json_are_refused() {
    assertThatThrownBy(() -> AgentReply.of(Map.of("when", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void text_renders_numbers_and_booleans_but_not_structures() {
    AgentReply r =
        AgentReply.of(
            Map.of("n", 2.0, "x", 2.5, "b", true, "l", List.of(1), "o", Map.of("k", "v")));

    assertThat(r.text("n")).hasValue("2");
    assertThat(r.text("x")).hasValue("2.5");
    assertThat(r.text("b")).hasValue("true");
    assertThat(r.text("l")).isEmpty();
    assertThat(r.text("o")).isEmpty();
    assertThat(r.text("missing")).isEmpty();
  }

  @Test
  void flags_read_booleans_and_yes_or_no() {
    AgentReply r =
        AgentReply.of(
            Map.of("a", true, "b", " Yes ", "c", "no", "d", "FALSE", "e", "maybe", "f", 1));

    assertThat(r.flag("a")).hasValue(true);
    assertThat(r.flag("b")).hasValue(true);
    assertThat(r.flag("c")).hasValue(false);
    assertThat(r.flag("d")).hasValue(false);
    assertThat(r.flag("e")).isEmpty();
    assertThat(r.flag("f")).isEmpty();
  }

  @Test
  void numbers_and_whole_numbers_read_numeric_strings_too() {
    AgentReply r =
        AgentReply.of(
            Map.of("a", 0.75, "b", " 2 ", "c", "x", "d", 2.5, "e", 1e12, "f", "Infinity"));

    assertThat(r.number("a")).hasValue(0.75);
    assertThat(r.number("b")).hasValue(2.0);
    assertThat(r.number("c")).isEmpty();
    assertThat(r.number("f")).isEmpty();
    assertThat(r.whole("b")).hasValue(2);
    assertThat(r.whole("d")).isEmpty();
    assertThat(r.whole("e")).isEmpty();
  }

  @Test
  void lists_objects_and_their_absence() {
    AgentReply r =
        AgentReply.of(
            Map.of(
                "one", "x",
                "many", List.of("a", Map.of("agent", "tester"), 3),
                "inner", Map.of("approach", "small steps")));

    assertThat(r.list("one")).containsExactly("x");
    assertThat(r.list("none")).isEmpty();
    assertThat(r.objects("many"))
        .extracting(a -> a.text("agent").orElseThrow())
        .containsExactly("tester");
    assertThat(r.object("inner").text("approach")).hasValue("small steps");
    assertThat(r.object("one")).isEqualTo(AgentReply.empty());
    assertThat(r.object("none").fields()).isEmpty();
  }
}
