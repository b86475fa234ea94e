package dev.vsm.application.protocol;

/** Text cut down for prompts and the log. */
public final class Text {

  private Text() {}

  /** {@code text} stripped and cut to {@code max} characters with an ellipsis ("" for null). */
  public static String preview(String text, int max) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
