package dev.vsm.domain.complexity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every pattern of a rule set, compiled once and matched together: one pass over the task finds,
 * for each pattern, its earliest match.
 *
 * <p>Rule patterns match at the start of a word (see {@link WeightedPattern#compile}), and most
 * begin with a literal stem ("migrat", "typo"). For a task in ASCII the text is lower-cased once
 * and each built-in pattern is tried only where a word starts with its stem, or where the task has
 * a character its matches can begin with ({@link FirstChars}), or, when it begins with {@code ^},
 * at the start. Patterns that cannot be read that way, patterns a user added, and every pattern on
 * text outside ASCII are searched the ordinary way. Both ways give the same matches (a test holds
 * them to it).
 *
 * <p>Built-in patterns are written to run in time linear in the task's length. Patterns a user adds
 * are run under a budget of character reads proportional to the task's length and with stack
 * overflows caught: one that exceeds it is skipped for that task and reported, never left to hang
 * or crash the analysis.
 */
final class PatternSet {

  /** Character reads a user pattern may make per character of the task (plus a fixed allowance). */
  static final long READS_PER_CHAR = 1_000;

  private static final long READS_ALLOWANCE = 100_000;

  private final List<String> sources;

  /** Each pattern compiled when first needed: a task rarely needs most of them. */
  private final AtomicReferenceArray<Pattern> compiled;

  private final String[] stems;
  private final boolean[] guarded;

  /** Characters (lower-case) a match of each pattern must contain, or null. */
  private final char[][] required;

  /**
   * Whether a match of each pattern begins only where no word character precedes it: true of every
   * pattern without a leading {@code \b} or {@code ^}, which {@link WeightedPattern#compile} gives
   * a look-behind for one.
   */
  private final boolean[] afterNonWord;

  /** Patterns to try where a word of the (lower-cased) task starts with a given character. */
  private final int[][] byWordStart = new int[128][];

  /** Patterns to try wherever the (lower-cased) task has a given character. */
  private final int[][] byChar = new int[128][];

  /** Patterns anchored at the task's start: tried there only. */
  private final int[] anchored;

  /** The characters a match of each anchored pattern can begin with. */
  private final boolean[][] anchoredFirst;

  /** Patterns searched the ordinary way. */
  private final int[] searched;

  /**
   * @param trusted patterns known to run in linear time (the built-in ones); all others are guarded
   */
  PatternSet(List<String> patterns, Set<String> trusted) {
    sources = List.copyOf(patterns);
    int n = sources.size();
    compiled = new AtomicReferenceArray<>(n);
    stems = new String[n];
    guarded = new boolean[n];
    required = new char[n][];
    afterNonWord = new boolean[n];
    List<List<Integer>> wordStarts = new ArrayList<>();
    List<List<Integer>> anywhere = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      wordStarts.add(new ArrayList<>());
      anywhere.add(new ArrayList<>());
    }
    List<Integer> atStart = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String p = sources.get(i);
      guarded[i] = !trusted.contains(p);
      if (guarded[i]) {
        // A user's pattern is checked when its rule is made; it is searched once per task, under
        // one budget, never per position.
        rest.add(i);
        continue;
      }
      stems[i] = stem(p);
      boolean[] first = stems[i] != null ? null : FirstChars.of(p);
      if (stems[i] != null) {
        wordStarts.get(stems[i].charAt(0)).add(i);
        continue;
      }
      required[i] = FirstChars.required(p);
      afterNonWord[i] = !p.startsWith("\\b") && !p.startsWith("^");
      if (p.startsWith("^") && !hasTopLevelAlternation(p) && first != null) {
        atStart.add(i);
      } else if (first != null) {
        // A match of a pattern without a leading \b gets one from compile(): if it can only begin
        // with a word character, it begins where a word does.
        boolean wordsOnly = true;
        for (int c = 0; c < 128; c++) {
          wordsOnly &= !first[c] || isWordChar((char) c);
        }
        for (int c = 0; c < 128; c++) {
          if (first[c]) {
            (wordsOnly ? wordStarts : anywhere).get(c).add(i);
          }
        }
      } else {
        rest.add(i);
      }
    }
    for (int c = 0; c < 128; c++) {
      byWordStart[c] = ints(wordStarts.get(c));
      byChar[c] = ints(anywhere.get(c));
    }
    anchored = ints(atStart);
    anchoredFirst = new boolean[anchored.length][];
    for (int a = 0; a < anchored.length; a++) {
      anchoredFirst[a] = FirstChars.of(sources.get(anchored[a]));
    }
    searched = ints(rest);
  }

  // Loops, not streams: this runs once per process, before the JIT has compiled anything.
  private static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private Pattern compiled(int p) {
    Pattern c = compiled.get(p);
    if (c == null) {
      c = WeightedPattern.compile(sources.get(p));
      compiled.set(p, c);
    }
    return c;
  }

  int size() {
    return sources.size();
  }

  String source(int i) {
    return sources.get(i);
  }

  /** The earliest match of each pattern in {@code text}. */
  Matches match(String text) {
    Matches m = new Matches(sources.size());
    if (isAscii(text)) {
      String lower = text.toLowerCase(Locale.ROOT);
      int len = lower.length();
      boolean[] present = new boolean[128];
      for (int i = 0; i < len; i++) {
        present[lower.charAt(i)] = true;
      }
      boolean previousIsWord = false;
      for (int i = 0; i < len; i++) {
        char c = lower.charAt(i);
        boolean isWord = isWordChar(c);
        if (isWord && !previousIsWord) {
          for (int p : byWordStart[c]) {
            if (!m.matched(p)
                && !m.skipped(p)
                && (stems[p] == null
                    ? contains(present, required[p])
                    : lower.startsWith(stems[p], i))) {
              run(p, text, i, m);
            }
          }
        }
        for (int p : byChar[c]) {
          if (!m.matched(p)
              && !m.skipped(p)
              && !(previousIsWord && afterNonWord[p])
              && contains(present, required[p])) {
            run(p, text, i, m);
          }
        }
        previousIsWord = isWord;
      }
      for (int a = 0; a < anchored.length; a++) {
        int p = anchored[a];
        if (len > 0 && anchoredFirst[a][lower.charAt(0)] && contains(present, required[p])) {
          run(p, text, 0, m);
        }
      }
      for (int p : searched) {
        run(p, text, -1, m);
      }
    } else {
      for (int p = 0; p < sources.size(); p++) {
        run(p, text, -1, m);
      }
    }
    return m;
  }

  private static boolean contains(boolean[] present, char[] required) {
    if (required != null) {
      for (char c : required) {
        if (!present[c]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Tries pattern {@code p} anchored at {@code at}, or searches the whole text when negative. */
  private void run(int p, String text, int at, Matches m) {
    try {
      boolean found;
      Matcher matcher;
      if (at >= 0) {
        // Tried at many positions: one matcher per pattern and task, moved from place to place.
        Matcher[] matchers = m.matchers();
        matcher = matchers[p];
        if (matcher == null) {
          matcher = compiled(p).matcher(text);
          matcher.useTransparentBounds(true);
          matcher.useAnchoringBounds(false);
          matchers[p] = matcher;
        }
        matcher.region(at, text.length());
        found = matcher.lookingAt();
      } else {
        CharSequence input =
            guarded[p]
                ? new BudgetedText(text, READS_PER_CHAR * text.length() + READS_ALLOWANCE)
                : text;
        matcher = compiled(p).matcher(input);
        found = matcher.find();
      }
      if (found) {
        m.record(p, matcher.start(), matcher.end());
      }
    } catch (BudgetedText.Exhausted | StackOverflowError e) {
      m.skip(p);
    }
  }

  /**
   * The literal, lower-case text every match of {@code pattern} begins with, or null when there is
   * none that starts with a word character (a group, a class, an anchor, an alternation, flags).
   */
  static String stem(String pattern) {
    if (pattern.startsWith("^") || hasTopLevelAlternation(pattern)) {
      return null;
    }
    String p = pattern.startsWith("\\b") ? pattern.substring(2) : pattern;
    StringBuilder stem = new StringBuilder();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      int next = i + 1;
      char literal;
      if (c == '\\') {
        if (next >= p.length()) {
          break;
        }
        char e = p.charAt(next);
        if (e == '.' || e == '-' || e == '/') {
          literal = e;
          next++;
        } else {
          break;
        }
      } else if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-'
          || c == '/') {
        literal = Character.toLowerCase(c);
      } else {
        break;
      }
      if (next < p.length()) {
        char q = p.charAt(next);
        if (q == '?' || q == '*' || q == '{') {
          break;
        }
        if (q == '+') {
          stem.append(literal);
          break;
        }
      }
      stem.append(literal);
      i = next;
    }
    if (stem.length() == 0 || !isWordChar(stem.charAt(0))) {
      return null;
    }
    return stem.toString();
  }

  private static boolean hasTopLevelAlternation(String p) {
    int depth = 0;
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        return true;
      }
    }
    return false;
  }

  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where each pattern first matched, and which were skipped. Made per task in time independent of
   * the number of patterns: the arrays start zeroed (0 means no match, so positions are kept plus
   * one), matchers are made only for patterns that run, and the patterns that matched are listed.
   */
  static final class Matches {
    private final int[] from;
    private final int[] to;
    private boolean[] skipped;
    private Matcher[] matchers;
    private int[] hits = new int[8];
    private int hitCount;

    Matches(int n) {
      from = new int[n];
      to = new int[n];
    }

    boolean matched(int p) {
      return from[p] != 0;
    }

    /** Where pattern {@code p}'s earliest match starts (only when {@link #matched}). */
    int start(int p) {
      return from[p] - 1;
    }

    /** Where pattern {@code p}'s earliest match ends (only when {@link #matched}). */
    int end(int p) {
      return to[p] - 1;
    }

    /** How many patterns matched. */
    int hitCount() {
      return hitCount;
    }

    /** The {@code i}-th pattern that matched, in the order they were found. */
    int hit(int i) {
      return hits[i];
    }

    private void record(int p, int start, int end) {
      from[p] = start + 1;
      to[p] = end + 1;
      if (hitCount == hits.length) {
        hits = java.util.Arrays.copyOf(hits, hitCount * 2);
      }
      hits[hitCount++] = p;
    }

    private Matcher[] matchers() {
      if (matchers == null) {
        matchers = new Matcher[from.length];
      }
      return matchers;
    }

    boolean skipped(int p) {
      return skipped != null && skipped[p];
    }

    boolean anySkipped() {
      return skipped != null;
    }

    private void skip(int p) {
      if (skipped == null) {
        skipped = new boolean[from.length];
      }
      skipped[p] = true;
    }
  }

  /** The task's text, counting the characters the regular-expression engine reads. */
  static final class BudgetedText implements CharSequence {
    private final String text;
    private long left;

    BudgetedText(String text, long reads) {
      this.text = text;
      this.left = reads;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (--left < 0) {
        throw new Exhausted();
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }

    /** Thrown when a pattern has used up its reads. */
    static final class Exhausted extends RuntimeException {
      Exhausted() {
        super(null, null, false, false);
      }
    }
  }
}
