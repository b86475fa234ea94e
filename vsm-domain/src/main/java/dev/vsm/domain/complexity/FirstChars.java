package dev.vsm.domain.complexity;

import java.util.Arrays;

/**
 * What a rule pattern's syntax says about its matches: the ASCII characters a match can begin with
 * ({@code (?:update|bump)\w*} begins with 'u' or 'b', {@code \w+\(\)} with a word character) and
 * characters every match contains ({@code \w+\(\)} contains '(' and ')'). It lets {@link
 * PatternSet} try a pattern only where the task has such a character, and not at all on a task
 * without the characters it needs.
 *
 * <p>The answers may say more can begin a match, and less is required, than is true; never the
 * reverse. Letters come in both cases (the matcher compares the lower-cased task with them). Syntax
 * it does not follow (a back-reference, a nested class, a non-ASCII literal, which may match an
 * ASCII letter under Unicode case folding, comments or multi-line mode) gives no answer, and the
 * pattern is searched the ordinary way.
 */
final class FirstChars {

  private final String p;
  private int i;

  private FirstChars(String pattern) {
    this.p = pattern;
  }

  /**
   * What a piece of a pattern says: the characters that can begin it, whether it can match nothing,
   * and characters (lower case) every match of it contains.
   */
  private record First(boolean[] chars, boolean nullable, String required) {
    static First empty() {
      return new First(new boolean[128], true, "");
    }
  }

  /** Thrown on syntax this reading does not follow. */
  private static final class Unknown extends RuntimeException {
    Unknown() {
      super(null, null, false, false);
    }
  }

  private static First read(String pattern) {
    FirstChars reader = new FirstChars(pattern);
    try {
      First f = reader.alternation();
      return reader.i == pattern.length() ? f : null;
    } catch (Unknown | IndexOutOfBoundsException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * The characters (indexed by ASCII code, letters in both cases) a non-empty match of {@code
   * pattern} can begin with, or null when they cannot be told or the pattern can match nothing.
   */
  static boolean[] of(String pattern) {
    First f = read(pattern);
    return f == null || f.nullable() ? null : f.chars();
  }

  /**
   * Characters (lower case, ASCII) every match of {@code pattern} contains, or null when none can
   * be told.
   */
  static char[] required(String pattern) {
    First f = read(pattern);
    if (f == null || f.required().isEmpty()) {
      return null;
    }
    StringBuilder distinct = new StringBuilder();
    for (int k = 0; k < f.required().length(); k++) {
      char c = f.required().charAt(k);
      if (distinct.indexOf(String.valueOf(c)) < 0) {
        distinct.append(c);
      }
    }
    return distinct.toString().toCharArray();
  }

  private First alternation() {
    First f = sequence();
    boolean[] chars = f.chars().clone();
    boolean nullable = f.nullable();
    String required = f.required();
    while (i < p.length() && p.charAt(i) == '|') {
      i++;
      First g = sequence();
      or(chars, g.chars());
      nullable |= g.nullable();
      required = common(required, g.required());
    }
    return new First(chars, nullable, required);
  }

  private First sequence() {
    boolean[] chars = new boolean[128];
    boolean nullable = true;
    StringBuilder required = new StringBuilder();
    while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
      First e = element();
      if (nullable) {
        or(chars, e.chars());
        nullable = e.nullable();
      }
      required.append(e.required());
    }
    return new First(chars, nullable, required.toString());
  }

  /** One atom and its quantifier; what an optional atom requires is not required. */
  private First element() {
    First atom = atom();
    if (i >= p.length()) {
      return atom;
    }
    char q = p.charAt(i);
    boolean optional;
    if (q == '?' || q == '*') {
      optional = true;
      i++;
    } else if (q == '+') {
      optional = false;
      i++;
    } else if (q == '{') {
      int close = p.indexOf('}', i);
      if (close < 0) {
        throw new Unknown();
      }
      String min = p.substring(i + 1, close).split(",", -1)[0].trim();
      optional = min.isEmpty() || Integer.parseInt(min) == 0;
      i = close + 1;
    } else {
      return atom;
    }
    // A lazy or possessive quantifier reads the same way.
    if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
      i++;
    }
    return optional ? new First(atom.chars(), true, "") : atom;
  }

  private First atom() {
    char c = p.charAt(i);
    switch (c) {
      case '(' -> {
        return group();
      }
      case '[' -> {
        return new First(charClass(), false, "");
      }
      case '^', '$' -> {
        i++;
        return First.empty();
      }
      case '.' -> {
        i++;
        boolean[] all = new boolean[128];
        Arrays.fill(all, true);
        return new First(all, false, "");
      }
      case '\\' -> {
        return escape();
      }
      case '*', '+', '?', '{', '|', ')' -> throw new Unknown();
      default -> {
        i++;
        return literal(c);
      }
    }
  }

  private First group() {
    i++; // '('
    boolean zeroWidth = false;
    if (p.startsWith("?", i)) {
      if (p.startsWith("?:", i) || p.startsWith("?>", i)) {
        i += 2;
      } else if (p.startsWith("?=", i) || p.startsWith("?!", i)) {
        i += 2;
        zeroWidth = true;
      } else if (p.startsWith("?<=", i) || p.startsWith("?<!", i)) {
        i += 3;
        zeroWidth = true;
      } else {
        // Flags, (?i) or (?-i:...).
        int j = i + 1;
        while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
          j++;
        }
        if (j >= p.length()) {
          throw new Unknown();
        }
        String flags = p.substring(i + 1, j);
        if (flags.indexOf('x') >= 0 || flags.indexOf('m') >= 0) {
          // Comments mode changes what a space means; multi-line mode what '^' means.
          throw new Unknown();
        }
        if (p.charAt(j) == ')') {
          i = j + 1;
          return First.empty();
        }
        if (p.charAt(j) != ':') {
          throw new Unknown();
        }
        i = j + 1;
      }
    }
    First inner = alternation();
    if (i >= p.length() || p.charAt(i) != ')') {
      throw new Unknown();
    }
    i++;
    // A look-around consumes nothing: what follows it begins the match.
    return zeroWidth ? First.empty() : inner;
  }

  private First escape() {
    char e = p.charAt(i + 1);
    i += 2;
    boolean[] set = new boolean[128];
    switch (e) {
      case 'b', 'B', 'A', 'G', 'z', 'Z' -> {
        return First.empty();
      }
      case 'w', 'W', 'd', 'D', 's', 'S' -> {
        addClass(set, e);
        return new First(set, false, "");
      }
      default -> {
        if (Character.isLetterOrDigit(e) || e >= 128) {
          throw new Unknown();
        }
        return literal(e);
      }
    }
  }

  private static First literal(char c) {
    return new First(single(c), false, String.valueOf(Character.toLowerCase(c)));
  }

  /** A bracketed class without nesting or intersection. */
  private boolean[] charClass() {
    i++; // '['
    boolean negate = false;
    if (p.charAt(i) == '^') {
      negate = true;
      i++;
    }
    boolean[] set = new boolean[128];
    boolean first = true;
    while (first || p.charAt(i) != ']') {
      first = false;
      char c = p.charAt(i);
      if (c == '[' || p.startsWith("&&", i)) {
        throw new Unknown();
      }
      int from;
      if (c == '\\') {
        char e = p.charAt(i + 1);
        i += 2;
        if ("wWdDsS".indexOf(e) >= 0) {
          addClass(set, e);
          continue;
        }
        if (Character.isLetterOrDigit(e) || e >= 128) {
          throw new Unknown();
        }
        from = e;
      } else {
        if (c >= 128) {
          throw new Unknown();
        }
        from = c;
        i++;
      }
      int to = from;
      if (p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
        char t = p.charAt(i + 1);
        if (t == '\\' || t == '[' || t >= 128) {
          throw new Unknown();
        }
        to = t;
        i += 2;
      }
      for (int x = from; x <= to; x++) {
        or(set, single((char) x));
      }
    }
    i++; // ']'
    if (negate) {
      // Case folding can let a negated class exclude less than it says: take every character.
      Arrays.fill(set, true);
    }
    return set;
  }

  private static void addClass(boolean[] set, char e) {
    for (int x = 0; x < 128; x++) {
      char c = (char) x;
      boolean member =
          switch (Character.toLowerCase(e)) {
            case 'w' -> PatternSet.isWordChar(c);
            case 'd' -> c >= '0' && c <= '9';
            default -> c == ' ' || (c >= '\t' && c <= '\r');
          };
      if (member != Character.isUpperCase(e)) {
        set[x] = true;
      }
    }
  }

  private static boolean[] single(char c) {
    if (c >= 128) {
      throw new Unknown();
    }
    boolean[] set = new boolean[128];
    set[c] = true;
    set[Character.toLowerCase(c)] = true;
    set[Character.toUpperCase(c)] = true;
    return set;
  }

  /** The characters two requirements have in common. */
  private static String common(String a, String b) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < a.length(); k++) {
      if (b.indexOf(a.charAt(k)) >= 0) {
        sb.append(a.charAt(k));
      }
    }
    return sb.toString();
  }

  private static void or(boolean[] into, boolean[] from) {
    for (int x = 0; x < 128; x++) {
      into[x] |= from[x];
    }
  }
}
