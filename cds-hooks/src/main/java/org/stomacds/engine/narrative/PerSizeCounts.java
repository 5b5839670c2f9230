package org.stomacds.engine.narrative;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts told per size of a staged balloon: "CRE 12-13.5-15, x2 each size", "2 each @ 30s" after
 * "TTS 10 -> 11 -> 12", "three at each size" under a row naming the balloon, "once at each of the
 * three sizes": how many sizes such a count multiplies, read from the list before it, the sizes the
 * sentence names, or the balloon named a sentence or two before. For {@link CountFinder}.
 */
final class PerSizeCounts {

  /** "TTS 10 -> 11 -> 12, 2 each @ 30s": so many at each size of the list before. */
  static final AnchoredPattern N_EACH =
      AnchoredPattern.compile(
          "(?<![\\w.])(\\d|one|two|three|four|once|twice|thrice)\\s*(?:x\\s*)?(?:(?:at\\s+)?(?:each|every)\\s+"
              + "(?:size|diameter|stage|step)s?\\b|each|ea\\.?|apiece)(?![a-z])"
              + "(?!\\s+(?:strictures?|sites?|stenos[ie]s|narrowings?|lesions?|levels?|areas?|segments?|one)\\b)");

  /** A size in millimetres: the sizes of a sentence that a count "at each size" multiplies. */
  static final AnchoredPattern SIZE_MM =
      AnchoredPattern.compile(
          "(?<![\\w.])(\\d{1,2}(?:\\.\\d{1,2})?)\\s*(?:mm|millimet(?:er|re)s?)\\b");

  /** How many different sizes in millimetres {@code [from, to)} names. */
  static int sizesNamed(String f, int from, int to) {
    java.util.Set<String> sizes = new java.util.HashSet<>();
    AnchoredPattern.Finder m = SIZE_MM.finder(f).region(from, to);
    while (m.find()) {
      sizes.add(m.group(1));
    }
    return sizes.size();
  }

  /**
   * How many different sizes the longest bare list in {@code [from, to)} holds ("15, 16.5, and 18";
   * "10-11-12 -> 12" three).
   */
  static int longestList(String f, int from, int to) {
    Matcher m = BARE_LIST.matcher(f).region(from, to);
    int most = 0;
    while (m.find()) {
      most = Math.max(most, distinctSizes(f, m.start(), m.end()));
    }
    return most;
  }

  /** How many different sizes {@code [from, to)} names ("10-11-12 -> 12mm" three). */
  static int distinctSizes(String f, int from, int to) {
    java.util.Set<String> sizes = new java.util.HashSet<>();
    AnchoredPattern.Finder one = CountShapes.ONE_SIZE.finder(f).region(from, to);
    while (one.find()) {
      sizes.add(one.group().replace("mm", "").trim());
    }
    return sizes.size();
  }

  private static final Pattern BARE_LIST =
      Rx.compile(
          "(?<![\\w.])\\d{1,2}(?:\\.\\d{1,2})?(?:\\s*(?:,\\s*and|,|and|-+>|\u2192|-|/|,?\\s*then)\\s*"
              + "\\d{1,2}(?:\\.\\d{1,2})?(?![\\d.])){1,6}");

  /**
   * A list of two or more sizes ending where the region ends, with its unit and balloon's name:
   * "CRE 12-13.5-15, " before "x2 each size", "10/11/12 mm balloon " before "x1 each".
   */
  static final AnchoredPattern LIST_BEFORE =
      AnchoredPattern.compile(
          "(?<![\\w.])(\\d{1,2}(?:\\.\\d{1,2})?(?:\\s*(?:-+>|\u2192|-|/|,\\s*and|,|and|,?\\s*then)\\s*\\d{1,2}(?:\\.\\d{1,2})?){1,6})"
              + "\\s*(?:mm\\b)?\\s*(?:(?:cre|tts)\\b\\s*)?(?:balloons?\\b\\s*)?[,;:]?\\s*$");

  private final IndexedNote note;
  private final String f;
  private final Elsewhen elsewhen;

  PerSizeCounts(IndexedNote note, Elsewhen elsewhen) {
    this.note = note;
    this.f = note.f;
    this.elsewhen = elsewhen;
  }

  /**
   * How many sizes a count told per size (at {@code countStart}) multiplies: fewer than 2 when no
   * list of sizes stands for it.
   */
  int sizes(
      int i,
      Sentence s,
      int countStart,
      Matcher perSizeWords,
      boolean toldPerSize,
      boolean atEach) {
    int sizes = sizesBefore(s, countStart);
    if (sizes < 2 && toldPerSize) {
      sizes = sizesNamed(f, s.start(), countStart);
    }
    if (sizes < 2 && (toldPerSize || atEach)) {
      // "went 15, 16.5, and 18, holding each for sixty seconds, one inflation per size"; "CRE
      // 15-16.5-18, infl x1 @ each"
      sizes = longestList(f, s.start(), countStart);
    }
    if (sizes < 2 && toldPerSize) {
      // "Balloon: CRE 15-16.5-18 mm. Inflations: three at each size": the staged balloon named
      // in a sentence (a table's row) just before
      sizes = stagedBefore(i);
    }
    if (toldPerSize && perSizeWords.group(1) != null) {
      sizes = (int) NumberWords.parse(perSizeWords.group(1));
    }
    if (toldPerSize && f.substring(perSizeWords.start(), perSizeWords.end()).endsWith("of ")
        || toldPerSize && f.substring(perSizeWords.start(), perSizeWords.end()).endsWith("the ")) {
      // "at each of 15, 16.5 and 18 mm": the list after the words
      sizes = Math.max(2, longestList(f, perSizeWords.end(), s.end()));
    }
    return sizes;
  }

  /** "TTS 10 -> 11 -> 12, 2 each @ 30s": so many at each size of the list before. */
  void eachSize(int i, Sentence s, List<Value> found) {
    AnchoredPattern.Finder m = N_EACH.finder(f).region(s.start(), s.end());
    while (m.find()) {
      int sizes = Math.max(sizesBefore(s, m.start()), sizesNamed(f, s.start(), m.start()));
      String said = m.group(1);
      double n =
          said.equals("once")
              ? 1
              : said.equals("twice") ? 2 : said.equals("thrice") ? 3 : NumberWords.parse(said);
      if (sizes >= 2
          && n >= 1
          && !CountShapes.overlaps(found, m.start(), m.end())
          && !elsewhen.at(i, s, m.start())) {
        found.add(new Value(n * sizes, i, m.start(), m.end(), false));
      }
    }
  }

  /**
   * "15-16.5-18 x1 ea", "12/13.5/15 x2 each": so many at each size of a bare list of sizes right
   * before, in a terse line that names neither the balloon nor the dilation.
   */
  boolean eachOfAList(Sentence s, Matcher m) {
    return sizesBefore(s, m.start()) >= 2
        && QuantityPatterns.ONE_EACH.matcher(f).region(m.end(), s.end()).lookingAt();
  }

  /** How many sizes the longest list of the balloon named in the two sentences before {@code i}. */
  private int stagedBefore(int i) {
    for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
      Sentence t = note.sentences.get(j);
      if (note.hasWord(j, Feature.BALLOON) && t.section() != Section.HISTORY) {
        int sizes = longestList(f, t.start(), t.end());
        if (sizes >= 2) {
          return sizes;
        }
      }
    }
    return 0;
  }

  /** How many sizes the list written right before {@code at} holds ("CRE 12/13.5/15, "), or 0. */
  int sizesBefore(Sentence s, int at) {
    AnchoredPattern.Finder list = LIST_BEFORE.finder(f).region(Math.max(s.start(), at - 48), at);
    return list.find() ? distinctSizes(f, list.start(1), list.end(1)) : 0;
  }
}
