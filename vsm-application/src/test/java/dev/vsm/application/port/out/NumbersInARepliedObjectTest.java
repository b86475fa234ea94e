package dev.vsm.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers in a reply: whole numbers that fit a long stay whole, the largest whole numbers still
 * read as text without an exponent, and a whole-number field holds only what fits an int.
 */
class NumbersInARepliedObjectTest {

  @Test
  void every_kind_of_whole_number_that_fits_is_a_long() {
    AgentReply r =
        AgentReply.of(
            Map.of(
                "short",
                (short) 3,
                "byte",
                (byte) 4,
                "big",
                BigInteger.valueOf(Long.MAX_VALUE),
                "in",
                List.of(5, Map.of("deep", 6))));

    assertThat(r.fields().get("short")).isEqualTo(3L);
    assertThat(r.fields().get("byte")).isEqualTo(4L);
    assertThat(r.fields().get("big")).isEqualTo(Long.MAX_VALUE);
    assertThat(r.fields().get("in")).isEqualTo(List.of(5L, Map.of("deep", 6L)));
  }

  @Test
  void a_float_is_a_double() {
    assertThat(AgentReply.of(Map.of("f", 0.5f)).fields().get("f")).isEqualTo(0.5);
  }

  @Test
  void whole_doubles_read_as_text_without_a_fraction_until_they_need_an_exponent() {
    AgentReply r = AgentReply.of(Map.of("a", 999_999_999_999_999.0, "b", 1e15, "c", -3.0));

    assertThat(r.text("a")).hasValue("999999999999999");
    assertThat(r.text("b")).hasValue("1.0E15");
    assertThat(r.text("c")).hasValue("-3");
  }

  @Test
  void a_whole_number_field_holds_what_fits_an_int() {
    AgentReply r =
        AgentReply.of(
            Map.of(
                "max",
                (double) Integer.MAX_VALUE,
                "over",
                (double) Integer.MAX_VALUE + 1,
                "min",
                -(double) Integer.MAX_VALUE,
                "under",
                -(double) Integer.MAX_VALUE - 2));

    assertThat(r.whole("max")).hasValue(Integer.MAX_VALUE);
    assertThat(r.whole("over")).isEmpty();
    assertThat(r.whole("min")).hasValue(-Integer.MAX_VALUE);
    assertThat(r.whole("under")).isEmpty();
  }

  @Test
  void a_number_is_not_a_flag_and_a_flag_is_not_a_number() {
    AgentReply r = AgentReply.of(Map.of("n", 1, "b", true, "blank", " "));

    assertThat(r.number("b")).isEmpty();
    assertThat(r.number("blank")).isEmpty();
    assertThat(r.number("missing")).isEmpty();
    assertThat(r.flag("missing")).isEmpty();
    assertThat(r.flag("blank")).isEmpty();
  }

  @Test
  void keys_must_be_text_and_a_missing_object_is_empty() {
    Map<Object, Object> bad = new HashMap<>();
    bad.put(1, "x");

    assertThatThrownBy(() -> AgentReply.of(Map.of("o", bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a reply's keys are strings, not 1");
    assertThat(new AgentReply(null).fields()).isEmpty();
    assertThat(AgentReply.empty().has("x")).isFalse();
  }
}
