package dev.vsm.adapter.filesystem;

/** What the log's line readers share. */
final class LogLines {

  /**
   * What a reader returns for a line longer than its limit, instead of the line: no log entry (it
   * is not JSON), so it is skipped and reported like any unreadable line.
   */
  static final String TOO_LONG = "\u0000(a line longer than the limit)";

  private LogLines() {}
}
