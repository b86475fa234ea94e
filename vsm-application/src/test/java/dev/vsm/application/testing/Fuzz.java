package dev.vsm.application.testing;

import java.util.Random;

/**
 * Seeded random-input testing: a run has one seed (fixed per test, so {@code mvn verify} is
 * deterministic; {@code -Dvsm.fuzz.seed=N} replays or explores, {@code -Dvsm.fuzz.seed=random}
 * draws one), each case its own {@link Random} derived from it. A failing case names the seed, the
 * case and its input.
 */
public final class Fuzz {

  public static final String SEED_PROPERTY = "vsm.fuzz.seed";

  private Fuzz() {}

  /** One case: its random source, and what it fed the code under test (for the failure message). */
  public static final class Trial {
    private final Random random;
    private String input = "(not recorded)";

    Trial(Random random) {
      this.random = random;
    }

    public Random random() {
      return random;
    }

    /** Records the input, shown (escaped, cut) when the case fails. */
    public void input(String text) {
      input = text;
    }

    public void input(byte[] bytes) {
      input = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }

  /** What a case does with its trial. */
  @FunctionalInterface
  public interface Case {
    void run(Trial trial) throws Exception;
  }

  /** The run's seed: the property when set, else {@code fallback}. */
  public static long seed(long fallback) {
    String s = System.getProperty(SEED_PROPERTY, "").trim();
    if (s.isEmpty()) {
      return fallback;
    }
    return s.equals("random") ? System.nanoTime() : Long.parseLong(s);
  }

  /** Runs {@code count} cases; the first failure is rethrown with the seed and the case's input. */
  public static void run(String name, long defaultSeed, int count, Case body) {
    long seed = seed(defaultSeed);
    for (int i = 0; i < count; i++) {
      Trial trial = new Trial(new Random(seed * 0x9E3779B97F4A7C15L + i));
      try {
        body.run(trial);
      } catch (Throwable t) {
        throw new AssertionError(
            name
                + ": case "
                + i
                + " of seed "
                + seed
                + " failed (replay: -D"
                + SEED_PROPERTY
                + "="
                + seed
                + ")\n  input: "
                + escaped(trial.input, 600)
                + "\n  failure: "
                + escaped(String.valueOf(t), 4000),
            t);
      }
    }
  }

  /**
   * Text with control and non-ASCII characters escaped (newlines kept), cut to {@code max}
   * characters: a report shows it whole.
   */
  public static String escaped(String text, int max) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if ((c >= 0x20 && c < 0x7f) || c == '\n') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    if (out.length() >= max) {
      out.append("… (").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
