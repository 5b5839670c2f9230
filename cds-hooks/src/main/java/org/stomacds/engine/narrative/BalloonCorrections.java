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

  private BalloonCorrections() {}

  /** The balloon sizes that stand once the addendum starting at {@code addendum} is read. */
  static List<Value> kept(
      String f, List<Sentence> sentences, List<Hit> hits, List<Value> sizes, int addendum) {
    if (addendum >= f.length() || sizes.isEmpty()) {
      return sizes;
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
    List<Value> inAddendum = sizes.stream().filter(v -> v.start() >= addendum).toList();
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
