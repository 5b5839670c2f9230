package org.stomacds.engine.narrative;

/**
 * A form's check boxes: "Sedation: [ ] None [x] Moderate [ ] MAC [ ] General anaesthesia" offers
 * four kinds and ticks one. A phrase beside an empty box is an option the form offered, not what
 * was done. The box belongs to the words after it, or, on a line that ends with a box ("Moderate
 * [x] MAC [ ]"), to the words before it. Read by index.
 */
final class CheckBoxes {

  private CheckBoxes() {}

  private enum Box {
    NONE,
    EMPTY,
    TICKED
  }

  /** Whether the phrase at {@code [start, end)} of folded text {@code f} stands by an empty box. */
  static boolean unticked(String f, int start, int end) {
    int lineStart = f.lastIndexOf('\n', start - 1) + 1;
    int lineEnd = f.indexOf('\n', end);
    int last = skipBack(f, end, lineEnd < 0 ? f.length() : lineEnd);
    if (boxEndingAt(f, end, last) != Box.NONE) {
      // "Moderate [x] MAC [ ]": each box follows its option
      int from = end;
      while (from < last && f.charAt(from) == ' ') {
        from++;
      }
      int close = from + 1;
      while (close < last && close - from < 6 && boxEndingAt(f, from, close) == Box.NONE) {
        close++;
      }
      return boxEndingAt(f, from, close) == Box.EMPTY;
    }
    return boxEndingAt(f, lineStart, skipBack(f, lineStart, start)) == Box.EMPTY;
  }

  /** Whether {@code [from, to)} holds an empty box: a form's line of options. */
  static boolean holdsEmptyBox(String f, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = f.charAt(i);
      if ((c == ']' || c == ')' || c == '\u2610' || c == '\u25a1')
          && boxEndingAt(f, from, i + 1) == Box.EMPTY) {
        return true;
      }
    }
    return false;
  }

  private static int skipBack(String f, int from, int to) {
    while (to > from && Character.isWhitespace(f.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /** The box that ends right at {@code to}: "[ ]", "[]", "( )", "☐" empty; "[x]", "☒" ticked. */
  private static Box boxEndingAt(String f, int from, int to) {
    if (to <= from) {
      return Box.NONE;
    }
    char c = f.charAt(to - 1);
    if (c == '\u2610' || c == '\u25a1') {
      return Box.EMPTY;
    }
    if (c == '\u2612' || c == '\u2611') {
      return Box.TICKED;
    }
    char open = c == ']' ? '[' : c == ')' ? '(' : 0;
    if (open == 0) {
      return Box.NONE;
    }
    for (int j = to - 2; j >= from && to - 1 - j <= 4; j--) {
      if (f.charAt(j) == open) {
        String inner = f.substring(j + 1, to - 1).trim();
        return inner.isEmpty()
            ? Box.EMPTY
            : inner.length() == 1 && "x\u2713\u2714*".indexOf(inner.charAt(0)) >= 0
                ? Box.TICKED
                : Box.NONE;
      }
    }
    return Box.NONE;
  }
}
