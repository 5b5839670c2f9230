package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading's matchers of the {@link QuantityPatterns}, made on first use (most notes need few),
 * and the way they are tried: only at the start of a word holding one of the anchors a pattern
 * needs. Shared by the finders of one note's numbers.
 */
final class QuantityMatchers {

  private static final Pattern[] PATTERNS = {
    QuantityPatterns.SIZE,
    QuantityPatterns.DURATION,
    QuantityPatterns.NUMBER,
    QuantityPatterns.COUNT_NOUN,
    QuantityPatterns.COUNT_TIMES,
    QuantityPatterns.COUNT_VERB,
    QuantityPatterns.COUNT_LABEL,
    QuantityPatterns.CLOCK,
    QuantityPatterns.MILITARY,
    QuantityPatterns.DILATION_ACT,
    QuantityPatterns.BALLOON_BARE,
    QuantityPatterns.BALLOON_BEFORE
  };

  static final int SIZE = 0;
  static final int DURATION = 1;
  static final int NUMBER = 2;
  static final int COUNT_NOUN = 3;
  static final int COUNT_TIMES = 4;
  static final int COUNT_VERB = 5;
  static final int COUNT_LABEL = 6;
  static final int CLOCK = 7;
  static final int MILITARY = 8;
  static final int DILATION_ACT = 9;
  static final int BALLOON_BARE = 10;
  static final int BALLOON_BEFORE = 11;

  private final IndexedNote note;
  private final Matcher[] matchers = new Matcher[PATTERNS.length];

  QuantityMatchers(IndexedNote note) {
    this.note = note;
  }

  /** A quantity matcher; its look-behinds see the text before its region (a number's left). */
  Matcher get(int which) {
    Matcher m = matchers[which];
    if (m == null) {
      m = PATTERNS[which].matcher(note.f).useTransparentBounds(true);
      matchers[which] = m;
    }
    return m;
  }

  /**
   * Runs quantity pattern {@code pattern} at the start of each word of sentence {@code i} that
   * holds an anchor of the given features (numbers start at a digit or a number word), never inside
   * an earlier match.
   */
  void atAnchors(int i, Sentence s, long wanted, int pattern, Consumer<Matcher> onMatch) {
    Ints occurrences = note.occurrences;
    long[] featuresByAnchor = note.lexicon.featuresByAnchor;
    Matcher m = null;
    int lastStart = -1;
    int lastEnd = -1;
    for (int k = note.occurrencesFrom[i]; k < note.occurrencesFrom[i + 1]; k += 3) {
      if ((featuresByAnchor[occurrences.get(k)] & wanted) == 0 || !note.startsItsWord(k)) {
        continue;
      }
      int start = occurrences.get(k + 2);
      if (start == lastStart || start < lastEnd) {
        continue;
      }
      lastStart = start;
      if (m == null) {
        m = get(pattern);
      }
      m.region(start, s.end());
      if (m.lookingAt()) {
        lastEnd = m.end();
        onMatch.accept(m);
      }
    }
  }

  /** The numbers written in {@code [from, to)}: the sizes of a list ("15-16.5-18"). */
  List<Double> numbersIn(int from, int to) {
    List<Double> values = new ArrayList<>();
    Matcher number = get(NUMBER).region(from, to);
    while (number.find()) {
      double v = NumberWords.parse(number.group());
      if (!Double.isNaN(v)) {
        values.add(v);
      }
    }
    return values;
  }
}
