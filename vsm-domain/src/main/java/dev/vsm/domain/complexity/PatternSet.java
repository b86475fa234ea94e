package dev.vsm.domain.complexity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every pattern of a rule set, matched together: one pass over the task finds, for each pattern,
 * its earliest match.
 *
 * <p>Built-in patterns are matched by a {@link KeywordMatcher}: the task is read once and walked
 * through a trie of every way the patterns can match, without the regular-expression engine. The
 * engine matches the rest: patterns a user added, a built-in pattern the keyword matcher cannot
 * read exactly, and every pattern on a task with a character only the engine reads right (see
 * {@link KeywordMatcher#read}). Both give the same matches (a test holds them to it).
 *
 * <p>Built-in patterns run in time linear in the task's length. Patterns a user adds are run under
 * a budget of character reads proportional to the task's length and with stack overflows caught:
 * one that exceeds it is skipped for that task and reported, never left to hang or crash the
 * analysis.
 */
final class PatternSet {

  /** Character reads a user pattern may make per character of the task (plus a fixed allowance). */
  static final long READS_PER_CHAR = 1_000;

  private static final long READS_ALLOWANCE = 100_000;

  private final List<String> sources;

  /** Each pattern compiled for the engine when first needed: most never are. */
  private final AtomicReferenceArray<Pattern> compiled;

  private final boolean[] guarded;

  private final KeywordMatcher keywords;

  /** The built-in patterns: the keyword matcher's. */
  private final int[] builtIn;

  /** The patterns a user added: the engine searches them on every task, under a budget. */
  private final int[] byEngine;

  /**
   * @param trusted patterns known to run in linear time (the built-in ones); all others are guarded
   */
  PatternSet(List<String> patterns, Set<String> trusted) {
    sources = List.copyOf(patterns);
    int n = sources.size();
    compiled = new AtomicReferenceArray<>(n);
    guarded = new boolean[n];
    List<String> builtInSources = new ArrayList<>();
    List<Integer> builtInIds = new ArrayList<>();
    List<Integer> engine = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      guarded[i] = !trusted.contains(sources.get(i));
      if (guarded[i]) {
        // A user's pattern is checked when its rule is made; it is searched once per task, under
        // one budget.
        engine.add(i);
      } else {
        builtInSources.add(sources.get(i));
        builtInIds.add(i);
      }
    }
    builtIn = KeywordMatcher.ints(builtInIds);
    keywords = new KeywordMatcher(builtInSources, builtIn);
    byEngine = KeywordMatcher.ints(engine);
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

  /** How many built-in patterns the keyword matcher reads without the engine. */
  int readByKeywords() {
    return keywords.readable();
  }

  /** The earliest match of each pattern in {@code text}. */
  Matches match(String text) {
    Matches m = new Matches(text);
    if (!keywords.match(text, m)) {
      for (int p : builtIn) {
        run(p, text, m);
      }
    }
    for (int p : byEngine) {
      run(p, text, m);
    }
    return m;
  }

  /** Searches the whole text for pattern {@code p}, under the budget when it is a user's. */
  private void run(int p, String text, Matches m) {
    try {
      CharSequence input =
          guarded[p]
              ? new BudgetedText(text, READS_PER_CHAR * text.length() + READS_ALLOWANCE)
              : text;
      Matcher matcher = compiled(p).matcher(input);
      if (matcher.find()) {
        m.record(p, matcher.start(), matcher.end());
      }
    } catch (BudgetedText.Exhausted | StackOverflowError e) {
      m.skip(p);
    }
  }

  /**
   * Where the patterns that matched first matched, and which were skipped: a few entries per task,
   * whatever the number of patterns.
   */
  final class Matches implements KeywordMatcher.Sink {
    private final String text;
    private int[] hits = new int[8];
    private int[] from = new int[8];
    private int[] to = new int[8];
    private int hitCount;
    private int[] skipped = new int[0];

    private Matches(String text) {
      this.text = text;
    }

    @Override
    public boolean matched(int p) {
      return indexOf(p) >= 0;
    }

    private int indexOf(int p) {
      for (int h = 0; h < hitCount; h++) {
        if (hits[h] == p) {
          return h;
        }
      }
      return -1;
    }

    /** Where pattern {@code p}'s earliest match starts (only when {@link #matched}). */
    int start(int p) {
      return from[indexOf(p)];
    }

    /** Where pattern {@code p}'s earliest match ends (only when {@link #matched}). */
    int end(int p) {
      return to[indexOf(p)];
    }

    /** How many patterns matched. */
    int hitCount() {
      return hitCount;
    }

    /** The {@code h}-th pattern that matched, in the order they were found. */
    int hit(int h) {
      return hits[h];
    }

    /** Where the {@code h}-th match starts. */
    int hitStart(int h) {
      return from[h];
    }

    /** Where the {@code h}-th match ends. */
    int hitEnd(int h) {
      return to[h];
    }

    @Override
    public void record(int p, int start, int end) {
      if (hitCount == hits.length) {
        hits = Arrays.copyOf(hits, hitCount * 2);
        from = Arrays.copyOf(from, hitCount * 2);
        to = Arrays.copyOf(to, hitCount * 2);
      }
      hits[hitCount] = p;
      from[hitCount] = start;
      to[hitCount] = end;
      hitCount++;
    }

    @Override
    public void search(int p) {
      run(p, text, this);
    }

    boolean skipped(int p) {
      for (int s : skipped) {
        if (s == p) {
          return true;
        }
      }
      return false;
    }

    /** The patterns skipped on this task, in the order they were tried. */
    int[] skipped() {
      return skipped.clone();
    }

    private void skip(int p) {
      skipped = Arrays.copyOf(skipped, skipped.length + 1);
      skipped[skipped.length - 1] = p;
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
