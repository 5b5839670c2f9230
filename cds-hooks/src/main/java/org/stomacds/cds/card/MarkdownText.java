package org.stomacds.cds.card;

/**
 * Puts text that comes from data (note quotes, codes, ids, rule text) into a card's Markdown so it
 * shows as written and can build nothing: no link, image, emphasis, HTML tag or entity, and no new
 * block (line breaks become spaces).
 */
public final class MarkdownText {

  private static final String SPECIAL = "\\`*_[]<>|~&!#";

  private MarkdownText() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        // drop other control characters
      } else {
        if (SPECIAL.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** An http(s) URL safe to put in a Markdown link target, or null. */
  static String safeUrl(String url) {
    if (url == null || !url.matches("https?://[^\\s()<>\\\\\"'`]+")) {
      return null;
    }
    return url;
  }
}
