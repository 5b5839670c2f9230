package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds the numbers of a note that the rules need (balloon and lumen sizes, inflation counts and
 * durations, sedation minutes and clock times). One pass over each sentence's number starts:
 * numbers are tried only where a number starts ({@link Numerals} reads it and what follows by
 * index), and only with the patterns its next character allows; each finder then keeps what its
 * number measures ({@link SizeFinder}, {@link DurationFinder}, {@link CountFinder}, {@link
 * ClockFinder}), leaving out what {@link Elsewhen} dates to another session.
 */
final class NumberFinder {

  private final IndexedNote note;
  private final Lexicon lexicon;
  private final String f;
  private final List<Sentence> sentences;
  private final Ints occurrences;
  private final int[] occurrencesFrom;

  private final Numerals numerals;
  private final QuantityMatchers matchers;
  private final Elsewhen elsewhen;
  private final DilationSigns signs;
  private final SizeFinder sizes;
  private final DurationFinder durations;
  private final CountFinder counts;
  private final ClockFinder clocks;

  /**
   * What the numbers of a note say.
   *
   * @param firstDilation offset of the first sign of this procedure's dilation (a balloon size, a
   *     count, a duration, "was dilated"), {@code Integer.MAX_VALUE} when there is none: a lumen
   *     stated after it is the lumen after dilation
   * @param procedureTimes clock times of the procedure itself, outside sedation sentences
   * @param dilationSigns offsets of every sign of this procedure's dilation, in note order
   */
  record Found(
      List<Value> balloonSizes,
      List<Value> lumenSizes,
      List<Value> counts,
      List<Value> inflationSeconds,
      List<Value> sedationMinutes,
      List<Clock> clocks,
      List<Clock> procedureTimes,
      int firstDilation,
      int[] dilationSigns) {}

  NumberFinder(IndexedNote note) {
    this.note = note;
    this.lexicon = note.lexicon;
    this.f = note.f;
    this.sentences = note.sentences;
    this.occurrences = note.occurrences;
    this.occurrencesFrom = note.occurrencesFrom;
    this.numerals = new Numerals(f);
    this.matchers = new QuantityMatchers(note);
    this.elsewhen = new Elsewhen(note);
    this.signs = new DilationSigns(sentences);
    this.sizes = new SizeFinder(f, matchers, elsewhen, signs);
    this.durations = new DurationFinder(note, elsewhen, signs);
    this.counts = new CountFinder(note, matchers, elsewhen, signs);
    this.clocks = new ClockFinder(note, numerals, matchers);
  }

  Found find() {
    for (int i = 0; i < sentences.size(); i++) {
      numbers(i);
    }
    SizeRows.read(note, elsewhen, sizes.balloonSizes, counts.counts, durations.inflationSeconds);
    return new Found(
        sizes.balloonSizes,
        sizes.lumenSizes,
        counts.counts,
        durations.inflationSeconds,
        durations.sedationMinutes,
        clocks.clocks,
        clocks.procedureTimes,
        signs.first(),
        signs.inOrder());
  }

  /** "The stoma was dilated with a finger": a dilation by hand, not the balloon's. */
  private boolean byHand(Sentence s) {
    return holds(s, "finger") || holds(s, "digital") || holds(s, "manual");
  }

  /** Whether the sentence holds {@code word}; looks no further than the sentence. */
  private boolean holds(Sentence s, String word) {
    char first = word.charAt(0);
    for (int j = s.start(); j + word.length() <= s.end(); j++) {
      if (f.charAt(j) == first && f.startsWith(word, j)) {
        return true;
      }
    }
    return false;
  }

  private boolean has(int sentence, Feature... wanted) {
    return note.has(sentence, wanted);
  }

  /**
   * Whether one of the feature's anchors starts a word of the sentence ("cre", not "increased").
   */
  private boolean hasWord(int sentence, Feature feature) {
    return note.hasWord(sentence, feature);
  }

  private void numbers(int i) {
    Sentence s = sentences.get(i);
    boolean thisProcedure = s.section().describesThisProcedure();
    if (thisProcedure && has(i, Feature.DILATE) && !byHand(s)) {
      matchers.atAnchors(
          i,
          s,
          Lexicon.bit(Feature.DILATE),
          QuantityMatchers.DILATION_ACT,
          m -> {
            // "She was dilated this morning", "was dilated 2 weeks ago": another session's
            // dilation, which must not make this session's stricture a result.
            if (!elsewhen.at(i, s, m.start()) && !elsewhen.anotherTime(s, m.end())) {
              signs.add(i, m.start());
            }
          });
    }
    if (!has(i, Feature.DIGIT, Feature.NUMBER_WORD)) {
      if (thisProcedure && has(i, Feature.ORDINAL_WORD) && has(i, Feature.DILATE)) {
        // "After the second inflation there was a defect": an ordinal counts with no number
        counts.counts(i, s, new ArrayList<>());
      }
      return;
    }
    boolean units = has(i, Feature.UNIT);
    boolean counting =
        thisProcedure
            && has(i, Feature.DILATE, Feature.BALLOON, Feature.COUNT_WORD, Feature.CRE_TTS);
    List<Clock> times = clocks.timesOf(i, thisProcedure);
    long numberStarts = Lexicon.bit(Feature.DIGIT) | Lexicon.bit(Feature.NUMBER_WORD);
    // "18-19-20 CRE", "12-13.5-15 balloon"
    boolean creOrTts = thisProcedure && hasWord(i, Feature.BALLOON);
    int lastStart = -1;
    int sizeEnd = -1;
    int durationEnd = -1;
    List<Value> found = counting ? new ArrayList<>() : List.of();
    for (int k = occurrencesFrom[i]; k < occurrencesFrom[i + 1]; k += 3) {
      if ((lexicon.featuresByAnchor[occurrences.get(k)] & numberStarts) == 0
          || !note.startsItsWord(k)) {
        continue;
      }
      int start = occurrences.get(k + 2);
      if (start == lastStart
          || (Character.isLetter(f.charAt(start)) && numerals.unitOfACompound(start, s.start()))) {
        continue;
      }
      lastStart = start;
      // Look at what follows the number before trying the patterns that start with one.
      int after = numerals.numberEnd(start, s.end());
      if (after == start) {
        continue;
      }
      char next = after < s.end() ? f.charAt(after) : ' ';
      int spaced = numerals.skipSpaces(after, s.end());
      char following = spaced < s.end() ? f.charAt(spaced) : ' ';
      int word = numerals.skipSpaceAndHyphen(after, s.end());
      char nextWord = word < s.end() ? f.charAt(word) : ' ';
      if (thisProcedure && start >= sizeEnd && creOrTts && "ctb,/-\u2192".indexOf(following) >= 0) {
        Matcher m = matchers.get(QuantityMatchers.BALLOON_BEFORE).region(start, s.end());
        if (m.lookingAt()) {
          sizeEnd = m.end();
          sizes.bareBalloon(i, s, m);
        }
      }
      // A unit, or a list of sizes going on: ", 16.5", "-19", "/18", "to 15", "and 18", "or";
      // or a number in words going on: "sixteen point five", "sixteen and a half".
      if (units && start >= sizeEnd && ",/-mcatop\u2192".indexOf(following) >= 0) {
        // "15 mm", "16.5mm": read by index; a list of sizes or a number in words by the pattern.
        int plain = numerals.plainNumberEnd(start, s.end());
        int unitEnd = plain < 0 ? -1 : numerals.sizeUnitEnd(plain, s.end());
        if (unitEnd >= 0) {
          sizeEnd = unitEnd;
          List<Double> value = List.of(NumberWords.parse(f.substring(start, plain)));
          boolean cm = f.charAt(numerals.unitStart()) == 'c';
          sizes.size(i, s, thisProcedure, start, unitEnd, value, cm);
        } else {
          Matcher m = matchers.get(QuantityMatchers.SIZE).region(start, s.end());
          if (m.lookingAt()) {
            sizeEnd = m.end();
            List<Double> values = matchers.numbersIn(m.start(1), m.end(2));
            boolean cm = m.group(3).charAt(0) == 'c';
            sizes.size(i, s, thisProcedure, m.start(), m.end(), values, cm);
          }
        }
      }
      if (thisProcedure && start >= sizeEnd && Character.isDigit(f.charAt(start))) {
        int plain = numerals.plainNumberEnd(start, s.end());
        if (plain > 0 && start > 0 && f.charAt(start - 1) == ' ') {
          sizes.bareLumen(i, s, start, plain, Double.parseDouble(f.substring(start, plain)));
        }
      }
      if (thisProcedure && nextWord == 'f' && Character.isDigit(f.charAt(start))) {
        // "would only admit a 12 Fr catheter": a gauge in French, a lumen only as a device's
        int plain = numerals.plainNumberEnd(start, s.end());
        int unitEnd = plain < 0 ? -1 : numerals.frenchUnitEnd(plain, s.end());
        if (unitEnd >= 0) {
          sizes.french(i, s, start, unitEnd, Double.parseDouble(f.substring(start, plain)));
        }
      }
      if (thisProcedure && start >= sizeEnd && Character.isDigit(f.charAt(start))) {
        // "admits a size 6 Hegar only", "Hegar 9 passed": a Hegar dilator's number is its size
        int plain = numerals.plainNumberEnd(start, s.end());
        if (plain > 0 && PassedDevice.hegarNumber(f, s, start, plain)) {
          sizes.hegar(i, s, start, plain, Double.parseDouble(f.substring(start, plain)));
        }
      }
      if (start >= durationEnd && "smh".indexOf(nextWord) >= 0) {
        int plain = numerals.plainNumberEnd(start, s.end());
        int unitEnd = plain < 0 ? -1 : numerals.durationUnitEnd(plain, s.end());
        if (unitEnd >= 0) {
          durationEnd = unitEnd;
          String unit = f.substring(numerals.unitStart(), unitEnd);
          double amount = NumberWords.parse(f.substring(start, plain));
          durations.duration(i, s, thisProcedure, start, unitEnd, unit, amount);
        } else {
          Matcher m = matchers.get(QuantityMatchers.DURATION).region(start, s.end());
          if (m.lookingAt()) {
            durationEnd = m.end();
            durations.duration(i, s, thisProcedure, m, m.group(1));
          }
        }
      }
      if (counting && (Character.isLetter(nextWord) || nextWord == '(')) {
        counts.countNoun(i, s, start, after, found);
      }
      if (times != null && Character.isDigit(f.charAt(start))) {
        clocks.at(i, s, start, after, next, times);
      }
    }
    if (thisProcedure && has(i, Feature.BALLOON)) {
      matchers.atAnchors(
          i,
          s,
          Lexicon.bit(Feature.BALLOON),
          QuantityMatchers.BALLOON_BARE,
          m -> sizes.bareBalloon(i, s, m));
    }
    if (thisProcedure
        && has(i, Feature.BALLOON, Feature.UNIT)
        && has(i, Feature.DIGIT, Feature.NUMBER_WORD)) {
      // "10 mm balloon, then I went up to 12", "12mm x2 then 13.5 x2": the next sizes told bare
      BalloonSteps.read(f, i, s, matchers, elsewhen, sizes.balloonSizes, signs);
    }
    if (thisProcedure) {
      // "Size (mm) | Hold" over "13.5 | 45 s": the cells under a head that names them
      TableColumns.read(
          note, i, s, elsewhen, sizes.balloonSizes, durations.inflationSeconds, signs);
    }
    if (has(i, Feature.MINUTE)) {
      durations.articleMinutes(i, s, thisProcedure);
    }
    if (counting) {
      counts.counts(i, s, found);
    }
  }
}
