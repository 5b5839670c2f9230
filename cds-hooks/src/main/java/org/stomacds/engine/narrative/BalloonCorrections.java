package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;

import java.util.List;

/**
 * An addendum that corrects the balloon: "No balloon was passed and no dilation was performed" (the
 * size above came from the template in error) takes back every size stated before it; "the balloon
 * used was a 15 mm balloon, not 18 mm as dictated above" puts its own size in place of theirs. An
 * addendum that only adds to the note leaves the sizes above it standing.
 */
final class BalloonCorrections {

  /** Words of an addendum that say the note above it was wrong. */
  private static final AnchoredPattern CORRECTION =
      AnchoredPattern.compile(
          "\\b(?:not|in\\s+error|erroneous(?:ly)?|incorrect(?:ly)?|correct(?:ed|ion)?|should"
              + "\\s+(?:read|have\\s+read)|instead|rather\\s+than|actually|mis-?(?:dictated|typed"
              + "|transcribed|stated))\\b");

  /** "(not 15 mm", "not the 15 mm": a size said not to be the one used. */
  private static final AnchoredPattern NOT_BEFORE =
      AnchoredPattern.compile("\\bnot\\s+(?:the\\s+|an?\\s+)?$");

  /** "15 mm as typed", "15 mm" should read: a size the addendum quotes to retract it. */
  private static final java.util.regex.Pattern RETRACTED_AFTER =
      Rx.compile(
          "\\s*(?:mm\\b|millimet(?:er|re)s?\\b)?\\s*(?:(?:tts|cre)\\s+)?(?:balloon\\s*)?[\"')]?\\s*(?:as\\s+(?:typed"
              + "|dictated|documented|stated|written|recorded|transcribed)|in\\s+error|should\\s+(?:read"
              + "|have\\s+read|be)|(?:is|was)\\s+(?:incorrect|wrong|an?\\s+error))\\b");

  /** A size retracted in words, read or not as a size of its own: "(not 15 mm as typed)". */
  private static final AnchoredPattern RETRACTS_A_SIZE =
      AnchoredPattern.compile(
          "\\bnot\\s+(?:the\\s+|an?\\s+)?\\d{1,2}(?:\\.\\d{1,2})?\\s*(?:mm\\b|millimet)"
              + "|\\b\\d{1,2}(?:\\.\\d{1,2})?\\s*(?:mm\\b|millimet(?:er|re)s?\\b)\\s*(?:(?:tts|cre)\\s+)?(?:balloon\\s*)?"
              + "[\"')]?\\s*(?:as\\s+(?:typed|dictated|documented|stated|written|recorded|transcribed)"
              + "|should\\s+(?:read|have\\s+read))\\b");

  private static boolean retracted(String f, Value v) {
    return NOT_BEFORE.finder(f).region(Math.max(0, v.start() - 12), v.start()).find()
        || RETRACTED_AFTER
            .matcher(f)
            .region(v.end(), Math.min(f.length(), v.end() + 40))
            .lookingAt();
  }

  /** Whether a sentence of the account ends saying no dilation was done. */
  private static boolean saysNotDilated(String f, List<Sentence> sentences) {
    for (Sentence s : sentences) {
      if (s.section().describesThisProcedure()
          && NOT_DILATED.finder(f).region(s.start(), s.end()).find()) {
        return true;
      }
    }
    return false;
  }

  /** "No dilation was performed.", "Dilation not attempted.", "No dilation.": said outright. */
  private static final AnchoredPattern NOT_DILATED =
      AnchoredPattern.compile(
          "\\bno\\s+(?:balloon\\s+)?dilat(?:ion|ation)\\s+(?:was\\s+)?(?:performed|done|undertaken|attempted"
              + "|carried\\s+out)?\\s*(?:[.;]|$)|\\b(?:balloon\\s+)?dilat(?:ion|ation)\\s+(?:was\\s+)?not\\s+"
              + "(?:performed|done|undertaken|attempted|possible)\\s*(?:[.;]|$)");

  /**
   * The sizes without those the speaker takes back for the next one: "I used an 18 millimetre TTS
   * balloon, wait, correction, a 15 mm balloon"; all of them when nothing would be left.
   */
  static List<Value> spokenBack(String f, List<Value> reached) {
    List<Value> kept =
        reached.stream()
            .filter(
                v ->
                    !SELF_CORRECTED
                        .matcher(f)
                        .region(v.end(), Math.min(f.length(), v.end() + 60))
                        .lookingAt())
            .toList();
    return kept.isEmpty() ? reached : kept;
  }

  /** A correction word right after a size, and the size said in its place. */
  private static final java.util.regex.Pattern SELF_CORRECTED =
      Rx.compile(
          "\\s*(?:mm\\b|millimet(?:er|re)s?\\b)?\\s*(?:(?:tts|cre)\\s+)?(?:balloon\\b)?[\\s,;.-]*"
              + "(?:(?:uh|um|er|oh)\\b[\\s,]*)?(?:wait|sorry|correction|i\\s+mean|scratch\\s+that|no\\s+sorry)\\b"
              + "[\\s,;.-]*(?:(?:correction|sorry|i\\s+mean|make\\s+that|that\\s+should\\s+be|it\\s+was)\\b[\\s,;.-]*)?"
              + "(?:(?:an?|the)\\s+)?"
              + QuantityPatterns.NUM);

  private BalloonCorrections() {}

  /** The balloon sizes that stand once the addendum starting at {@code addendum} is read. */
  static List<Value> kept(
      String f,
      List<Sentence> sentences,
      List<Hit> hits,
      List<Value> sizes,
      int addendum,
      boolean inflationsTold) {
    if (!inflationsTold && !sizes.isEmpty() && saysNotDilated(f, sentences)) {
      // "the 10 mm balloon could not be advanced across the stricture. No dilation was
      // performed.": a balloon named, never inflated; the size is no dilation's
      return List.of();
    }
    if (addendum >= f.length() || sizes.isEmpty()) {
      return sizes;
    }
    List<Value> inAddendum = sizes.stream().filter(v -> v.start() >= addendum).toList();
    List<Value> standing = inAddendum.stream().filter(v -> !retracted(f, v)).toList();
    if (!standing.isEmpty()
        && (standing.size() < inAddendum.size()
            || RETRACTS_A_SIZE.finder(f).region(addendum, f.length()).find())) {
      // "the balloon used was the 18 mm TTS balloon (not 15 mm as typed)", "'dilated to 15 mm'
      // should read 'dilated with a 13.5 mm balloon'": the size it names stands, the one it
      // retracts and those above go
      return standing;
    }
    boolean takenBack = false;
    for (Hit h : hits) {
      if (h.start() >= addendum
          && h.element() == BALLOON_DIAMETER
          && h.polarity() == Polarity.ABSENT) {
        // "no balloon was passed"; not "the larger size was not recorded initially"
        takenBack = true;
        break;
      }
    }
    if (takenBack) {
      // "The 'Balloon dilation: 15 mm' field above was entered in error": quoted to be taken back
      return inAddendum.stream()
          .filter(
              v -> {
                Sentence s = sentences.get(v.sentence());
                return !CORRECTION.finder(f).region(s.start(), s.end()).find();
              })
          .toList();
    }
    if ((!inAddendum.isEmpty()
        && inAddendum.size() < sizes.size()
        && CORRECTION.finder(f).region(addendum, f.length()).find())) {
      return inAddendum;
    }
    return sizes;
  }
}
