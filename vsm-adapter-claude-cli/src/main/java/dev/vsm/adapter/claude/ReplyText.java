package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.json.JsonValues;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Finds an agent's report in the text of its reply: the <em>last</em> complete JSON object, bare,
 * in prose or in a {@code ```json} fence. Agents quote JSON from the code they touched before
 * their closing report, so the first object is often not the report.
 *
 * <p>What counts, read left to right: at each {@code {} not inside an object already found, a JSON
 * object is read; when it is complete it is found and reading goes on after it, otherwise at the
 * next {@code {}. The last object found is the reply. Doing that literally can read the same text
 * again and again (quadratic on {@code {"a":{"a":{"a":…}); here every brace whose object is known
 * to fail is remembered, objects nested deeper than {@link #MAX_DEPTH} levels are not replies, and
 * the work is capped at a few times the text's length: past the cap nothing is found, rather than
 * a wrong object.
 */
final class ReplyText {

  /** Objects nested deeper than this are not replies. */
  static final int MAX_DEPTH = 64;

  /** Characters read in all, as a multiple of the text's length (plus a little). */
  static final int WORK_FACTOR = 8;

  /** Where the last complete object lies, and how much reading it took. */
  record Found(int start, int end, long work, boolean gaveUp) {}

  /**
   * The reply of a run: the CLI's {@code structured_output} when it gave an object (a string
   * holding one counts), else the last complete object in the reply's text; empty when there is
   * none.
   */
  Optional<AgentReply> reply(Object structuredOutput, String resultText) {
    Optional<Map<String, Object>> found =
        structuredOutput instanceof Map<?, ?> m
            ? Optional.of(stringKeys(m))
            : structuredOutput instanceof String s ? lastObject(s) : Optional.empty();
    if (found.isEmpty()) {
      found = lastObject(resultText);
    }
    try {
      return found.map(AgentReply::of);
    } catch (IllegalArgumentException notJson) {
      return Optional.empty(); // Jackson gives JSON values only; kept for safety's sake
    }
  }

  private static Map<String, Object> stringKeys(Map<?, ?> m) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** The last complete JSON object in {@code text}, as maps and lists; empty when none. */
  Optional<Map<String, Object>> lastObject(String text) {
    if (text == null || text.indexOf('{') < 0) {
      return Optional.empty();
    }
    Found f = locate(text);
    if (f.gaveUp() || f.start() < 0) {
      return Optional.empty();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m =
          (Map<String, Object>) JsonValues.read(text.substring(f.start(), f.end()));
      return Optional.ofNullable(m);
    } catch (JsonValues.MalformedJson | ClassCastException e) {
      return Optional.empty(); // cannot happen: the span was read as a complete object
    }
  }

  /** The span of the last complete object ({@code start} −1 when there is none). */
  Found locate(String text) {
    char[] chars = text.toCharArray();
    Scan scan = new Scan(chars, (long) WORK_FACTOR * chars.length + 4096);
    int i = text.indexOf('{');
    int start = -1;
    int end = -1;
    while (i >= 0 && i < chars.length) {
      int objectEnd = scan.objectEndingAt(i);
      if (scan.work > scan.budget) {
        return new Found(-1, -1, scan.work, true);
      }
      if (objectEnd > 0) {
        start = i;
        end = objectEnd;
        i = next(chars, objectEnd);
      } else {
        i = next(chars, i + 1);
      }
    }
    return new Found(start, end, scan.work, false);
  }

  /** How far the first look reaches for a key's closing quote before leaving it to the parser. */
  private static final int LOOK = 64;

  private static int next(char[] chars, int from) {
    for (int i = from; i < chars.length; i++) {
      if (chars[i] == '{') {
        return i;
      }
    }
    return -1;
  }

  /** Reading objects from one text, remembering which braces start an object that fails. */
  private final class Scan {
    private final char[] chars;
    private final long budget;
    private final BitSet fails = new BitSet();
    long work;

    Scan(char[] chars, long budget) {
      this.chars = chars;
      this.budget = budget;
    }

    /**
     * The end (exclusive) of the complete object starting at {@code start}, or −1. An object nested
     * in one that failed is read again when the scan reaches it; that costs no more than its own
     * length, and the scan then goes on after it.
     */
    int objectEndingAt(int start) {
      if (fails.get(start) || !mayStartObject(start)) {
        return -1;
      }
      Deque<Integer> open = new ArrayDeque<>();
      int offset = start;
      try (JsonParser p = JsonValues.parser(chars, start, chars.length - start)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          offset = start + (int) p.currentTokenLocation().getCharOffset();
          if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            open.push(t == JsonToken.START_OBJECT ? offset : -1);
            if (open.size() > MAX_DEPTH) {
              break;
            }
          } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            open.pop();
            if (open.isEmpty()) {
              work += offset + 1 - start;
              return offset + 1;
            }
          }
        }
      } catch (JacksonException e) {
        long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        offset = at < 0 ? offset : (int) Math.min(chars.length, start + at);
      }
      work += Math.max(1, offset - start);
      // Every object still open fails here too: what is inside an object reads the same whatever
      // lies around it. Past the depth limit the same is taken to hold: braces that deep are not
      // tried again.
      open.forEach(
          o -> {
            if (o >= 0) {
              fails.set(o);
            }
          });
      return -1;
    }

    /**
     * A first look, without the parser: an object opens with {@code {}, then {@code }} or a key and
     * a colon. The braces of prose and code fail here, cheaply (a failed parse costs an exception).
     */
    private boolean mayStartObject(int start) {
      int i = blank(start + 1);
      if (i >= chars.length || Character.isWhitespace(chars[i])) {
        return i < chars.length; // only blanks within reach: the parser decides
      }
      if (chars[i] != '"') {
        return chars[i] == '}';
      }
      int limit = Math.min(chars.length, i + LOOK);
      for (int j = i + 1; j < limit; j++) {
        if (chars[j] == '\\') {
          j++;
        } else if (chars[j] == '"') {
          work += j - i;
          int k = blank(j + 1);
          return k < chars.length && (chars[k] == ':' || Character.isWhitespace(chars[k]));
        }
      }
      work += LOOK;
      return true; // a long key: the parser decides
    }

    private int blank(int from) {
      int i = from;
      int limit = Math.min(chars.length, from + LOOK);
      while (i < limit && Character.isWhitespace(chars[i])) {
        i++;
      }
      work += i - from + 1;
      return i;
    }
  }
}
