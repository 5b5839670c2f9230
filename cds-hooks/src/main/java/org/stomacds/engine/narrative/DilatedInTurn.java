package org.stomacds.engine.narrative;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Balloon sizes dilated in turn, each an inflation (rule 17), where {@link InflationCounts} reads
 * no count: a size held for its own time before the next ("a 6 mm balloon was inflated for 30
 * seconds, then an 8 mm balloon"), and sizes told sentence by sentence ("A 10 mm balloon was
 * inflated for two minutes. Then a 12 mm balloon was inflated for two minutes."); and the two ends
 * of a range taken stepwise, which are not two inflations ("balloon 12->15 stepwise", as "stepwise
 * dilation 12 to 18 mm").
 */
final class DilatedInTurn {

  private DilatedInTurn() {}

  /** Whether a hold is said between two sizes: "inflated for 30 seconds, then". */
  static boolean held(String f, int from, int to) {
    return HELD.finder(f).region(from, to).find();
  }

  /** Whether two steps in sentence {@code s} are the ends of a range taken stepwise. */
  static boolean rangeOfTwo(String f, Sentence s, double steps) {
    return steps == 2 && RANGE_WORD.finder(f).region(s.start(), s.end()).find();
  }

  /**
   * The count told by sentences that each inflate one balloon size, the later ones opening with a
   * step word ("Then", "Next", "Finally"), two or more of them with different sizes; null when no
   * sentences tell them so.
   */
  static Value acrossSentences(String f, List<Sentence> sentences, List<Value> balloons) {
    for (int k = 0; k < balloons.size(); k++) {
      Value first = balloons.get(k);
      Sentence s = sentences.get(first.sentence());
      if (s.section() == Section.TITLE
          || !inflates(f, s)
          || sizesIn(balloons, first.sentence()) != 1) {
        continue;
      }
      int n = 1;
      Value last = first;
      for (int j = k + 1; j < balloons.size(); j++) {
        Value next = balloons.get(j);
        Sentence t = sentences.get(next.sentence());
        if (next.sentence() != last.sentence() + 1
            || sizesIn(balloons, next.sentence()) != 1
            || next.value() == last.value()
            || !NEXT_STEP.matcher(f).region(t.start(), t.end()).lookingAt()) {
          break;
        }
        n++;
        last = next;
      }
      if (n >= 2) {
        return new Value(n, first.sentence(), first.start(), last.end(), false);
      }
    }
    return null;
  }

  private static boolean inflates(String f, Sentence s) {
    return INFLATES.finder(f).region(s.start(), s.end()).find();
  }

  /** How many balloon sizes sentence {@code i} gives. */
  private static int sizesIn(List<Value> balloons, int i) {
    int n = 0;
    for (Value v : balloons) {
      n += v.sentence() == i ? 1 : 0;
    }
    return n;
  }

  /** A hold said of a size before the next: "inflated for 30 seconds", "for one minute". */
  private static final AnchoredPattern HELD =
      AnchoredPattern.compile(
          "\\bfor\\s+" + QuantityPatterns.NUM + "\\s*-?\\s*(?:s|secs?|seconds?|mins?|minutes?)\\b");

  /** The inflation itself: "was inflated", "dilated with". */
  private static final AnchoredPattern INFLATES =
      AnchoredPattern.compile("\\b(?:inflated|dilated|dilatated)\\b");

  /** A sentence that goes on to the next size: "Then a 12 mm balloon", "Next, the 15 mm". */
  private static final Pattern NEXT_STEP =
      Rx.compile(
          "\\s*(?:and\\s+)?(?:then|next|subsequently|after\\s+that|following\\s+this|finally|lastly)\\b");

  /** A word that tells a dilation through a range without its steps (rules 17 and 20). */
  private static final AnchoredPattern RANGE_WORD =
      AnchoredPattern.compile(
          "\\b(?:stepwise|step-wise|serial(?:ly)?|sequential(?:ly)?|progressive(?:ly)?|graded|graduated"
              + "|incremental(?:ly)?)\\b");
}
