package dev.vsm.domain.cycle;

/** The one-line summary of a finished cycle. */
public final class CycleSummary {

  private CycleSummary() {}

  /**
   * The summary; {@code auditPassed} is null when there was no audit (no S1 agent succeeded, so
   * there was nothing to audit), which must not read as a failed audit.
   */
  public static String text(int successful, int total, Boolean auditPassed) {
    return "Completed with "
        + successful
        + "/"
        + total
        + " agents successful. Audit "
        + (auditPassed == null ? "skipped" : auditPassed ? "passed" : "failed")
        + ".";
  }
}
