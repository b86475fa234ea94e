package dev.vsm.application.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The little JSON the agent protocol needs, without a library: finding the first complete JSON
 * object in an agent's reply (bare, in prose, or in a {@code ```json} fence) and parsing it into
 * maps, lists, strings, numbers, booleans and nulls.
 */
public final class Json {

  private final String s;
  private int i;

  private Json(String s, int start) {
    this.s = s;
    this.i = start;
  }

  /** The first complete JSON object in {@code text}, if any. */
  public static Optional<Map<String, Object>> firstObject(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
      Json p = new Json(text, start);
      try {
        Object v = p.value(0);
        if (v instanceof Map<?, ?>) {
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) v;
          return Optional.of(m);
        }
      } catch (IllegalArgumentException notHere) {
        // not a complete object from this brace; try the next one
      }
    }
    return Optional.empty();
  }

  /** Parses a whole JSON document. */
  public static Object parse(String text) {
    Json p = new Json(text, 0);
    Object v = p.value(0);
    p.ws();
    if (p.i != text.length()) {
      throw new IllegalArgumentException("trailing text after JSON at " + p.i);
    }
    return v;
  }

  private Object value(int depth) {
    if (depth > 200) {
      throw new IllegalArgumentException("JSON nested too deeply");
    }
    ws();
    if (i >= s.length()) {
      throw new IllegalArgumentException("unexpected end of JSON");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    i++;
    ws();
    if (peek() == '}') {
      i++;
      return m;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw new IllegalArgumentException("expected a key at " + i);
      }
      String key = string();
      ws();
      expect(':');
      m.put(key, value(depth + 1));
      ws();
      char c = next();
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw new IllegalArgumentException("expected , or } at " + (i - 1));
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> l = new ArrayList<>();
    i++;
    ws();
    if (peek() == ']') {
      i++;
      return l;
    }
    while (true) {
      l.add(value(depth + 1));
      ws();
      char c = next();
      if (c == ']') {
        return l;
      }
      if (c != ',') {
        throw new IllegalArgumentException("expected , or ] at " + (i - 1));
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        char e = next();
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw new IllegalArgumentException("bad unicode escape");
            }
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      } else if (c < 0x20 && c != '\t') {
        throw new IllegalArgumentException("control character in string at " + (i - 1));
      } else {
        b.append(c);
      }
    }
  }

  private Object number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String n = s.substring(start, i);
    try {
      if (n.contains(".") || n.contains("e") || n.contains("E")) {
        return Double.parseDouble(n);
      }
      long l = Long.parseLong(n);
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number " + n, e);
    }
  }

  private Object literal(String word, Object v) {
    if (!s.startsWith(word, i)) {
      throw new IllegalArgumentException("unexpected text at " + i);
    }
    i += word.length();
    return v;
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw new IllegalArgumentException("unexpected end of JSON");
    }
    return s.charAt(i);
  }

  private char next() {
    char c = peek();
    i++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
    }
  }
}
