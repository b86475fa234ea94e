package dev.vsm.domain.cycle;

/** The one-line summary of a finished cycle. */
public final class CycleSummary {

  private CycleSummary() {}

  public static String text(int successful, int total, boolean auditPassed) {
    return "Completed with "
        + successful
        + "/"
        + total
        + " agents successful. Audit "
        + (auditPassed ? "passed" : "failed")
        + ".";
  }
}
