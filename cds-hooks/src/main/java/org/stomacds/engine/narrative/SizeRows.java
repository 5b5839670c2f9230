package org.stomacds.engine.narrative;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dilation told as rows: a line naming the balloon or the dilation ("Balloon sizes used
 * (hold):", "Dilation sequence (TTS balloon, one inflation at each size):") and under it two or
 * more list items, table rows or lines that each hold one size and what was done at it ("- 13.5 mm
 * - 30 s", "15 mm x 2 inflations", "12 mm | 60 s"). Each row's size is the balloon's; a row with a
 * hold and no count of its own is one inflation, so the rows count the inflations when none of them
 * (nor the line above) states a count.
 */
final class SizeRows {

  private SizeRows() {}

  /** Adds the rows' balloon sizes and, when nothing else counts them, their count. */
  static void read(
      IndexedNote note,
      Elsewhen elsewhen,
      List<Value> balloonSizes,
      List<Value> counts,
      List<Value> seconds) {
    String f = note.f;
    List<Sentence> sentences = note.sentences;
    tables(note, balloonSizes, counts, seconds);
    for (int head = 0; head + 2 < sentences.size(); head++) {
      if (!isHead(note, head)) {
        continue;
      }
      int last = head;
      int rows = 0;
      while (last + 1 < sentences.size()
          && (row(f, sentences.get(last + 1)) != null || itemNumber(f, sentences.get(last + 1)))) {
        last++;
        rows += row(f, sentences.get(last)) != null ? 1 : 0;
      }
      if (rows >= 2) {
        take(note, elsewhen, head, last, balloonSizes, counts);
        head = last;
      }
    }
  }

  private static void take(
      IndexedNote note,
      Elsewhen elsewhen,
      int head,
      int last,
      List<Value> balloonSizes,
      List<Value> counts) {
    String f = note.f;
    List<Sentence> sentences = note.sentences;
    boolean counted = false;
    for (Value c : counts) {
      counted |= c.sentence() >= head && c.sentence() <= last;
    }
    boolean held = true;
    int rows = 0;
    for (int i = head + 1; i <= last; i++) {
      Sentence s = sentences.get(i);
      if (itemNumber(f, s)) {
        continue;
      }
      rows++;
      Matcher m = row(f, s);
      if (m == null || elsewhen.at(i, s, m.start(1)) || !s.section().describesThisProcedure()) {
        return;
      }
      held &= m.group(3) != null;
      boolean known = false;
      for (Value b : balloonSizes) {
        known |= b.sentence() == i;
      }
      double mm = Double.parseDouble(m.group(1));
      if (!known && mm >= 5 && mm <= 40) {
        balloonSizes.add(new Value(mm, i, m.start(1), f.indexOf("mm", m.end(1)) + 2, false));
      }
    }
    balloonSizes.sort(Comparator.comparingInt(Value::start));
    if (!counted && held) {
      // quoted by the line that heads the rows: a value stays within its sentence
      Sentence named = sentences.get(head);
      counts.add(new Value(rows, head, named.start(), named.end(), false));
      counts.sort(Comparator.comparingInt(Value::start));
    }
  }

  /**
   * A table of the dilation, one row a size and its hold ("Balloon | Hold" over "10 mm | 30 sec",
   * "Size (mm) | Hold" over "13.5 | 45 s"; the cells already read by {@link TableColumns}): each
   * row is one inflation, when no row nor the lines above state a count and the head names no count
   * column.
   */
  private static void tables(
      IndexedNote note, List<Value> balloonSizes, List<Value> counts, List<Value> seconds) {
    List<Sentence> sentences = note.sentences;
    for (int i = 0; i < sentences.size(); i++) {
      int last = i;
      while (last < sentences.size() && sizeAndHoldRow(note, last, balloonSizes, seconds)) {
        last++;
      }
      if (last - i >= 2 && i > 0 && countlessHead(note, sentences.get(i - 1))) {
        boolean counted = false;
        for (Value c : counts) {
          counted |= c.sentence() >= i - 2 && c.sentence() < last;
        }
        if (!counted) {
          Sentence first = sentences.get(i);
          counts.add(new Value(last - i, i, first.start(), first.end(), false));
          counts.sort(Comparator.comparingInt(Value::start));
        }
      }
      i = Math.max(i, last);
    }
  }

  /** A table row (its cells kept apart by tabs) with one balloon size and a hold. */
  private static boolean sizeAndHoldRow(
      IndexedNote note, int i, List<Value> balloonSizes, List<Value> seconds) {
    Sentence s = note.sentences.get(i);
    int tab = note.text.indexOf('\t', s.start());
    if (tab < 0 || tab >= s.end()) {
      return false;
    }
    long sizes =
        balloonSizes.stream()
            .filter(v -> v.sentence() == i)
            .mapToDouble(Value::value)
            .distinct()
            .count();
    return sizes == 1 && seconds.stream().anyMatch(v -> v.sentence() == i);
  }

  /** A table's head row (no digit) that names no count column ("Inflations", "#", "x"). */
  private static boolean countlessHead(IndexedNote note, Sentence s) {
    String head = note.text.substring(s.start(), s.end());
    return head.indexOf('\t') >= 0
        && head.chars().noneMatch(Character::isDigit)
        && !COUNT_COLUMN.finder(note.f).region(s.start(), s.end()).find();
  }

  private static final AnchoredPattern COUNT_COLUMN =
      AnchoredPattern.compile("\\b(?:infl[a-z]*|count|number|no|passes|times|reps?|x)\\b|#");

  /** A line that names the balloon or the dilation and hands its details to the lines below. */
  private static boolean isHead(IndexedNote note, int i) {
    Sentence s = note.sentences.get(i);
    if (!note.has(i, Feature.BALLOON, Feature.DILATE) || !s.section().describesThisProcedure()) {
      return false;
    }
    int end = s.end();
    while (end > s.start() && note.f.charAt(end - 1) == ' ') {
      end--;
    }
    return s.headingOnly() || end > s.start() && note.f.charAt(end - 1) == ':';
  }

  /** "1.", "2)": a list item's number that the sentences cut from its row. */
  private static boolean itemNumber(String f, Sentence s) {
    return ITEM_NUMBER.matcher(f).region(s.start(), s.end()).matches();
  }

  private static final Pattern ITEM_NUMBER = Rx.compile("\\s*#?\\d{1,2}\\s*[.)]\\s*");

  /** The row's match: group 1 the size, 2 a count of its own, 3 a hold. */
  private static Matcher row(String f, Sentence s) {
    Matcher m = ROW.matcher(f).region(s.start(), s.end());
    return m.matches() ? m : null;
  }

  private static final Pattern ROW =
      Rx.compile(
          "\\s*(?:[-*\u2022]\\s*)?(?:#?\\d\\s*[).]\\s+)?(\\d{1,2}(?:\\.\\d{1,2})?)\\s*mm\\b"
              + "(?:\\s*(?:balloon|cre|tts))?[\\s:,;|/(-]*"
              // an inflation log's pressure: "10 mm / 3 atm / 60 s", "12 mm - 3 atm (44 psi) - 60
              // s"
              + "(?:(?:at\\s+|@\\s*)?\\d{1,2}(?:\\.\\d)?\\s*(?:atm|atmospheres?|psi|bar)\\b"
              + "(?:\\s*\\(\\s*\\d{1,3}\\s*(?:psi|atm)\\s*\\))?[\\s:,;|/()-]*)?"
              + "(?:x\\s*(\\d)\\s*(?:inflations?|infl|dilations?)?[\\s:,;|/()-]*)?"
              + "(?:(?:held|hold|for|x)?\\s*(\\d{1,3}\\s*(?:s|secs?|seconds?|mins?|minutes?)\\b)"
              + "(?:\\s*each)?)?[\\s)]*\\.?\\s*");
}
