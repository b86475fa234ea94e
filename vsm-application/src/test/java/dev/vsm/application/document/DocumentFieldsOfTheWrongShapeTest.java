package dev.vsm.application.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A field of the wrong type makes a state file corrupt, with a message naming the field; a missing
 * field takes the reader's fallback; counts saturate instead of wrapping.
 */
class DocumentFieldsOfTheWrongShapeTest {

  private static DocumentFields of(Object... keysAndValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return DocumentFields.of(m, "doc");
  }

  private static void wrong(Runnable read, String message) {
    assertThatThrownBy(read::run).isInstanceOf(DocumentFields.WrongShape.class).hasMessage(message);
  }

  @Test
  void a_document_that_is_no_object_is_corrupt() {
    wrong(() -> DocumentFields.of(List.of(), "the metrics"), "the metrics is not a JSON object");
    wrong(() -> DocumentFields.of(null, "the metrics"), "the metrics is not a JSON object");
  }

  @Test
  void missing_or_null_fields_take_the_fallback() {
    DocumentFields f = of("n", null);

    assertThat(f.has("n")).isFalse();
    assertThat(f.has("absent")).isFalse();
    assertThat(f.text("n", "fb")).isEqualTo("fb");
    assertThat(f.number("n", 1.5)).isEqualTo(1.5);
    assertThat(f.count("n", 3)).isEqualTo(3);
    assertThat(f.bool("n", true)).isTrue();
    assertThat(f.list("n")).isEmpty();
    assertThat(f.texts("n")).isEmpty();
    assertThat(f.object("n")).isEmpty();
    assertThat(f.fields("n").has("x")).isFalse();
  }

  @Test
  void present_fields_read_as_they_are() {
    DocumentFields f =
        of(
            "t",
            "x",
            "n",
            2.5,
            "c",
            7,
            "b",
            false,
            "l",
            List.of(1, "a"),
            "s",
            List.of("a", "b"),
            "o",
            Map.of("k", "v"));

    assertThat(f.has("t")).isTrue();
    assertThat(f.text("t", null)).isEqualTo("x");
    assertThat(f.requiredText("t")).isEqualTo("x");
    assertThat(f.number("n", 0)).isEqualTo(2.5);
    assertThat(f.count("c", 0)).isEqualTo(7);
    assertThat(f.bool("b", true)).isFalse();
    assertThat(f.list("l")).containsExactly(1, "a");
    assertThat(f.texts("s")).containsExactly("a", "b");
    assertThat(f.object("o")).containsExactly(Map.entry("k", "v"));
    assertThat(f.fields("o").text("k", null)).isEqualTo("v");
  }

  @Test
  void each_read_names_the_field_of_the_wrong_type() {
    DocumentFields f = of("x", 1, "t", "text", "l", List.of(1), "n", Double.NaN);

    wrong(() -> f.text("x", ""), "'x' should be text");
    wrong(() -> f.requiredText("absent"), "'absent' is missing");
    wrong(() -> f.number("t", 0), "'t' should be a number");
    wrong(() -> f.number("n", 0), "'n' should be a finite number");
    wrong(() -> f.count("t", 0), "'t' should be a number");
    wrong(() -> f.bool("x", false), "'x' should be true or false");
    wrong(() -> f.list("x"), "'x' should be a list");
    wrong(() -> f.texts("l"), "'l' should be a list of text");
    wrong(() -> f.object("x"), "'x' should be an object");
  }

  @Test
  void a_count_drops_its_fraction_refuses_a_negative_and_saturates() {
    assertThat(of("c", 2.9).count("c", 0)).isEqualTo(2);
    assertThat(of("c", 0).count("c", 5)).isZero();
    assertThat(of("c", (double) Integer.MAX_VALUE).count("c", 0)).isEqualTo(Integer.MAX_VALUE);
    assertThat(of("c", 1e12).count("c", 0)).isEqualTo(Integer.MAX_VALUE);
    assertThat(of("c", new BigInteger("99999999999999999999999")).count("c", 0))
        .isEqualTo(Integer.MAX_VALUE);
    wrong(() -> of("c", -1).count("c", 0), "'c' should be 0 or more");
    wrong(
        () -> of("c", new BigInteger("-99999999999999999999999")).count("c", 0),
        "'c' should be 0 or more");
  }

  @Test
  void the_lists_and_objects_read_are_copies() {
    List<Object> list = new ArrayList<>(List.of("a"));
    DocumentFields f = of("l", list);

    f.list("l").add("b");
    f.object("absent").put("k", "v");

    assertThat(list).containsExactly("a");
    assertThat(f.object("absent")).isEmpty();
  }

  @Test
  void warnings_go_to_the_listener_of_the_document_and_its_parts() {
    List<String> heard = new ArrayList<>();
    DocumentFields f = DocumentFields.of(Map.of("o", Map.of()), "doc", heard::add);

    f.warn("one");
    f.fields("o").warn("two");
    DocumentFields.of(Map.of(), "quiet").warn("nobody hears this");

    assertThat(heard).containsExactly("one", "two");
  }
}
