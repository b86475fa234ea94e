package dev.vsm.adapter.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.domain.cycle.ToolCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded random replies, thousands per run: the reply reader finds what a plain left-to-right
 * reading finds, never throws, and its work stays linear in the reply's length; whatever the CLI
 * prints becomes a result. The seed is fixed, so a run is reproducible; {@code -Dvsm.fuzz.seed=N}
 * explores others, and every failure names the seed of its case.
 */
class ReplyFuzzTest {

  private static final long SEED = Long.getLong("vsm.fuzz.seed", 20261125L);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private final ReplyText reader = new ReplyText();

  /** Runs {@code cases} cases, each from a seed of its own derived from {@link #SEED}. */
  private static void forEachCase(int cases, CaseBody body) {
    SplittableRandom master = new SplittableRandom(SEED);
    for (int i = 0; i < cases; i++) {
      long seed = master.nextLong();
      try {
        body.run(new SplittableRandom(seed), seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "case " + i + " failed (case seed " + seed + ", -Dvsm.fuzz.seed=" + SEED + "): " + e,
            e);
      }
    }
  }

  interface CaseBody {
    void run(SplittableRandom random, long seed);
  }

  @Test
  void the_reader_finds_the_object_a_plain_left_to_right_reading_finds() {
    forEachCase(
        4000,
        (random, seed) -> {
          String text = reply(random);
          ReplyText.Found found = reader.locate(text);
          int[] expected = plainReading(text);

          assertThat(found.gaveUp()).as("gave up on %s", text).isFalse();
          assertThat(new int[] {found.start(), found.end()}).as(text).isEqualTo(expected);
          if (expected[0] >= 0) {
            assertThat(reader.lastObject(text)).as(text).isPresent();
          }
        });
  }

  @Test
  void whatever_the_cli_prints_becomes_a_result_never_an_exception(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("stdout");
    forEachCase(
        3000,
        (random, seed) -> {
          String stdout = cliOutput(random);
          int exit = new int[] {0, 0, 1, 2, 137}[random.nextInt(5)];
          long cap = random.nextInt(20) == 0 ? 1 + random.nextInt(60) : 1 << 24;
          List<ToolCall> calls = new ArrayList<>();
          AgentResult r;
          try {
            Files.writeString(file, stdout);
            try (ClaudeStream stream = new ClaudeStream(file, cap, calls::add)) {
              if (random.nextBoolean()) {
                stream.poll();
              }
              stream.finish();
              r =
                  ClaudeOutput.read(
                          "s1-tester",
                          exit,
                          stream,
                          random.nextBoolean() ? "" : words(random, 5),
                          Duration.ofMillis(5))
                      .result();
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }

          assertThat(calls).allSatisfy(c -> assertThat(c.tool()).isNotNull());
          assertThat(r.agent()).isEqualTo("s1-tester");
          if (!r.success()) {
            assertThat(r.error()).isNotBlank();
          }
          assertThat(Double.isFinite(r.costUsd()) && r.costUsd() >= 0)
              .as("cost %s", r.costUsd())
              .isTrue();
          assertThat(r.inputTokens()).isNotNegative();
          assertThat(r.outputTokens()).isNotNegative();
          if (!r.success()) {
            assertThat(r.reply()).isEmpty();
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "nested-unterminated",
        "open-braces",
        "open-keys",
        "strings-holding-braces",
        "open-arrays",
        "quoted-braces",
        "keys-holding-braces",
        "soup"
      })
  void the_work_stays_linear_on_replies_made_to_be_slow(String family) {
    IntFunction<String> make = adversarial(family);
    for (int n : new int[] {1_000, 10_000, 100_000}) {
      String text = make.apply(n) + "\nReport: {\"status\": \"completed\"}";
      ReplyText.Found found = reader.locate(text);

      assertThat(found.gaveUp()).as("%s of %d", family, n).isFalse();
      assertThat(found.work()).as("%s of %d", family, n).isLessThan(4L * text.length() + 4096);
      assertThat(text.substring(found.start(), found.end()))
          .isEqualTo("{\"status\": \"completed\"}");
    }
  }

  private static IntFunction<String> adversarial(String family) {
    return n ->
        switch (family) {
          case "nested-unterminated" -> "{\"a\":".repeat(n / 5);
          case "open-braces" -> "{".repeat(n);
          case "open-keys" -> "{\"".repeat(n / 2);
          case "strings-holding-braces" -> "{\"a\":\"".repeat(n / 6);
          case "open-arrays" -> "{\"a\":[".repeat(n / 6);
          case "quoted-braces" -> "\"{".repeat(n / 2);
          case "keys-holding-braces" -> "{\"k\":\"{\"}\":1}".repeat(n / 12);
          default -> soup(new SplittableRandom(n), n);
        };
  }

  private static String soup(SplittableRandom random, int n) {
    String alphabet = "{}[]\":,\\ a1\n";
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /**
   * The definition of what counts, done the plain way: at each {@code {} not inside an object
   * already found, read one value; a complete object is found and reading goes on after it.
   */
  private static int[] plainReading(String text) {
    int start = -1;
    int end = -1;
    int i = text.indexOf('{');
    while (i >= 0) {
      int e = objectEnd(text, i);
      if (e > 0) {
        start = i;
        end = e;
        i = text.indexOf('{', e);
      } else {
        i = text.indexOf('{', i + 1);
      }
    }
    return new int[] {start, end};
  }

  private static int objectEnd(String text, int at) {
    int depth = 0;
    try (JsonParser p = JSON.createParser(text.substring(at))) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t.isStructStart()) {
          if (++depth > ReplyText.MAX_DEPTH) {
            return -1;
          }
        } else if (t.isStructEnd() && --depth == 0) {
          return at + (int) p.currentTokenLocation().getCharOffset() + 1;
        }
      }
    } catch (JacksonException e) {
      return -1;
    }
    return -1;
  }

  // ---- what agents and the CLI might print ----

  private static final String[] WORDS = {
    "The",
    "endpoint",
    "answers",
    "ok",
    "done",
    "{x}",
    "a{",
    "}b",
    "\"quoted\"",
    "it's",
    "\\",
    "ünïcödé",
    "✓",
    "\t",
    "\n",
    "```json",
    "```",
    "[1,",
    "]",
    ":",
    ",",
    "null",
    "true",
    "1e400"
  };

  private static String words(SplittableRandom random, int max) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      b.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextBoolean() ? " " : "");
    }
    return b.toString();
  }

  /** Prose with objects, broken objects, fences and stray JSON characters, in any order. */
  private static String reply(SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    int pieces = 1 + random.nextInt(10);
    for (int i = 0; i < pieces; i++) {
      switch (random.nextInt(6)) {
        case 0 -> b.append(words(random, 6));
        case 1 -> b.append(JSON.writeValueAsString(object(random, 3)));
        case 2 -> {
          String o = JSON.writeValueAsString(object(random, 3));
          b.append(o, 0, random.nextInt(o.length() + 1));
        }
        case 3 -> {
          StringBuilder o = new StringBuilder(JSON.writeValueAsString(object(random, 3)));
          int at = random.nextInt(o.length());
          o.insert(at, "{}[]\":,\\x".charAt(random.nextInt(9)));
          b.append(o);
        }
        case 4 ->
            b.append("```json\n")
                .append(JSON.writeValueAsString(object(random, 2)))
                .append("\n```\n");
        default -> b.append("{}[]\":,\\'".charAt(random.nextInt(9)));
      }
    }
    return b.toString();
  }

  private static Map<String, Object> object(SplittableRandom random, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      m.put(
          new String[] {"status", "summary", "a", "b{", "}", "quote\"", "x y"}[random.nextInt(7)],
          value(random, depth - 1));
    }
    return m;
  }

  private static Object value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 0 ? 7 : 5);
    return switch (kind) {
      case 0 -> words(random, 3);
      case 1 -> random.nextInt(1000) - 500;
      case 2 -> random.nextDouble();
      case 3 -> random.nextBoolean();
      case 4 -> null;
      case 5 -> object(random, depth);
      default -> {
        List<Object> l = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          l.add(value(random, depth - 1));
        }
        yield l;
      }
    };
  }

  /** A result object (or an array of messages) with fields of any type, or plain junk. */
  /** An assistant message of the stream whose content holds blocks of any shape. */
  private static String toolUses(SplittableRandom random) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", random.nextInt(4) == 0 ? value(random, 1) : "tool_use");
    block.put("name", random.nextBoolean() ? "Edit" : value(random, 1));
    block.put("input", random.nextBoolean() ? object(random, 2) : value(random, 2));
    List<Object> blocks = new ArrayList<>();
    blocks.add(block);
    blocks.add(value(random, 1));
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("content", random.nextInt(5) == 0 ? value(random, 2) : blocks);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "assistant");
    m.put("message", random.nextInt(5) == 0 ? "x" : message);
    return JSON.writeValueAsString(m);
  }

  private static String cliOutput(SplittableRandom random) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("type", "result");
    if (random.nextBoolean()) {
      result.put(
          "subtype",
          new String[] {
                "success", "error_max_turns", "error_max_budget_usd", "error_during_execution"
              }
              [random.nextInt(4)]);
    }
    result.put("is_error", random.nextInt(4) == 0 ? value(random, 1) : random.nextInt(3) == 0);
    result.put("result", random.nextInt(3) == 0 ? value(random, 2) : reply(random));
    if (random.nextBoolean()) {
      result.put("structured_output", value(random, 3));
    }
    result.put("total_cost_usd", value(random, 1));
    result.put("usage", random.nextBoolean() ? object(random, 2) : value(random, 1));
    result.put("session_id", value(random, 1));
    result.put("errors", value(random, 2));
    result.put("api_error_status", value(random, 1));
    String json = JSON.writeValueAsString(result);
    return switch (random.nextInt(7)) {
      case 6 -> toolUses(random) + "\n" + toolUses(random) + "\n" + json;
      case 0 -> "[{\"type\":\"system\"}," + json + "]";
      case 1 -> json.substring(0, random.nextInt(json.length() + 1));
      case 2 -> words(random, 8);
      case 3 -> json.replace("0.", "1e400").replace("\"total_cost_usd\":", "\"total_cost_usd\":-");
      default -> json;
    };
  }
}
