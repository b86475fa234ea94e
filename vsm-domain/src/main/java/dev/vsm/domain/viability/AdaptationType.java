package dev.vsm.domain.viability;

import java.util.Locale;
import java.util.Optional;

/** The six ways the system adapts itself when its viability metrics cross a threshold. */
public enum AdaptationType {
  ADD_REVIEW_STEP,
  LOWER_COMPLEXITY_THRESHOLD,
  INCREASE_S2_INVOLVEMENT,
  REQUIRE_S5_APPROVAL,
  TIGHTEN_S3_STAR,
  PARALLELIZE_S1;

  // Made once: labels are written for every document and line that names one.
  private final String label = name().toLowerCase(Locale.ROOT);

  /** The snake_case name used in state files and logs. */
  public String label() {
    return label;
  }

  public static Optional<AdaptationType> parse(String label) {
    for (AdaptationType t : values()) {
      if (t.label().equals(label)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
