package org.stomacds.engine.narrative;

/**
 * A template's check boxes in a field's content: "[x] Caecum [ ] Incomplete", "☒ yes ☐ no". An item
 * runs from its box to the next box; the field says what is ticked, so the items left blank are no
 * part of it.
 */
final class TickedItems {

  private static final AnchoredPattern BOX =
      AnchoredPattern.compile("\\[\\s*([x✓✔✗*])?\\s*\\]|\\(\\s*([x✓✔✗*])?\\s*\\)|([☒☑■✓✔])|[☐□]");

  private TickedItems() {}

  /**
   * {@code f[from, to)} with the boxes and the unticked items blanked out (the same length, so that
   * offsets hold); the text itself when it holds no box.
   */
  static String ticked(String f, int from, int to) {
    String content = f.substring(from, to);
    AnchoredPattern.Finder m = BOX.finder(content);
    if (!m.find()) {
      return content;
    }
    StringBuilder out = new StringBuilder(content);
    int itemStart = -1;
    boolean ticked = false;
    do {
      if (itemStart >= 0 && !ticked) {
        blank(out, itemStart, m.start());
      }
      boolean tick = m.group(1) != null || m.group(2) != null || m.group(3) != null;
      blank(out, m.start(), m.end());
      itemStart = m.end();
      ticked = tick;
    } while (m.find());
    if (!ticked) {
      int end = content.indexOf('\n', itemStart);
      blank(out, itemStart, end < 0 ? content.length() : end);
    }
    // Boxes with none ticked name nothing.
    return out.toString();
  }

  private static void blank(StringBuilder out, int from, int to) {
    for (int i = from; i < to; i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, ' ');
      }
    }
  }
}
