package dev.vsm.domain.complexity;

/**
 * The ASCII characters a match of a rule pattern can begin with, read from the pattern's syntax:
 * {@code (?:update|bump)\w*} begins with 'u' or 'b', {@code \w+\(\)} with a word character, {@code
 * ["'][^"'\s]} with a quote. It lets {@link PatternSet} try a pattern only where the task has such
 * a character, instead of at every position.
 *
 * <p>The answer may hold more characters than can really begin a match, never fewer. Letters come
 * in both cases (the matcher compares the lower-cased task with it). Syntax it does not follow (a
 * back-reference, a nested class, a non-ASCII literal, which may match an ASCII letter under
 * Unicode case folding) gives no answer, and the pattern is searched the ordinary way.
 */
final class FirstChars {

  private final String p;
  private int i;

  private FirstChars(String pattern) {
    this.p = pattern;
  }

  /** What can begin a match of a sequence or an alternation: a set and whether it can be empty. */
  private record First(boolean[] chars, boolean nullable) {
    static First empty() {
      return new First(new boolean[128], true);
    }
  }

  /** Thrown on syntax this reading does not follow. */
  private static final class Unknown extends RuntimeException {
    Unknown() {
      super(null, null, false, false);
    }
  }

  /**
   * The characters (indexed by ASCII code, letters in both cases) a non-empty match of {@code
   * pattern} can begin with, or null when they cannot be told or the pattern can match nothing.
   */
  static boolean[] of(String pattern) {
    FirstChars reader = new FirstChars(pattern);
    try {
      First f = reader.alternation();
      if (reader.i != pattern.length() || f.nullable()) {
        return null;
      }
      return f.chars();
    } catch (Unknown | IndexOutOfBoundsException e) {
      return null;
    }
  }

  private First alternation() {
    First f = sequence();
    boolean[] chars = f.chars().clone();
    boolean nullable = f.nullable();
    while (i < p.length() && p.charAt(i) == '|') {
      i++;
      First g = sequence();
      or(chars, g.chars());
      nullable |= g.nullable();
    }
    return new First(chars, nullable);
  }

  private First sequence() {
    boolean[] chars = new boolean[128];
    boolean nullable = true;
    while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
      First e = element();
      if (nullable) {
        or(chars, e.chars());
        nullable = e.nullable();
      }
    }
    return new First(chars, nullable);
  }

  /** One atom and its quantifier. */
  private First element() {
    First atom = atom();
    if (i < p.length()) {
      char q = p.charAt(i);
      boolean optional = false;
      if (q == '?' || q == '*') {
        optional = true;
        i++;
      } else if (q == '+') {
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
      if (optional) {
        return new First(atom.chars(), true);
      }
    }
    return atom;
  }

  private First atom() {
    char c = p.charAt(i);
    switch (c) {
      case '(' -> {
        return group();
      }
      case '[' -> {
        return new First(charClass(), false);
      }
      case '^', '$' -> {
        i++;
        return First.empty();
      }
      case '.' -> {
        i++;
        boolean[] all = new boolean[128];
        java.util.Arrays.fill(all, true);
        return new First(all, false);
      }
      case '\\' -> {
        return escape();
      }
      case '*', '+', '?', '{', '|', ')' -> throw new Unknown();
      default -> {
        i++;
        return new First(single(c), false);
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
        return new First(set, false);
      }
      default -> {
        if (Character.isLetterOrDigit(e) || e >= 128) {
          throw new Unknown();
        }
        return new First(single(e), false);
      }
    }
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
      java.util.Arrays.fill(set, true);
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

  private static void or(boolean[] into, boolean[] from) {
    for (int x = 0; x < 128; x++) {
      into[x] |= from[x];
    }
  }
}
