package org.stomacds.engine.narrative;

import java.util.List;

/**
 * The balloon's next sizes told bare, once the balloon is named in the sentence: "the wire guided
 * balloon, 10 millimeter, then I went up to 12", "a CRE balloon, the 15 to 18 one, and went 15,
 * 16.5, and 18", "CRE 15-16.5-18 mm balloon: 15 (60 s), 16.5 (60 s), 18 (60 s)", "CRE 12-15, 3x @
 * 15 only", "stopped @ 13.5". A bare number after a step word ("then", "went up to", a count's or a
 * stop's "@") is the size the balloon was taken to, when it is a balloon's size (5 to 30 mm) no
 * smaller than the first size the sentence gave the balloon.
 */
final class BalloonSteps {

  private BalloonSteps() {}

  /** Adds the bare step sizes of sentence {@code i} to {@code balloonSizes}. */
  static void read(
      String f,
      int i,
      Sentence s,
      QuantityMatchers matchers,
      Elsewhen elsewhen,
      List<Value> balloonSizes,
      DilationSigns signs) {
    AnchoredPattern.Finder name = BALLOON_NAME.finder(f).region(s.start(), s.end());
    if (!name.find()) {
      return;
    }
    double smallest = Double.MAX_VALUE;
    for (Value v : balloonSizes) {
      if (v.sentence() == i) {
        smallest = Math.min(smallest, v.value());
      }
    }
    AnchoredPattern.Finder step = STEP.finder(f).region(name.end(), s.end());
    while (step.find()) {
      int at = step.start(1);
      boolean known = false;
      for (Value v : balloonSizes) {
        known |= v.sentence() == i && v.start() <= at && at < v.end();
      }
      if (known || elsewhen.at(i, s, at)) {
        continue;
      }
      for (double mm : matchers.numbersIn(at, step.end(1))) {
        if (mm >= 5 && mm <= 30 && (smallest == Double.MAX_VALUE || mm >= smallest)) {
          balloonSizes.add(new Value(mm, i, at, step.end(1), false));
          signs.add(i, at);
        }
      }
    }
  }

  /** The balloon named: by the word or its kind (a CRE or TTS balloon). */
  private static final AnchoredPattern BALLOON_NAME =
      AnchoredPattern.compile(
          "\\b(?:balloons?|cre|tts)\\b"
              // a terse line's first size with its count or hold: "12mm x2 then 13.5 x2"
              + "|(?<![\\w.])\\d{1,2}(?:\\.\\d{1,2})?\\s*mm\\s*(?:x\\s*\\d(?![\\d.])|\\d{1,3}\\s*(?:s|secs?)\\b)");

  /**
   * A step word and the bare number after it, which nothing but punctuation, the end, a count or
   * another step follows: "then I went up to 12,", "and went 15, 16.5, and 18,", ", 16.5 (60 s)",
   * "3x @ 15 only", "x1 more at 12.".
   */
  private static final AnchoredPattern STEP =
      AnchoredPattern.compile(
          "(?:(?:,\\s*)?\\b(?:then|and|finally|lastly)\\s+(?:(?:then|finally|i|we)\\s+)?(?:(?:went|go|going|progressed"
              + "|stepped|moved|upsized)\\s+)?(?:up\\s+)?(?:to\\s+)?"
              // "an 8 mm balloon, then a ten and then a twelve"
              + "(?:an?\\s+)?"
              + "|\\bwent\\s+(?:up\\s+)?(?:to\\s+)?"
              + "|\\bup\\s+to\\s+"
              // "CRE 15-16.5-18, only to 16.5", "the first at twelve, then ..."
              + "|\\bonly\\s+(?:up\\s+)?to\\s+|\\b(?:first|initially)\\s+(?:at|to)\\s+"
              + "|(?<=\\d)\\s*\\([^()]{1,16}\\)\\s*,\\s*"
              // "Inflations 15mm 30s, 16.5 30s, 18 60s": a size's hold, then the next size
              + "|(?<![\\w.])\\d{1,3}\\s*(?:s|secs?|seconds?)\\s*,\\s*(?:then\\s+)?"
              + "|(?:\\b\\d\\s*x|\\bx\\s*\\d|\\bonce|\\btwice|\\btimes|\\bmore"
              // "CRE 12-13.5-15 - stopped @ 13.5", "taken only at 12"
              + "|\\bstopped|\\btaken(?:\\s+only)?|\\bmax(?:imum)?)\\s*(?:@|at\\b)\\s*)"
              + "("
              + QuantityPatterns.NUM
              + ")(?=\\s*(?:\\(|,|;|\\.(?!\\d)|$|x\\s*\\d|only\\b|then\\b|and\\b|each\\b|once\\b"
              + "|twice\\b|d/t\\b|due\\b|because\\b|\\d{1,3}\\s*(?:s|secs?|seconds?)\\b))");
}
