package dev.vsm.json;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * JSON text and plain Java values: objects as {@code LinkedHashMap<String, Object>} in the text's
 * order, arrays as {@code ArrayList}, strings, numbers ({@code Integer}, {@code Long} or {@code
 * BigInteger} for integers, {@code Double} for the others), booleans and null. Every document vsm
 * reads or writes (state files, log lines, hook input, rules files, the Claude CLI's output) is
 * such a tree, so this is all the JSON the adapters need: Jackson's streaming core, without the
 * object mapper, which costs a short command hundreds of classes and most of its start.
 *
 * <p>Reading accepts what Jackson's mapper accepts for {@code readValue(…, Object.class)} and
 * yields the same values: one value, nothing after it, a duplicate key's last value. Writing writes
 * what the mapper writes, but a number that is infinite or not a number is written as {@code null}:
 * JSON has no such numbers (the mapper would write the string {@code "NaN"}).
 */
public final class JsonValues {

  /** Text that is not one JSON value: the message says where and why. */
  public static final class MalformedJson extends RuntimeException {
    MalformedJson(String message) {
      super(message);
    }

    MalformedJson(JacksonException cause) {
      super(cause.getOriginalMessage(), cause);
    }
  }

  // Double.parseDouble rather than the fast parser: the same doubles, without the fast parser's
  // VarHandles, whose set-up costs a short command more than all its numbers.
  // Buffers recycled per thread, not through Jackson 3's default shared deque: each document
  // takes and returns its buffers, and the deque's concurrent code costs `analyze` of a batch more
  // than the buffers save before the JIT has compiled it.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .recyclerPool(JsonRecyclerPools.threadLocalPool())
          .build();

  private static final ObjectWriteContext PRETTY_CONTEXT =
      new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
          return new Pretty(); // it counts the nesting: one per document
        }

        @Override
        public boolean hasPrettyPrinter() {
          return true;
        }
      };

  private JsonValues() {}

  /**
   * The value of a UTF-8 (or UTF-16/32, detected) document.
   *
   * @throws MalformedJson when it is not exactly one JSON value
   */
  public static Object read(byte[] json) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      return document(p);
    } catch (JacksonException e) {
      throw new MalformedJson(e);
    }
  }

  /**
   * The value of a document given as text.
   *
   * @throws MalformedJson when it is not exactly one JSON value
   */
  public static Object read(String json) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      return document(p);
    } catch (JacksonException e) {
      throw new MalformedJson(e);
    }
  }

  /**
   * A streaming parser over part of a text, for a caller that scans for values rather than reads
   * one (the reply reader looks for the last complete object in an agent's prose).
   */
  public static JsonParser parser(char[] text, int offset, int length) {
    return FACTORY.createParser(ObjectReadContext.empty(), text, offset, length);
  }

  private static Object document(JsonParser p) {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new MalformedJson("no content: the document is empty");
    }
    Object value = value(p, first);
    JsonToken next = p.nextToken();
    if (next != null) {
      throw new MalformedJson(
          "more after the value: " + next + " at " + p.currentLocation().offsetDescription());
    }
    return value;
  }

  // Recursive: the parser bounds the nesting (StreamReadConstraints, 500 levels by default).
  private static Object value(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT:
        {
          Map<String, Object> m = new LinkedHashMap<>();
          for (JsonToken n = p.nextToken(); n == JsonToken.PROPERTY_NAME; n = p.nextToken()) {
            String key = p.currentName();
            m.put(key, value(p, p.nextToken()));
          }
          return m;
        }
      case START_ARRAY:
        {
          List<Object> l = new ArrayList<>();
          for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
            l.add(value(p, n));
          }
          return l;
        }
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT:
        return p.getNumberValue(); // the smallest of Integer, Long, BigInteger that holds it
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new MalformedJson("unexpected " + t);
    }
  }

  /** The value as pretty-printed UTF-8 with a final newline: how state files are written. */
  public static byte[] pretty(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(PRETTY_CONTEXT, out, JsonEncoding.UTF8)) {
      write(g, value);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * The value as one line of UTF-8 with its newline. Bytes, not a String: half a surrogate pair
   * (read from a {@code \ud800} escape) is written as an escape, where a String's UTF-8 encoding
   * would turn it into {@code ?}.
   */
  public static byte[] line(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g =
        FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
      write(g, value);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** The value as pretty-printed text with a final newline, for a terminal or a pipe. */
  public static String prettyText(Object value) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(PRETTY_CONTEXT, out)) {
      write(g, value);
    }
    return out.append('\n').toString();
  }

  /**
   * The value as compact text on one line, without a newline: the text Jackson's generator writes,
   * written by {@link CompactJson}.
   */
  public static String text(Object value) {
    return CompactJson.text(value);
  }

  /**
   * Appends the value's compact text ({@link #text}) to {@code out}: for many documents in a row,
   * one builder reused instead of a new one grown for each.
   */
  public static void appendText(StringBuilder out, Object value) {
    CompactJson.append(out, value);
  }

  /**
   * Jackson's default pretty printer with {@code ": "} between name and value, written out: objects
   * over several lines indented by two (Python's {@code indent=2}), arrays on the line ({@code [ 1,
   * 2 ]}), empty ones {@code { }} and {@code [ ]}. Jackson's own builds its separators with string
   * concatenation through invokedynamic, whose first use costs a short command tens of
   * milliseconds.
   */
  private static final class Pretty implements PrettyPrinter {
    private int objects;

    private void newLine(JsonGenerator g) {
      g.writeRaw('\n');
      for (int i = 0; i < objects; i++) {
        g.writeRaw("  ");
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
      g.writeRaw(' ');
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
      g.writeRaw('{');
      objects++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      newLine(g);
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
      g.writeRaw(',');
      newLine(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
      objects--;
      if (entries > 0) {
        newLine(g);
      } else {
        g.writeRaw(' ');
      }
      g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
      g.writeRaw('[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
      g.writeRaw(' ');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
      g.writeRaw(", ");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
      g.writeRaw(" ]");
    }
  }

  private static void write(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject(m, m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getKey() == null) {
          throw new IllegalArgumentException("a JSON object's key cannot be null");
        }
        g.writeName(e.getKey().toString());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray(c, c.size());
      for (Object o : c) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Number n) {
      number(g, n);
    } else {
      throw new IllegalArgumentException(
          "no JSON for a " + v.getClass().getName() + ": give maps, lists, text and numbers");
    }
  }

  private static void number(JsonGenerator g, Number n) {
    if (n instanceof Integer i) {
      g.writeNumber(i);
    } else if (n instanceof Long l) {
      g.writeNumber(l);
    } else if (n instanceof Double d) {
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeNull();
      }
    } else if (n instanceof Float f) {
      if (Float.isFinite(f)) {
        g.writeNumber(f);
      } else {
        g.writeNull();
      }
    } else if (n instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (n instanceof BigDecimal b) {
      g.writeNumber(
          b); // never read back as one, but a caller may write one beyond a double's range
    } else {
      throw new IllegalArgumentException("no JSON for a " + n.getClass().getName());
    }
  }
}
