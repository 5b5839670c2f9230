package org.stomacds.engine.narrative;

import java.util.regex.Pattern;

/**
 * A form's check boxes, one grammar for every reader: "Sedation: [ ] None [x] Moderate [ ] MAC",
 * "Complications: [x] None [ ] Bleeding", "Extent: [x] Caecum [ ] Incomplete", "☒ yes ☐ no",
 * "Moderate [x] MAC [ ]". A phrase beside an empty box is an option the form offered, not what was
 * done or found. The box is the item's: the one a phrase holds, else the one before it when the
 * line's boxes open its items, else the one after it; an item's own words run at most three words
 * from its box. Read on folded text, by index.
 */
final class CheckBoxes {

  /** A box: empty (group 1) or ticked (group 2). */
  private static final AnchoredPattern BOX =
      AnchoredPattern.compile(
          "(\\[\\s*_?\\s*\\]|\\(\\s*\\)|\u2610|\u25a1)"
              + "|(\\[\\s*[x\u2713\u2714\u2717*]\\s*\\]|\\(\\s*[x\u2713\u2714*]\\s*\\)"
              + "|\u2612|\u2611|\u25a0|\u2713|\u2714)");

  /** What may stand between a box and the words of its item: a label's mark, up to three words. */
  private static final Pattern ITEM_GAP =
      Rx.compile("(?:\\[[^\\]]*\\]|\\([^)]*\\)|.)?\\s*(?:[a-z/-]+\\s+){0,3}?[\\s:-]*");

  private CheckBoxes() {}

  /** Whether the phrase at {@code [start, end)} of folded text {@code f} stands by an empty box. */
  static boolean unticked(String f, int start, int end) {
    return Boolean.TRUE.equals(emptyBoxOf(f, start, end));
  }

  /** Whether {@code [from, to)} holds an empty box: a form's line of options. */
  static boolean holdsEmptyBox(String f, int from, int to) {
    AnchoredPattern.Finder m = BOX.finder(f).region(from, to);
    while (m.find()) {
      if (m.group(1) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code f[from, to)} with the boxes and the unticked items blanked out (the same length, so that
   * offsets hold): what a field of check boxes says; the text itself when it holds no box. An item
   * runs from its box to the next box; when no box is ticked the field names nothing.
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
      blank(out, m.start(), m.end());
      itemStart = m.end();
      ticked = m.group(2) != null;
    } while (m.find());
    if (!ticked) {
      int end = content.indexOf('\n', itemStart);
      blank(out, itemStart, end < 0 ? content.length() : end);
    }
    return out.toString();
  }

  /**
   * Whether the item at {@code [start, end)} has an empty box (true), a ticked one, or none (null).
   */
  private static Boolean emptyBoxOf(String f, int start, int end) {
    AnchoredPattern.Finder own = BOX.finder(f).region(start, end);
    if (own.find()) {
      // "Moderate [x]", "[x] Moderate": a phrase that holds its box reads that box
      return own.group(1) != null;
    }
    int ls = f.lastIndexOf('\n', start - 1) + 1;
    int le = f.indexOf('\n', end);
    le = le < 0 ? f.length() : le;
    AnchoredPattern.Finder m = BOX.finder(f).region(ls, le);
    if (!m.find()) {
      return null;
    }
    String opening = f.substring(ls, m.start());
    boolean boxesFirst = opening.substring(opening.lastIndexOf(':') + 1).isBlank();
    int owner = -1;
    boolean empty = false;
    m = BOX.finder(f).region(ls, le);
    while (m.find()) {
      if (boxesFirst ? m.end() <= start : m.start() >= end && owner < 0) {
        owner = m.start();
        empty = m.group(1) != null;
      }
    }
    if (owner < 0) {
      return null;
    }
    String between = boxesFirst ? f.substring(owner, start) : f.substring(end, owner);
    return ITEM_GAP.matcher(between).matches() ? empty : null;
  }

  private static void blank(StringBuilder out, int from, int to) {
    for (int i = from; i < to; i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, ' ');
      }
    }
  }
}
