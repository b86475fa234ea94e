package dev.vsm.domain.cycle;

import java.util.Optional;

/**
 * A disagreement between S3 (control) and S4 (intelligence) about a task's complexity. S5 settles
 * it; the count feeds the {@code require_s5_approval} adaptation.
 */
public record S3S4Conflict(String type, String s3Position, String s4Position) {

  /** One line: {@code complexity_disagreement: S3 Assessed as x; S4 Recommended as y}. */
  public String describe() {
    return type + ": S3 " + s3Position + "; S4 " + s4Position;
  }

  public static final String COMPLEXITY_DISAGREEMENT = "complexity_disagreement";

  /**
   * The conflict rule: both sides gave a complexity and they differ. No S4 assessment, no conflict.
   */
  public static Optional<S3S4Conflict> detect(String s4Assessment, String s3Complexity) {
    if (s4Assessment == null
        || s4Assessment.isBlank()
        || s3Complexity == null
        || s3Complexity.isBlank()) {
      return Optional.empty();
    }
    String s4 = s4Assessment.trim().toLowerCase(java.util.Locale.ROOT);
    String s3 = s3Complexity.trim().toLowerCase(java.util.Locale.ROOT);
    if (s4.equals(s3)) {
      return Optional.empty();
    }
    return Optional.of(
        new S3S4Conflict(COMPLEXITY_DISAGREEMENT, "Assessed as " + s3, "Recommended as " + s4));
  }
}
