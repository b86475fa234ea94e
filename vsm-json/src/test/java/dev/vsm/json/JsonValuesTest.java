package dev.vsm.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming reader and writer against the object mapper they replace: the same values for the
 * same text, the same text for the same values, the same refusals; seeded random documents and
 * seeded corruptions of them, so a difference in a corner nobody listed shows up too.
 */
class JsonValuesTest {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
          Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "null",
        "true",
        "0",
        "-0",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "12345678901234567890123",
        "1.0",
        "-0.0",
        "1e3",
        "1E-7",
        "1e400",
        "4.9e-325",
        "\"text\"",
        "\"\\u00e9\\n\\t\\\"\\\\ \\ud83d\\ude00\"",
        "\"\\ud800 lone half\"",
        "{\"a\": 1, \"b\": [1, 2.5, \"x\", null, true, {\"c\": {}}]}",
        "{\"a\": 1, \"a\": 2, \"b\": 3}",
        "{\"b\": 1, \"a\": 2}",
        "  {\"spaced\" : [ 1 , 2 ] }  \n",
        "[[[[[[[[[[1]]]]]]]]]]"
      })
  void reads_what_the_mapper_reads_as_the_mapper_reads_it(String json) {
    Object expected = MAPPER.readValue(json, Object.class);
    assertSame(JsonValues.read(json), expected);
    assertSame(JsonValues.read(json.getBytes(StandardCharsets.UTF_8)), expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   \n",
        "{",
        "{\"a\": }",
        "{\"a\" 1}",
        "[1, 2",
        "[1,]",
        "{} x",
        "{}{}",
        "[] []",
        "1 2",
        "NaN",
        "{\"a\": Infinity}",
        "'single'",
        "{a: 1}",
        "// comment\n{}",
        "\"unterminated",
        "\"control \u0001 char\"",
        "01",
        "1.",
        "-",
        "tru",
        "nul"
      })
  void refuses_what_the_mapper_refuses(String json) {
    assertThatThrownBy(() -> MAPPER.readValue(json, Object.class))
        .isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> JsonValues.read(json)).isInstanceOf(JsonValues.MalformedJson.class);
    assertThatThrownBy(() -> JsonValues.read(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(JsonValues.MalformedJson.class);
  }

  @Test
  void reads_a_file_that_begins_with_a_byte_order_mark() {
    byte[] bom = "\uFEFF{\"bom\": true}".getBytes(StandardCharsets.UTF_8);
    assertSame(JsonValues.read(bom), MAPPER.readValue(bom, Object.class));
  }

  @Test
  void refuses_nesting_deeper_than_the_parser_allows_with_a_message_not_a_stack_overflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> JsonValues.read(deep))
        .isInstanceOf(JsonValues.MalformedJson.class)
        .hasMessageContaining("nesting");
  }

  @Test
  void random_documents_read_and_write_as_the_mapper_reads_and_writes_them() {
    Random random = new Random(18);
    // One builder for every document, as a batch reuses it: appended text follows what is there.
    StringBuilder appended = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      Object tree = tree(random, 0);
      String compact = MAPPER.writeValueAsString(tree);
      byte[] compactBytes = MAPPER.writeValueAsBytes(tree);
      String pretty = MAPPER.writer().with(PRETTY).writeValueAsString(tree);

      assertThat(JsonValues.text(tree)).isEqualTo(compact);
      appended.setLength(i % 2 == 0 ? 0 : appended.length());
      int from = appended.length();
      JsonValues.appendText(appended, tree);
      assertThat(appended.substring(from)).isEqualTo(compact);
      assertThat(JsonValues.line(tree)).isEqualTo(withNewline(compactBytes));
      assertThat(JsonValues.prettyText(tree)).isEqualTo(pretty + "\n");
      assertThat(JsonValues.pretty(tree))
          .isEqualTo(withNewline(MAPPER.writer().with(PRETTY).writeValueAsBytes(tree)));
      assertSame(JsonValues.read(compact), MAPPER.readValue(compact, Object.class));
      assertSame(JsonValues.read(pretty), MAPPER.readValue(pretty, Object.class));
    }
  }

  @Test
  void corrupted_documents_are_refused_or_read_exactly_when_the_mapper_refuses_or_reads_them() {
    Random random = new Random(1818);
    String alphabet = "{}[]\",:0123456789.eE-+ \\nultrfasx\u00e9";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder(MAPPER.writeValueAsString(tree(random, 0)));
      for (int k = 1 + random.nextInt(3); k > 0 && b.length() > 0; k--) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(3)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String text = b.toString();
      Object expected;
      try {
        expected = MAPPER.readValue(text, Object.class);
      } catch (JacksonException refused) {
        assertThatThrownBy(() -> JsonValues.read(text))
            .as(text)
            .isInstanceOf(JsonValues.MalformedJson.class);
        continue;
      }
      assertSame(JsonValues.read(text), expected);
    }
  }

  @Test
  void writes_every_character_as_the_mapper_writes_it() {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String one = String.valueOf((char) c);
      assertThat(JsonValues.text(one)).as("U+%04X", c).isEqualTo(MAPPER.writeValueAsString(one));
      all.append((char) c);
    }
    Map<String, Object> keyed = Map.of(all.toString(), all.toString());
    assertThat(JsonValues.text(keyed)).isEqualTo(MAPPER.writeValueAsString(keyed));
  }

  @Test
  void writes_every_kind_of_number_as_the_mapper_writes_it() {
    Random random = new Random(1807);
    List<Object> numbers = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      numbers.add(Float.intBitsToFloat(random.nextInt() & 0x7F7F_FFFF));
      numbers.add(Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL));
      numbers.add(random.nextLong());
      numbers.add(random.nextInt());
    }
    numbers.addAll(List.of(0.0, -0.0, 1e-7, 1e7, 0.1f, Double.MIN_VALUE, Float.MAX_VALUE));
    assertThat(JsonValues.text(numbers)).isEqualTo(MAPPER.writeValueAsString(numbers));
  }

  @Test
  void writes_numbers_json_cannot_hold_as_null() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nan", Double.NaN);
    m.put("inf", Double.POSITIVE_INFINITY);
    m.put("float", Float.NEGATIVE_INFINITY);
    m.put("fine", 0.25);
    assertThat(JsonValues.text(m))
        .isEqualTo("{\"nan\":null,\"inf\":null,\"float\":null,\"fine\":0.25}");
  }

  @Test
  void writes_big_decimals_as_the_mapper_writes_them() {
    List<Object> numbers =
        List.of(
            new java.math.BigDecimal("1e400"),
            new java.math.BigDecimal("-1e400"),
            new java.math.BigDecimal("0.1"),
            new java.math.BigDecimal("12345678901234567890.5"));
    assertThat(JsonValues.text(numbers)).isEqualTo(MAPPER.writeValueAsString(numbers));
  }

  @Test
  void writes_half_a_surrogate_pair_as_an_escape_in_bytes() {
    String half = (String) JsonValues.read("\"\\ud800\"");
    assertThat(new String(JsonValues.line(List.of(half)), StandardCharsets.UTF_8))
        .isEqualTo(
            new String(
                withNewline(MAPPER.writeValueAsBytes(List.of(half))), StandardCharsets.UTF_8));
  }

  @Test
  void refuses_to_write_what_is_no_plain_value() {
    assertThatThrownBy(() -> JsonValues.text(Map.of("when", java.time.Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.time.Instant");
  }

  private static byte[] withNewline(byte[] b) {
    byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
    out[b.length] = '\n';
    return out;
  }

  /** A random plain value as the mapper reads them back (Integer, Long, BigInteger, Double). */
  private static Object tree(Random r, int depth) {
    int kind = r.nextInt(depth > 4 ? 7 : 9);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return r.nextBoolean();
      case 2:
        return switch (r.nextInt(3)) {
          case 0 -> r.nextInt();
          case 1 -> (long) Integer.MAX_VALUE + 1 + r.nextInt(1000);
          default -> new BigInteger(80, r).add(BigInteger.valueOf(Long.MAX_VALUE));
        };
      case 3:
        return switch (r.nextInt(3)) {
          case 0 -> r.nextDouble();
          case 1 -> (double) r.nextInt(100);
          default -> Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
        };
      case 4, 5, 6:
        return text(r);
      case 7:
        {
          List<Object> l = new ArrayList<>();
          for (int i = r.nextInt(5); i > 0; i--) {
            l.add(tree(r, depth + 1));
          }
          return l;
        }
      default:
        {
          Map<String, Object> m = new LinkedHashMap<>();
          for (int i = r.nextInt(5); i > 0; i--) {
            m.put(text(r), tree(r, depth + 1));
          }
          return m;
        }
    }
  }

  private static String text(Random r) {
    String chars = "abc xyz_\"\\/\n\t\u0001\u007f\u00e9\u4e2d\ud83d\ude00";
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(8); i > 0; i--) {
      b.append(chars.charAt(r.nextInt(chars.length())));
    }
    return b.toString();
  }

  /** Equal values of the same classes, objects' keys in the same order. */
  private static void assertSame(Object actual, Object expected) {
    if (expected instanceof Map<?, ?> e) {
      assertThat(actual).isInstanceOf(LinkedHashMap.class);
      Map<?, ?> a = (Map<?, ?>) actual;
      assertThat(new ArrayList<>(a.keySet())).isEqualTo(new ArrayList<>(e.keySet()));
      e.forEach((k, v) -> assertSame(a.get(k), v));
    } else if (expected instanceof List<?> e) {
      assertThat(actual).isInstanceOf(ArrayList.class);
      List<?> a = (List<?>) actual;
      assertThat(a).hasSameSizeAs(e);
      for (int i = 0; i < e.size(); i++) {
        assertSame(a.get(i), e.get(i));
      }
    } else if (expected == null) {
      assertThat(actual).isNull();
    } else {
      assertThat(actual).isInstanceOf(expected.getClass()).isEqualTo(expected);
    }
  }
}
