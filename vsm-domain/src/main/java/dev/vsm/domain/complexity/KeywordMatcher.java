package dev.vsm.domain.complexity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The built-in rule patterns matched as keywords and phrases, without the regular-expression
 * engine. Each pattern is read once into the finite list of ways it can match, in the order the
 * engine tries them ({@code docs?\b} is "docs" then "doc", each followed by a word boundary; {@code
 * \s+} is one run of white space; {@code \w+} one run of word characters), and all of them go into
 * one trie. A task is read once; from every position the trie is walked along the task's characters
 * (lower-cased), and the first way of each pattern that gets through gives its match: exactly the
 * match {@link WeightedPattern#compile} would find, start and end.
 *
 * <p>A pattern is read so only when that holds by construction: every repetition is of one
 * character class and either possessive or followed by something that cannot continue it (so giving
 * back a character can never help), or of a group and possessive. Anything else (a lazy quantifier,
 * a back-reference, a greedy repetition of a group, a negated class with letters) is searched by
 * the engine, through the {@link Sink}; a task with a character whose case folds to an ASCII letter
 * or that the engine treats specially (a combining mark, a line separator) is left to the engine
 * whole ({@link #match} says so). Other characters outside ASCII are read as "a letter" or "not a
 * letter", which is all the patterns can tell of them.
 */
final class KeywordMatcher {

  /** A character outside ASCII that is not a letter or a digit, as the trie reads it. */
  static final char OTHER = 128;

  /** A letter or digit outside ASCII. */
  static final char LETTER = 129;

  /**
   * The first half of a surrogate pair that is not a letter or digit ({@link #OTHER} is the
   * second): one step over a class takes both halves, as the engine takes one code point.
   */
  static final char OTHER_PAIR = 130;

  /** The first half of a surrogate pair that is a letter or digit. */
  static final char LETTER_PAIR = 131;

  private static final int CHARS = 132;

  /** The most ways one pattern may be read as: past this it is left to the engine. */
  static final int MAX_PATHS = 512;

  private final List<String> patterns;

  /** The {@link PatternSet} index of each pattern. */
  private final int[] ids;

  /**
   * The patterns that begin with a literal letter or digit, by that character (lower-case): their
   * part of the trie is built the first time a task has a word that starts with it, so a command
   * that analyses one task reads a fraction of the patterns.
   */
  private final int[][] pending = new int[128][];

  /**
   * The groups built so far. Read without a lock: a {@link Group}'s fields are final and its trie
   * is complete before it is made, so a thread that sees the group sees all of it (JLS 17.5); only
   * building one takes the lock. A plain array, not an atomic one: its reads are on every word of
   * every task, and an atomic array's cost more before the JIT has compiled them. A group is built
   * under its own lock, its {@link #pending} entry.
   */
  private final Group[] groups = new Group[128];

  /** The other patterns, read at once. */
  private final Group others;

  /**
   * Part of the trie: for a group of patterns that begin with one literal character, the node after
   * it; and the patterns of the group that cannot be read exactly, which the engine searches.
   */
  private record Group(Node node, int[] engine) {}

  /** Takes the patterns; the i-th pattern is reported as {@code ids[i]}. */
  KeywordMatcher(List<String> patterns, int[] ids) {
    this.patterns = List.copyOf(patterns);
    this.ids = ids.clone();
    List<List<Integer>> byFirst = new ArrayList<>(128);
    for (int c = 0; c < 128; c++) {
      byFirst.add(null);
    }
    List<Integer> rest = new ArrayList<>();
    for (int k = 0; k < patterns.size(); k++) {
      int c = leadingLiteral(patterns.get(k));
      if (c < 0) {
        rest.add(k);
      } else {
        if (byFirst.get(c) == null) {
          byFirst.set(c, new ArrayList<>());
        }
        byFirst.get(c).add(k);
      }
    }
    for (int c = 0; c < 128; c++) {
      if (byFirst.get(c) != null) {
        pending[c] = ints(byFirst.get(c));
      }
    }
    others = build(ints(rest), -1);
  }

  // Loops, not streams: this runs once per process, before the JIT has compiled anything.
  static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /**
   * The literal character (lower-case) every match of a pattern begins with, right after the start
   * of a word, or -1: a pattern that starts with a letter or digit not quantified and has no
   * alternative at its top level.
   */
  static int leadingLiteral(String p) {
    if (p.isEmpty() || !(isWord(p.charAt(0)) && p.charAt(0) != '_')) {
      return -1;
    }
    if (p.length() > 1 && "?*+{".indexOf(p.charAt(1)) >= 0) {
      return -1;
    }
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return -1;
      }
    }
    return lower(p.charAt(0));
  }

  /**
   * Reads a group of patterns into a trie; with {@code first} set, every way of every pattern
   * begins at a word's start with that character, and the trie holds what follows it.
   */
  private Group build(int[] group, int first) {
    Node root = new Node();
    List<Integer> engine = new ArrayList<>();
    Sets sets = new Sets();
    Map<String, Step> steps = new HashMap<>();
    for (int k : group) {
      List<List<Object>> paths = paths(patterns.get(k), sets);
      if (paths == null) {
        engine.add(ids[k]);
        continue;
      }
      for (int path = 0; path < paths.size(); path++) {
        List<Object> way = paths.get(path);
        int from = 0;
        if (first >= 0) {
          if (way.get(0) != WORD_START || !way.get(1).equals((char) first)) {
            throw new IllegalStateException("not read as it begins: " + patterns.get(k));
          }
          from = 2;
        }
        Node node = root;
        for (int e = from; e < way.size(); e++) {
          if (way.get(e) instanceof Character c) {
            node = node.literal(c);
          } else {
            Step s = (Step) way.get(e);
            Step shared = steps.putIfAbsent(s.key, s);
            node = node.step(shared == null ? s : shared);
          }
        }
        node.accept(k, path);
      }
    }
    root.freeze();
    return new Group(root, ints(engine));
  }

  private Group group(char c) {
    Group g = groups[c];
    if (g == null) {
      // One lock per group: threads of a batch build the groups their tasks need side by side.
      synchronized (pending[c]) {
        g = groups[c];
        if (g == null) {
          g = build(pending[c], c);
          groups[c] = g;
        }
      }
    }
    return g;
  }

  /** How many patterns the trie reads (the engine searches the rest); reads every group. */
  int readable() {
    int n = patterns.size() - others.engine().length;
    for (char c = 0; c < 128; c++) {
      if (pending[c] != null) {
        n -= group(c).engine().length;
      }
    }
    return n;
  }

  /** Receives the matches. */
  interface Sink {
    boolean matched(int id);

    void record(int id, int start, int end);

    /** Searches a pattern the trie cannot read with the engine. */
    void search(int id);
  }

  /**
   * Finds the earliest match of every pattern, or returns false (finding nothing) when the task has
   * a character only the engine reads right.
   */
  boolean match(String text, Sink sink) {
    char[] t = read(text);
    if (t == null) {
      return false;
    }
    for (int id : others.engine()) {
      sink.search(id);
    }
    Walk w = new Walk(t);
    boolean[] searched = null;
    for (int i = 0; i <= t.length; i++) {
      if (i > 0 && (t[i - 1] == OTHER_PAIR || t[i - 1] == LETTER_PAIR)) {
        // The engine starts no match on the second half of a surrogate pair.
        continue;
      }
      w.found = 0;
      w.walk(others.node(), i);
      if (i < t.length && (i == 0 || !isWord(t[i - 1]))) {
        char c = lower(t[i]);
        if (c < 128 && pending[c] != null) {
          Group g = group(c);
          w.walk(g.node(), i + 1);
          if (g.engine().length > 0) {
            // A pattern of this group can only match from here on: the engine searches it once.
            if (searched == null) {
              searched = new boolean[128];
            }
            if (!searched[c]) {
              searched[c] = true;
              for (int id : g.engine()) {
                sink.search(id);
              }
            }
          }
        }
      }
      for (int a = 0; a < w.found; a++) {
        int k = w.pattern[a];
        int id = ids[k];
        if (sink.matched(id)) {
          continue;
        }
        // The first way (lowest path number) that got through from here is the engine's match.
        int best = a;
        for (int b = a + 1; b < w.found; b++) {
          if (w.pattern[b] == k && w.path[b] < w.path[best]) {
            best = b;
          }
        }
        sink.record(id, i, w.end[best]);
      }
    }
    return true;
  }

  /**
   * The task as the trie reads it: ASCII as it is, other characters as {@link #LETTER} or {@link
   * #OTHER} (a surrogate pair as {@link #LETTER_PAIR} or {@link #OTHER_PAIR} and then the same);
   * null when a character matters to the patterns in a way these two cannot say: one whose case
   * folds to or from ASCII ('K' for Kelvin, the long s, dotted and dotless i), a combining mark
   * (which joins a word boundary to its base), a line separator (which ends the text for {@code $})
   * or a lone surrogate.
   */
  static char[] read(String text) {
    int n = text.length();
    char[] t = new char[n];
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        t[i] = c;
        continue;
      }
      int cp = c;
      int width = 1;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return null;
        }
        cp = Character.toCodePoint(c, text.charAt(i + 1));
        width = 2;
      } else if (Character.isLowSurrogate(c)) {
        return null;
      }
      int upper = Character.toUpperCase(cp);
      if (c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || Character.getType(cp) == Character.NON_SPACING_MARK
          || upper < 128
          || Character.toLowerCase(upper) < 128
          || Character.toLowerCase(cp) < 128) {
        return null;
      }
      char mark = Character.isLetterOrDigit(cp) ? LETTER : OTHER;
      if (width == 2) {
        t[i++] = (char) (mark + 2);
      }
      t[i] = mark;
    }
    return t;
  }

  /** One walk over a task: the matches found from the current position. */
  private static final class Walk {
    final char[] t;
    int found;
    int[] pattern = new int[8];
    int[] path = new int[8];
    int[] end = new int[8];

    Walk(char[] t) {
      this.t = t;
    }

    void walk(Node node, int i) {
      int[] accepts = node.accepts;
      if (accepts.length > 0) {
        // Every pattern ends in [\w]*: the match runs to the end of the word.
        int e = i;
        while (e < t.length && isWord(t[e])) {
          e++;
        }
        for (int a = 0; a < accepts.length; a += 2) {
          add(accepts[a], accepts[a + 1], e);
        }
      }
      if (i < t.length) {
        Node next = node.next(lower(t[i]));
        if (next != null) {
          walk(next, i + 1);
        }
      }
      Step[] steps = node.steps;
      for (int s = 0; s < steps.length; s++) {
        int j = steps[s].match(t, i);
        if (j >= 0) {
          walk(node.stepNodes[s], j);
        }
      }
    }

    private void add(int k, int p, int e) {
      if (found == pattern.length) {
        pattern = Arrays.copyOf(pattern, found * 2);
        path = Arrays.copyOf(path, found * 2);
        end = Arrays.copyOf(end, found * 2);
      }
      pattern[found] = k;
      path[found] = p;
      end[found] = e;
      found++;
    }
  }

  /** A trie node: literal edges (lower-case), step edges, and the ways of patterns ending here. */
  private static final class Node {
    private char[] keys = {};
    private Node[] kids = {};
    private Node[] byChar;
    Step[] steps = {};
    Node[] stepNodes = {};
    int[] accepts = {};

    Node literal(char c) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == c) {
          return kids[i];
        }
      }
      keys = Arrays.copyOf(keys, keys.length + 1);
      kids = Arrays.copyOf(kids, kids.length + 1);
      keys[keys.length - 1] = c;
      return kids[kids.length - 1] = new Node();
    }

    Node step(Step s) {
      for (int i = 0; i < steps.length; i++) {
        if (steps[i] == s) {
          return stepNodes[i];
        }
      }
      steps = Arrays.copyOf(steps, steps.length + 1);
      stepNodes = Arrays.copyOf(stepNodes, stepNodes.length + 1);
      steps[steps.length - 1] = s;
      return stepNodes[stepNodes.length - 1] = new Node();
    }

    void accept(int pattern, int path) {
      accepts = Arrays.copyOf(accepts, accepts.length + 2);
      accepts[accepts.length - 2] = pattern;
      accepts[accepts.length - 1] = path;
    }

    Node next(char c) {
      if (byChar != null) {
        return byChar[c];
      }
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == c) {
          return kids[i];
        }
      }
      return null;
    }

    /** A table for the literal edges of a node that has many. */
    void freeze() {
      if (keys.length > 6) {
        byChar = new Node[CHARS];
        for (int k = 0; k < keys.length; k++) {
          byChar[keys[k]] = kids[k];
        }
      }
      for (Node kid : kids) {
        kid.freeze();
      }
      for (Node kid : stepNodes) {
        kid.freeze();
      }
    }
  }

  static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  // ---------------------------------------------------------------------------------------------
  // Steps: what a way of matching does besides reading one literal character.

  private static final int CLASS = 0;
  private static final int RUN = 1;
  private static final int REPEAT = 2;
  private static final int START = 3;
  private static final int END = 4;
  private static final int BOUNDARY = 5;
  private static final int NOT_AFTER = 6;
  private static final int NOT_BEFORE = 7;
  private static final int AFTER = 8;

  /**
   * One step of a way of matching: a character of a class, a run of a class (as long as it goes), a
   * possessive repetition of a fixed sequence, or a zero-width test. Steps with equal keys are one
   * edge of the trie.
   */
  static final class Step {
    final int kind;
    final boolean[] set;
    final int min;

    /** A greedy run (checked to be safe to take whole); a possessive one walks alike. */
    final boolean greedy;

    final Step[] body;
    final char[][] suffixes;
    final String key;

    private Step(int kind, CharSet set, int min, boolean greedy, Step[] body, char[][] suffixes) {
      this.kind = kind;
      this.set = set == null ? null : set.chars;
      this.min = min;
      this.greedy = greedy;
      this.body = body;
      this.suffixes = suffixes;
      StringBuilder k = new StringBuilder().append(kind).append(':').append(min);
      if (set != null) {
        k.append(':').append(set.key);
      }
      if (body != null) {
        for (Step s : body) {
          k.append('(').append(s.key).append(')');
        }
      }
      if (suffixes != null) {
        for (char[] x : suffixes) {
          k.append('|').append(x);
        }
      }
      key = k.toString();
    }

    static Step of(int kind) {
      return new Step(kind, null, 0, false, null, null);
    }

    /** Where the step leaves the walk from {@code i}, or -1 when it fails there. */
    int match(char[] t, int i) {
      int n = t.length;
      switch (kind) {
        case CLASS:
          return i < n && set[t[i]] ? i + (t[i] >= OTHER_PAIR ? 2 : 1) : -1;
        case RUN:
          {
            int j = i;
            while (j < n && set[t[j]]) {
              j++;
            }
            return j - i >= min ? j : -1;
          }
        case REPEAT:
          {
            int j = i;
            int count = 0;
            while (true) {
              int k = j;
              for (Step s : body) {
                k = s.match(t, k);
                if (k < 0) {
                  break;
                }
              }
              if (k < 0) {
                break;
              }
              j = k;
              count++;
            }
            return count >= min ? j : -1;
          }
        case START:
          return i == 0 ? i : -1;
        case END:
          return atEnd(t, i) ? i : -1;
        case BOUNDARY:
          {
            boolean left = i > 0 && boundaryWord(t[i - 1]);
            boolean right = i < n && boundaryWord(t[i]);
            return left != right ? i : -1;
          }
        case NOT_AFTER:
          return i == 0 || !set[t[i - 1]] ? i : -1;
        case NOT_BEFORE:
          return i == n || !set[t[i]] ? i : -1;
        case AFTER:
          for (char[] x : suffixes) {
            if (endsWith(t, i, x)) {
              return i;
            }
          }
          return -1;
        default:
          throw new IllegalStateException("step " + kind);
      }
    }

    /** The characters a consuming step's match can begin with. */
    boolean[] first() {
      return kind == REPEAT ? body[0].first() : set;
    }
  }

  /**
   * Java's {@code $} without MULTILINE: the end, or before a line terminator that ends the text.
   */
  private static boolean atEnd(char[] t, int i) {
    int n = t.length;
    if (i == n) {
      return true;
    }
    if (i == n - 2) {
      return t[i] == '\r' && t[i + 1] == '\n';
    }
    if (i == n - 1) {
      return t[i] == '\r' || (t[i] == '\n' && (i == 0 || t[i - 1] != '\r'));
    }
    return false;
  }

  private static boolean endsWith(char[] t, int i, char[] suffix) {
    if (i < suffix.length) {
      return false;
    }
    for (int k = 0; k < suffix.length; k++) {
      if (lower(t[i - suffix.length + k]) != suffix[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code \b} counts a character as part of a word: a letter or digit outside ASCII is one
   * on Java 17, not on the versions that read {@code \b} as {@code \w} does; asked of the engine
   * once, the first time it matters.
   */
  private static boolean boundaryWord(char c) {
    return c == LETTER || c == LETTER_PAIR ? UnicodeBoundary.WORDS : isWord(c);
  }

  private static final class UnicodeBoundary {
    static final boolean WORDS = !Pattern.compile("a\\b").matcher("a\u00e9").find();
  }

  // ---------------------------------------------------------------------------------------------
  // Reading a pattern into its ways of matching.

  /**
   * A set of characters (ASCII codes, {@link #OTHER}, {@link #LETTER}; the first halves of pairs
   * follow the second) and a key naming it.
   */
  private static final class CharSet {
    final boolean[] chars;
    final String key;

    CharSet(boolean[] chars) {
      this.chars = chars;
      chars[OTHER_PAIR] = chars[OTHER];
      chars[LETTER_PAIR] = chars[LETTER];
      long lo = 0;
      long hi = 0;
      for (int c = 0; c < 64; c++) {
        lo |= chars[c] ? 1L << c : 0;
        hi |= chars[c + 64] ? 1L << c : 0;
      }
      // No string concatenation: its first use costs a start-up milliseconds.
      key =
          new StringBuilder()
              .append(Long.toHexString(lo))
              .append('.')
              .append(Long.toHexString(hi))
              .append(chars[OTHER] ? ".1" : ".0")
              .append(chars[LETTER] ? '1' : '0')
              .toString();
    }

    static CharSet of(char... members) {
      boolean[] set = new boolean[CHARS];
      for (char c : members) {
        set[c] = true;
      }
      return new CharSet(set);
    }

    boolean has(char c) {
      return chars[c];
    }
  }

  private static final CharSet WORD = predefinedSet('w');
  private static final CharSet NOT_WORD = predefinedSet('W');
  private static final CharSet SPACE = predefinedSet('s');
  private static final CharSet NOT_SPACE = predefinedSet('S');
  private static final CharSet DIGIT = predefinedSet('d');
  private static final CharSet NOT_DIGIT = predefinedSet('D');

  /** What {@link WeightedPattern#compile} puts before a pattern: no word character just before. */
  private static final Step WORD_START = new Step(NOT_AFTER, WORD, 0, false, null, null);

  /** {@code \w \d \s} and their complements (which take in every character outside ASCII). */
  private static CharSet predefinedSet(char e) {
    boolean[] set = new boolean[CHARS];
    for (char c = 0; c < 128; c++) {
      set[c] =
          switch (Character.toLowerCase(e)) {
            case 'w' -> isWord(c);
            case 'd' -> c >= '0' && c <= '9';
            default -> c == ' ' || (c >= '\t' && c <= '\r');
          };
    }
    if (Character.isUpperCase(e)) {
      for (int c = 0; c < CHARS; c++) {
        set[c] = !set[c];
      }
    }
    return new CharSet(set);
  }

  private static CharSet predefined(char e) {
    return switch (e) {
      case 'w' -> WORD;
      case 'W' -> NOT_WORD;
      case 's' -> SPACE;
      case 'S' -> NOT_SPACE;
      case 'd' -> DIGIT;
      case 'D' -> NOT_DIGIT;
      default -> null;
    };
  }

  /** Character sets met while reading, one object per distinct set. */
  static final class Sets {
    private final Map<String, CharSet> known = new HashMap<>();
    private final CharSet[] caseless = new CharSet[128];

    CharSet shared(CharSet set) {
      CharSet old = known.putIfAbsent(set.key, set);
      return old == null ? set : old;
    }

    /** A character in either case. */
    CharSet caseless(char c) {
      CharSet s = caseless[c];
      if (s == null) {
        s = shared(CharSet.of(c, Character.toUpperCase(c)));
        caseless[c] = s;
      }
      return s;
    }
  }

  /**
   * The ways {@code pattern} (as {@link WeightedPattern#compile} wraps it) can match, in the order
   * the engine tries them: lists of literal characters (lower-case) and steps. Null when the
   * pattern uses syntax read here only approximately, or has too many ways.
   */
  static List<List<Object>> paths(String pattern) {
    return paths(pattern, new Sets());
  }

  private static List<List<Object>> paths(String pattern, Sets sets) {
    List<List<Object>> paths;
    try {
      Parser p = new Parser(pattern, sets);
      Node0 tree = p.alternation(true);
      if (p.i != pattern.length()) {
        return null;
      }
      paths = new ArrayList<>();
      List<Object> start = new ArrayList<>();
      if (!pattern.startsWith("\\b") && !pattern.startsWith("^")) {
        start.add(WORD_START);
      }
      paths.add(start);
      append(paths, tree, sets);
    } catch (Unsupported | IndexOutOfBoundsException | NumberFormatException e) {
      return null;
    }
    for (List<Object> path : paths) {
      if (!deterministic(path)) {
        return null;
      }
    }
    return paths;
  }

  /**
   * Whether each greedy run on the path can only be taken whole: what follows it cannot begin with
   * a character of the run (a run that may be empty passes the test on to what follows it), or is a
   * word boundary after a run of word characters. Giving back a character then never helps, so the
   * engine's first try, the run taken whole, is its answer.
   */
  private static boolean deterministic(List<Object> path) {
    for (int k = 0; k < path.size(); k++) {
      if (path.get(k) instanceof Step s && s.kind == RUN && s.greedy && !followsApart(path, k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean followsApart(List<Object> path, int k) {
    Step run = (Step) path.get(k);
    for (int j = k + 1; j < path.size(); j++) {
      Object next = path.get(j);
      if (next instanceof Character c) {
        return !run.set[c] && !run.set[Character.toUpperCase(c)];
      }
      Step s = (Step) next;
      switch (s.kind) {
        case CLASS, REPEAT -> {
          return disjoint(run.set, s.first());
        }
        case RUN -> {
          if (!disjoint(run.set, s.set)) {
            return false;
          }
          if (s.min > 0) {
            return true;
          }
        }
        case BOUNDARY -> {
          if (run.min == 0 || j != k + 1) {
            return false;
          }
          for (int c = 0; c < CHARS; c++) {
            if (run.set[c] && !isWord((char) c)) {
              return false;
            }
          }
          return true;
        }
        default -> {
          return false;
        }
      }
    }
    // Only the [\w]* every pattern ends with follows: the first try succeeds.
    return true;
  }

  private static boolean disjoint(boolean[] a, boolean[] b) {
    for (int c = 0; c < CHARS; c++) {
      if (a[c] && b[c]) {
        return false;
      }
    }
    return true;
  }

  /** Thrown on syntax not read here. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** A parsed pattern. */
  private sealed interface Node0 permits Lit, Cls, Seq, Alt, Rep, Zero {}

  /** A literal character, matched without regard to case (kept lower-case). */
  private record Lit(char c) implements Node0 {}

  /** One character of a class. */
  private record Cls(CharSet set) implements Node0 {}

  private record Seq(List<Node0> items) implements Node0 {}

  private record Alt(List<Node0> options) implements Node0 {}

  /** A repetition; max -1 for no bound. */
  private record Rep(Node0 body, int min, int max, boolean possessive) implements Node0 {}

  /** A zero-width test. */
  private record Zero(Step step) implements Node0 {}

  /**
   * Extends every path by every way {@code node} can match, in the engine's order: each path's
   * continuations together, in the order of the node's ways.
   */
  private static void append(List<List<Object>> paths, Node0 node, Sets sets) {
    Object one = single(node);
    if (one != null) {
      for (List<Object> path : paths) {
        path.add(one);
      }
      return;
    }
    if (node instanceof Seq s) {
      for (Node0 item : s.items()) {
        append(paths, item, sets);
      }
      return;
    }
    List<List<Object>> ways = ways(node, sets);
    if (ways.size() == 1) {
      for (List<Object> path : paths) {
        path.addAll(ways.get(0));
      }
      return;
    }
    List<List<Object>> out = new ArrayList<>(paths.size() * ways.size());
    for (List<Object> path : paths) {
      for (List<Object> way : ways) {
        List<Object> longer = new ArrayList<>(path.size() + way.size() + 8);
        longer.addAll(path);
        longer.addAll(way);
        out.add(longer);
      }
    }
    if (out.size() > MAX_PATHS) {
      throw new Unsupported();
    }
    paths.clear();
    paths.addAll(out);
  }

  /** The one element a node stands for when it has one way of one element, else null. */
  private static Object single(Node0 node) {
    if (node instanceof Lit l) {
      return l.c();
    }
    if (node instanceof Cls c) {
      return new Step(CLASS, c.set(), 0, false, null, null);
    }
    if (node instanceof Zero z) {
      return z.step();
    }
    return null;
  }

  /** The ways a node can match on its own. */
  private static List<List<Object>> ways(Node0 node, Sets sets) {
    List<List<Object>> out = new ArrayList<>();
    if (node instanceof Alt a) {
      for (Node0 option : a.options()) {
        List<List<Object>> paths = new ArrayList<>();
        paths.add(new ArrayList<>());
        append(paths, option, sets);
        out.addAll(paths);
      }
    } else if (node instanceof Rep r) {
      out.addAll(repetition(r, sets));
    } else {
      out.add(new ArrayList<>());
      append(out, node, sets);
    }
    if (out.size() > MAX_PATHS) {
      throw new Unsupported();
    }
    return out;
  }

  private static List<List<Object>> repetition(Rep r, Sets sets) {
    CharSet one = oneCharacter(r.body(), sets);
    if (r.max() < 0) {
      if (one != null) {
        return List.of(List.of(new Step(RUN, one, r.min(), !r.possessive(), null, null)));
      }
      // A possessive repetition of a fixed sequence of characters and possessive runs.
      List<List<Object>> body = ways(r.body(), sets);
      if (!r.possessive() || body.size() != 1 || body.get(0).isEmpty()) {
        throw new Unsupported();
      }
      List<Step> steps = new ArrayList<>();
      for (Object o : body.get(0)) {
        Step s =
            o instanceof Character c
                ? new Step(CLASS, sets.caseless(c), 0, false, null, null)
                : (Step) o;
        if (!(s.kind == CLASS || (s.kind == RUN && !s.greedy && s.min > 0))) {
          throw new Unsupported();
        }
        steps.add(s);
      }
      return List.of(
          List.of(new Step(REPEAT, null, r.min(), false, steps.toArray(new Step[0]), null)));
    }
    List<List<Object>> body = ways(r.body(), sets);
    if (r.possessive() && (r.min() != r.max() || body.size() != 1)) {
      // Possessive with a choice left: the engine would not come back to the other choices.
      throw new Unsupported();
    }
    List<List<Object>> out = new ArrayList<>();
    out.add(new ArrayList<>());
    for (int k = 0; k < r.min(); k++) {
      out = product(out, body);
    }
    return product(out, optional(body, r.max() - r.min()));
  }

  /** Up to {@code n} more of {@code body}, greedy: the most first. */
  private static List<List<Object>> optional(List<List<Object>> body, int n) {
    List<List<Object>> out = new ArrayList<>();
    if (n > 0) {
      out.addAll(product(body, optional(body, n - 1)));
    }
    out.add(new ArrayList<>());
    return out;
  }

  private static List<List<Object>> product(List<List<Object>> a, List<List<Object>> b) {
    List<List<Object>> out = new ArrayList<>(a.size() * b.size());
    for (List<Object> x : a) {
      for (List<Object> y : b) {
        List<Object> path = new ArrayList<>(x.size() + y.size());
        path.addAll(x);
        path.addAll(y);
        out.add(path);
      }
    }
    if (out.size() > MAX_PATHS) {
      throw new Unsupported();
    }
    return out;
  }

  /** The set of a node that matches exactly one character, or null. */
  private static CharSet oneCharacter(Node0 node, Sets sets) {
    if (node instanceof Lit l) {
      return sets.caseless(l.c());
    }
    if (node instanceof Cls c) {
      return c.set();
    }
    return null;
  }

  /** A recursive-descent reader of the pattern syntax taken. */
  private static final class Parser {
    private final String p;
    private final Sets sets;
    int i;

    Parser(String pattern, Sets sets) {
      p = pattern;
      this.sets = sets;
    }

    Node0 alternation(boolean caseless) {
      Node0 first = sequence(caseless);
      if (i >= p.length() || p.charAt(i) != '|') {
        return first;
      }
      List<Node0> options = new ArrayList<>();
      options.add(first);
      while (i < p.length() && p.charAt(i) == '|') {
        i++;
        options.add(sequence(caseless));
      }
      return new Alt(options);
    }

    private Node0 sequence(boolean caseless) {
      List<Node0> items = new ArrayList<>();
      while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
        items.add(quantified(caseless));
      }
      return items.size() == 1 ? items.get(0) : new Seq(items);
    }

    private Node0 quantified(boolean caseless) {
      Node0 atom = atom(caseless);
      if (i >= p.length()) {
        return atom;
      }
      int min;
      int max;
      switch (p.charAt(i)) {
        case '?' -> {
          min = 0;
          max = 1;
          i++;
        }
        case '*' -> {
          min = 0;
          max = -1;
          i++;
        }
        case '+' -> {
          min = 1;
          max = -1;
          i++;
        }
        case '{' -> {
          int close = p.indexOf('}', i);
          String[] bounds = p.substring(i + 1, close).split(",", -1);
          min = Integer.parseInt(bounds[0].trim());
          max =
              bounds.length == 1
                  ? min
                  : bounds[1].isBlank() ? -1 : Integer.parseInt(bounds[1].trim());
          if (bounds.length > 2 || (max >= 0 && max < min) || min > 64 || max > 64) {
            throw new Unsupported();
          }
          i = close + 1;
        }
        default -> {
          return atom;
        }
      }
      if (atom instanceof Zero) {
        throw new Unsupported();
      }
      boolean possessive = false;
      if (i < p.length() && p.charAt(i) == '+') {
        possessive = true;
        i++;
      } else if (i < p.length() && p.charAt(i) == '?') {
        // Lazy: the engine would try the shorter ways first.
        throw new Unsupported();
      }
      return new Rep(atom, min, max, possessive);
    }

    private Node0 atom(boolean caseless) {
      char c = p.charAt(i);
      switch (c) {
        case '(':
          return group(caseless);
        case '[':
          return new Cls(sets.shared(new CharSet(charClass(caseless))));
        case '^':
          i++;
          return new Zero(Step.of(START));
        case '$':
          i++;
          return new Zero(Step.of(END));
        case '\\':
          return escape(caseless);
        case '.', '*', '+', '?', '{', '|', ')':
          throw new Unsupported();
        default:
          i++;
          return literal(c, caseless);
      }
    }

    private Node0 literal(char c, boolean caseless) {
      if (c >= 128) {
        throw new Unsupported();
      }
      if (caseless || !Character.isLetter(c)) {
        return new Lit(lower(c));
      }
      return new Cls(sets.shared(CharSet.of(c)));
    }

    private Node0 group(boolean caseless) {
      i++; // '('
      if (!p.startsWith("?", i)) {
        return closed(alternation(caseless));
      }
      if (p.startsWith("?:", i)) {
        i += 2;
        return closed(alternation(caseless));
      }
      if (p.startsWith("?-i:", i)) {
        i += 4;
        return closed(alternation(false));
      }
      if (p.startsWith("?i:", i)) {
        i += 3;
        return closed(alternation(true));
      }
      if (p.startsWith("?<!", i) || p.startsWith("?!", i)) {
        boolean behind = p.startsWith("?<!", i);
        i += behind ? 3 : 2;
        CharSet set = oneOf(closed(alternation(caseless)));
        return new Zero(new Step(behind ? NOT_AFTER : NOT_BEFORE, set, 0, false, null, null));
      }
      if (p.startsWith("?<=", i)) {
        i += 3;
        List<List<Object>> ways = ways(closed(alternation(caseless)), sets);
        char[][] suffixes = new char[ways.size()][];
        for (int w = 0; w < ways.size(); w++) {
          List<Object> way = ways.get(w);
          suffixes[w] = new char[way.size()];
          for (int k = 0; k < way.size(); k++) {
            if (!(way.get(k) instanceof Character ch)) {
              throw new Unsupported();
            }
            suffixes[w][k] = ch;
          }
        }
        return new Zero(new Step(AFTER, null, 0, false, null, suffixes));
      }
      throw new Unsupported();
    }

    /** The characters of a look-around that tests one character. */
    private CharSet oneOf(Node0 node) {
      CharSet one = oneCharacter(node, sets);
      if (one != null) {
        return one;
      }
      if (node instanceof Alt a) {
        boolean[] set = new boolean[CHARS];
        for (Node0 option : a.options()) {
          boolean[] s = oneOf(option).chars;
          for (int c = 0; c < CHARS; c++) {
            set[c] |= s[c];
          }
        }
        return sets.shared(new CharSet(set));
      }
      throw new Unsupported();
    }

    private Node0 closed(Node0 inner) {
      if (i >= p.length() || p.charAt(i) != ')') {
        throw new Unsupported();
      }
      i++;
      return inner;
    }

    private Node0 escape(boolean caseless) {
      char e = p.charAt(i + 1);
      i += 2;
      if (e == 'b') {
        return new Zero(Step.of(BOUNDARY));
      }
      CharSet set = predefined(e);
      if (set != null) {
        return new Cls(set);
      }
      if (Character.isLetterOrDigit(e) || e >= 128) {
        throw new Unsupported();
      }
      return literal(e, caseless);
    }

    /** A bracketed class without nesting or intersection. */
    private boolean[] charClass(boolean caseless) {
      i++; // '['
      boolean negate = false;
      if (p.charAt(i) == '^') {
        negate = true;
        i++;
      }
      boolean[] set = new boolean[CHARS];
      boolean first = true;
      while (first || p.charAt(i) != ']') {
        first = false;
        char c = p.charAt(i);
        if (c == '[' || p.startsWith("&&", i)) {
          throw new Unsupported();
        }
        int from;
        if (c == '\\') {
          char e = p.charAt(i + 1);
          i += 2;
          CharSet predefined = predefined(e);
          if (predefined != null) {
            for (int x = 0; x < CHARS; x++) {
              set[x] |= predefined.chars[x];
            }
            continue;
          }
          if (Character.isLetterOrDigit(e) || e >= 128) {
            throw new Unsupported();
          }
          from = e;
        } else {
          if (c >= 128) {
            throw new Unsupported();
          }
          from = c;
          i++;
        }
        int to = from;
        if (p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          char t = p.charAt(i + 1);
          if (t == '\\' || t == '[' || t >= 128 || t < from) {
            throw new Unsupported();
          }
          to = t;
          i += 2;
        }
        for (int x = from; x <= to; x++) {
          set[x] = true;
          if (caseless && Character.isLetter(x)) {
            set[Character.toLowerCase(x)] = true;
            set[Character.toUpperCase(x)] = true;
          }
        }
      }
      i++; // ']'
      if (negate) {
        for (int x = 0; x < 128; x++) {
          if (caseless && set[x] && Character.isLetter(x)) {
            // How the engine folds case in a negated class is not followed here.
            throw new Unsupported();
          }
        }
        for (int x = 0; x < CHARS; x++) {
          set[x] = !set[x];
        }
      }
      return set;
    }
  }
}
