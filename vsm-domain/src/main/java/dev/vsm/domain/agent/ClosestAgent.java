package dev.vsm.domain.agent;

import java.util.Collection;
import java.util.Locale;

/**
 * The specialist that takes the place of an agent no one defined (a domain such as {@code ml} from
 * custom rules, a name S3 made up): the same name written otherwise ({@code Backend_API} is {@code
 * backend-api}), a name inside the other ({@code backend-api}, {@code test}), a near spelling
 * ({@code fronted}), an agent whose registry capabilities name it ({@code devops} is
 * infrastructure's), else {@code generalist-coder}.
 */
public final class ClosestAgent {

  private ClosestAgent() {}

  /** One of {@code candidates} (or {@link AgentName#GENERALIST} when none is close). */
  public static String to(String wanted, Collection<String> candidates, AgentRegistry registry) {
    String w = normalise(wanted);
    if (candidates.contains(w)) {
      return w;
    }
    String best = null;
    for (String c : candidates) {
      boolean inside = Math.min(c.length(), w.length()) >= 3 && (w.contains(c) || c.contains(w));
      if (inside && (best == null || c.length() > best.length())) {
        best = c;
      }
    }
    if (best != null) {
      return best;
    }
    int closest = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(w, c);
      if (d <= Math.max(1, Math.min(2, c.length() / 4)) && d < closest) {
        closest = d;
        best = c;
      }
    }
    if (best != null) {
      return best;
    }
    for (String c : candidates) {
      if (registry.find(c).map(p -> names(p, w)).orElse(false)) {
        return c;
      }
    }
    return AgentName.GENERALIST;
  }

  private static String normalise(String name) {
    return AgentName.withoutS1Prefix(name.trim().toLowerCase(Locale.ROOT))
        .replaceAll("[_\\s]+", "-");
  }

  /** A capability names {@code w} when one of its words starts with it ({@code api}: "APIs"). */
  private static boolean names(AgentProfile profile, String w) {
    if (w.length() < 2) {
      return false;
    }
    for (String capability : profile.capabilities()) {
      for (String word : capability.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
        if (!word.isEmpty() && (word.equals(w) || (w.length() >= 3 && word.startsWith(w)))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Levenshtein distance, for names of at most 64 characters. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
