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
      IndexedNote note, Elsewhen elsewhen, List<Value> balloonSizes, List<Value> counts) {
    String f = note.f;
    List<Sentence> sentences = note.sentences;
    for (int head = 0; head + 2 < sentences.size(); head++) {
      if (!isHead(note, head)) {
        continue;
      }
      int last = head;
      while (last + 1 < sentences.size() && row(f, sentences.get(last + 1)) != null) {
        last++;
      }
      if (last - head >= 2) {
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
    for (int i = head + 1; i <= last; i++) {
      Sentence s = sentences.get(i);
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
      counts.add(new Value(last - head, head, named.start(), named.end(), false));
      counts.sort(Comparator.comparingInt(Value::start));
    }
  }

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

  /** The row's match: group 1 the size, 2 a count of its own, 3 a hold. */
  private static Matcher row(String f, Sentence s) {
    Matcher m = ROW.matcher(f).region(s.start(), s.end());
    return m.matches() ? m : null;
  }

  private static final Pattern ROW =
      Rx.compile(
          "\\s*(?:[-*\u2022]\\s*)?(?:#?\\d\\s*[).]\\s+)?(\\d{1,2}(?:\\.\\d{1,2})?)\\s*mm\\b"
              + "(?:\\s*(?:balloon|cre|tts))?[\\s:,;|(-]*"
              + "(?:x\\s*(\\d)\\s*(?:inflations?|infl|dilations?)?[\\s:,;|()-]*)?"
              + "(?:(?:held|hold|for|x)?\\s*(\\d{1,3}\\s*(?:s|secs?|seconds?|mins?|minutes?)\\b)"
              + "(?:\\s*each)?)?[\\s)]*\\.?\\s*");
}
