package dev.vsm.domain.complexity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The words of a task as the learned word weights see them: lower-cased runs of ASCII letters and
 * digits, cut to a crude stem so that inflections share a weight ("caching" and "cache" are {@code
 * cach}, "migrations" and "migrated" {@code migrat}), function words dropped. One pass over the
 * text, no regular expression: it costs about as much as reading the task.
 *
 * <p>The leading word is the task's verb once a conventional-commit or bracketed prefix
 * ("fix(db):", "[Feature]", "chore:") is skipped.
 */
final class Words {

  /** Longest stem kept: longer words are cut here ("authentication" → {@code authent}). */
  static final int STEM_LENGTH = 7;

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "with", "by", "from", "at",
          "as", "is", "are", "be", "it", "its", "this", "that", "into", "when", "if", "so", "we",
          "i", "you", "my", "our", "can", "should", "would", "will", "do", "does", "was", "were");

  private Words() {}

  /** The distinct stems of a task's words, in the order they first appear. */
  static List<String> stems(String text) {
    // A task has a few dozen words at most: a list searched is lighter than a set.
    // Sinks as classes, not lambdas, here and in lead(): `analyze` of one task comes here, and the
    // first lambda of a process costs it ~12 ms of set-up.
    List<String> out = new ArrayList<>();
    forEachWord(
        text,
        new WordSink() {
          @Override
          public void accept(String w) {
            if (!out.contains(w)) {
              out.add(w);
            }
          }
        });
    return out;
  }

  /** The stem of the task's leading word after any prefix, or null for a task without words. */
  static String lead(String text) {
    String[] first = new String[1];
    int start = skipPrefix(text);
    forEachWord(
        text.substring(start),
        new WordSink() {
          @Override
          public void accept(String w) {
            if (first[0] == null) {
              first[0] = w;
            }
          }
        });
    return first[0];
  }

  /**
   * Where the task proper starts: after a leading "[...]" tag and after a leading "word:" or
   * "word(scope):" prefix (conventional commits), each at most once.
   */
  static int skipPrefix(String text) {
    int i = skipSpace(text, 0);
    if (i < text.length() && text.charAt(i) == '[') {
      int close = text.indexOf(']', i);
      if (close > 0 && close - i <= 40) {
        i = skipSpace(text, close + 1);
      }
    }
    int j = i;
    while (j < text.length() && isLetter(text.charAt(j))) {
      j++;
    }
    if (j > i && j < text.length() && text.charAt(j) == '(') {
      int close = text.indexOf(')', j);
      if (close > 0 && close - j <= 40) {
        j = close + 1;
      }
    }
    if (j > i && j < text.length() && (text.charAt(j) == ':' || text.charAt(j) == '!')) {
      int k = text.charAt(j) == '!' ? j + 1 : j;
      if (k < text.length() && text.charAt(k) == ':') {
        return skipSpace(text, k + 1);
      }
    }
    return i;
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
      if (text.charAt(i) == '[') {
        return i;
      }
      i++;
    }
    return i;
  }

  interface WordSink {
    void accept(String stem);
  }

  /** Calls the sink with the stem of each word that is not a function word. */
  static void forEachWord(String text, WordSink sink) {
    int n = text.length();
    char[] buf = new char[32];
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isAlnum(c)) {
        i++;
        continue;
      }
      int len = 0;
      boolean letters = false;
      while (i < n && isAlnum(text.charAt(i))) {
        char d = text.charAt(i);
        if (len < buf.length) {
          buf[len++] = lower(d);
        }
        letters |= isLetter(d);
        i++;
      }
      // A word run on an apostrophe ("don't", "user's") is one word.
      if (i + 1 < n && text.charAt(i) == '\'' && isLetter(text.charAt(i + 1))) {
        while (i + 1 < n && text.charAt(i) == '\'' && isLetter(text.charAt(i + 1))) {
          i++;
          while (i < n && isAlnum(text.charAt(i))) {
            if (len < buf.length) {
              buf[len++] = lower(text.charAt(i));
            }
            i++;
          }
        }
      }
      String stem = letters ? stem(buf, len) : "#";
      if (stem != null) {
        sink.accept(stem);
      }
    }
  }

  /** The longest function word: a longer word is never one. */
  private static final int LONGEST_FUNCTION_WORD = 6;

  /**
   * A word's stem, or null for a function word or a single letter. Works on the word's characters
   * (which it may change) and makes one string: it runs for every word of every task.
   */
  static String stem(char[] w, int len) {
    // Trailing digits name versions of the same thing ("oauth2", "python3", "v2").
    while (len > 1 && isDigit(w[len - 1]) && isLetter(w[0])) {
      len--;
    }
    if (len <= 1) {
      return null;
    }
    String word = null;
    if (len <= LONGEST_FUNCTION_WORD) {
      word = new String(w, 0, len);
      if (FUNCTION_WORDS.contains(word)) {
        return null;
      }
    }
    int end = len;
    if (end > 4 && endsWith(w, end, "ies")) {
      w[end - 3] = 'y';
      end -= 2;
    } else if (end > 4 && endsWith(w, end, "sses")) {
      end -= 2;
    } else if (end > 3
        && endsWith(w, end, "s")
        && !endsWith(w, end, "ss")
        && !endsWith(w, end, "us")
        && !endsWith(w, end, "is")) {
      end -= 1;
    }
    if (end > 5 && endsWith(w, end, "ing")) {
      end -= 3;
    } else if (end > 4 && endsWith(w, end, "ed")) {
      end -= 2;
    }
    if (end > 3 && endsWith(w, end, "e")) {
      end -= 1;
    }
    end = Math.min(end, STEM_LENGTH);
    return end == len && word != null ? word : new String(w, 0, end);
  }

  private static boolean endsWith(char[] w, int end, String suffix) {
    int from = end - suffix.length();
    if (from < 0) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (w[from + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return isLetter(c) || isDigit(c);
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
