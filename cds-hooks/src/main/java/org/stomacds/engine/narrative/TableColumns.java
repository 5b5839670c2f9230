package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table whose head row names its columns ("Balloon | Hold", "Size (mm) | Hold", "Step | Balloon
 * diameter | Hold"): a cell takes its column's head as its label, so "12 mm" under "Balloon" is the
 * balloon's size and "30 sec" under "Hold" an inflation's hold, although no word in the row says
 * so. A table turned into text keeps its cells apart with a tab; the head is the nearest row above
 * with no digit, every row between them a row of the same table.
 */
final class TableColumns {

  private TableColumns() {}

  /** Adds what the cells of row {@code i} (when it is a table row under a head) measure. */
  static void read(
      IndexedNote note,
      int i,
      Sentence s,
      Elsewhen elsewhen,
      List<Value> balloonSizes,
      List<Value> inflationSeconds,
      DilationSigns signs) {
    String text = note.text;
    if (!tabbed(text, s)) {
      return;
    }
    List<int[]> head = head(note, i);
    if (head.isEmpty()) {
      return;
    }
    List<int[]> cells = cells(text, s.start(), s.end());
    String f = note.f;
    for (int c = 0; c < cells.size() && c < head.size(); c++) {
      int[] h = head.get(c);
      int[] cell = cells.get(c);
      String label = f.substring(h[0], h[1]);
      AnchoredPattern.Finder number = NUMBER.finder(f).region(cell[0], cell[1]);
      if (!number.find() || elsewhen.at(i, s, number.start())) {
        continue;
      }
      double v = Double.parseDouble(number.group(1));
      String unit = number.group(2) == null ? "" : number.group(2);
      if (BALLOON_HEAD.matcher(label).find() && !NOT_A_BALLOON.matcher(label).find()) {
        if ((unit.isEmpty() || unit.equals("mm")) && v >= 5 && v <= 40) {
          balloonSizes.add(new Value(v, i, number.start(), number.end(), false));
          signs.add(i, number.start());
        }
      } else if (HOLD_HEAD.matcher(label).find() && !NOT_A_HOLD.matcher(label).find()) {
        String in = unit.isEmpty() ? unitOf(label) : unit;
        double secs = in.startsWith("m") ? v * 60 : in.startsWith("s") ? v : Double.NaN;
        if (secs >= 3 && secs <= 600) {
          inflationSeconds.add(new Value(secs, i, number.start(), number.end(), false));
          signs.add(i, number.start());
        }
      }
    }
  }

  /**
   * The cells of the head row above row {@code i}: the table's first row, short cells and no digit,
   * as many cells as every row under it; none when row {@code i} is no row under such a head (a
   * label-and-value table's rows are not heads of the rows below them).
   */
  private static List<int[]> head(IndexedNote note, int i) {
    String text = note.text;
    int width = cells(text, note.sentences.get(i).start(), note.sentences.get(i).end()).size();
    for (int k = i - 1; k >= 0 && k >= i - 12; k--) {
      Sentence row = note.sentences.get(k);
      List<int[]> cells = cells(text, row.start(), row.end());
      if (cells.size() != width || !row.section().describesThisProcedure()) {
        return List.of();
      }
      if (!hasDigit(text, row.start(), row.end())) {
        boolean first = k == 0 || !tabbed(text, note.sentences.get(k - 1));
        boolean brief = cells.stream().allMatch(c -> c[1] - c[0] <= 32);
        return first && brief ? cells : List.of();
      }
    }
    return List.of();
  }

  private static boolean tabbed(String text, Sentence s) {
    int tab = text.indexOf('\t', s.start());
    return tab >= 0 && tab < s.end();
  }

  private static boolean hasDigit(String text, int from, int to) {
    for (int j = from; j < to; j++) {
      if (Character.isDigit(text.charAt(j))) {
        return true;
      }
    }
    return false;
  }

  /** The tab-separated cells of [from, to), each as its [start, end). */
  private static List<int[]> cells(String text, int from, int to) {
    List<int[]> cells = new ArrayList<>();
    int a = from;
    for (int j = from; j <= to; j++) {
      if (j == to || text.charAt(j) == '\t') {
        cells.add(new int[] {a, j});
        a = j + 1;
      }
    }
    return cells;
  }

  /** The unit a head gives its cells: "Hold (s)", "Time (min)"; empty when it gives none. */
  private static String unitOf(String label) {
    Matcher m = HEAD_UNIT.matcher(label);
    return m.find() ? m.group(1) : "";
  }

  /** The first number of a cell and its unit, if any: "12 mm", "13.5", "30 sec", "1 min". */
  private static final AnchoredPattern NUMBER =
      AnchoredPattern.compile(
          "(?<![\\w.])(\\d{1,3}(?:\\.\\d{1,2})?)(?!\\d)\\s*(mm|cm|s|secs?|seconds?|mins?|minutes?)?\\b");

  private static final Pattern BALLOON_HEAD =
      Rx.compile("\\b(?:balloons?|size|sizes|diameter|cre|tts|dilat(?:ion|or)s?)\\b");

  private static final Pattern NOT_A_BALLOON =
      Rx.compile(
          "\\b(?:lumen|luminal|pre|post|before|after|distance|location|site|length|hold|time"
              + "|duration|depth|scope|inflations?|count|number|#)\\b|\\bpre-|\\bpost-");

  private static final Pattern HOLD_HEAD =
      Rx.compile("\\b(?:hold|held|duration|time|seconds|secs?|dwell)\\b");

  private static final Pattern NOT_A_HOLD =
      Rx.compile("\\b(?:sedation|an(?:a)?esthesia|procedure|start|stop|end|clock|fluoro[a-z]*)\\b");

  private static final Pattern HEAD_UNIT =
      Rx.compile("\\b(s|sec|secs|seconds|min|mins|minutes)\\b");
}
