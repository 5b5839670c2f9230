package org.stomacds.engine.narrative;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a size ("15 mm") measures: a balloon, a lumen or something else (a distance, a length, a
 * scope, a polyp), according to a label right at it ("pre", "post", "lumen"), then the words right
 * after it, then the word right before it, then the nearest telling word before it ({@link
 * SizeCues}): "the stricture measured 8 mm and was dilated to 15 mm" gives a lumen of 8 and a
 * balloon of 15.
 */
final class SizeClassifier {

  private static final Set<String> DISTANCE_AFTER =
      Set.of(
          "long",
          "length",
          "lengths",
          "from",
          "fr",
          "frm",
          "prox",
          "dist",
          "proximal",
          "distal",
          "above",
          "below",
          "beyond",
          "into",
          "past",
          "deep",
          "inside",
          "x",
          "by",
          "segment");

  /**
   * Words after a size that give a width: a stricture's ("a fibrotic ring about 7 mm wide") is its
   * lumen, a polyp's is not, so the words before the size decide; in cm it is no lumen.
   */
  private static final Set<String> WIDTH_AFTER = Set.of("wide", "width", "across");

  /** Skipped between a lumen's cue and its number: "approx 8 mm", "an estimated 8 mm". */
  private static final WordSet ESTIMATE_OR_ARTICLE =
      WordSet.of(Features.INSTANCE.wordsWith(Feature.ESTIMATE, "an", "a"));

  /** Dilators that are not balloons. */
  static final Set<String> MECHANICAL =
      Set.of("hegar", "hegars", "bougie", "bougies", "savary", "savary-gilliard", "maloney");

  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "and", "or", "but", "was", "were", "is", "are", "which", "that", "then", "the", "a", "an",
          "to", "with", "at", "on", "after", "before", "when", "while", "so", "for");

  private SizeClassifier() {}

  /** What the size at {@code [numStart, unitEnd)} measures. */
  static SizeKind classify(
      String f, Sentence s, int numStart, int unitEnd, boolean single, boolean cm) {
    int label = cm ? 0 : labelledBeforeOrAfter(f, s, numStart, unitEnd);
    if (label == 2
        || !cm && StepResult.after(f, s, numStart) && !StepResult.countAfter(f, s, unitEnd)) {
      // "lumen ~7mm TTS balloon 15mm": the lumen named right before its size; "TTS 12mm x2 ->
      // 11mm": what the inflations gave
      return SizeKind.LUMEN;
    }
    SizeKind after = sizeWordsAfter(f, s, unitEnd, cm);
    if (after == SizeKind.OTHER
        && !cm
        && PassedDevice.letThrough(f, s, numStart, unitEnd)
        && !LUMEN_SIZED_AFTER.finder(f).region(unitEnd, s.end()).find()) {
      // "admitted the 9.8 mm gastroscope": the lumen is the size of what it let through, unless
      // the sentence goes on to size the lumen itself ("the 5.4 mm scope passed and the lumen was
      // estimated at 7 mm")
      return SizeKind.LUMEN;
    }
    if (after == null
        && !cm
        && StepResult.beforeItsDilation(f, s, unitEnd)
        && SizeCues.nearest(f, s, numStart, false) != SizeKind.BALLOON) {
      // "20cm - 7mm -> CRE 15", "9mm, ped scope tight -> CRE", "8 mm, dilated with TTS balloon":
      // the size the stricture had when the dilation came to it, so before it
      return SizeKind.LUMEN_FROM;
    }
    if (label == 1 && after != SizeKind.BALLOON) {
      // "post ~11mm scope then passes", "post dil ~13mm", "~14mm post"; not "post 15 mm balloon"
      return SizeKind.LUMEN;
    }
    if (after != null) {
      return after;
    }
    TokenCursor c = new TokenCursor(f, s.start(), numStart, numStart);
    // The word right before: "at 20 cm" is a distance, "2 x 3 cm" a dimension, "Pre ~7 mm" and
    // "post-dil: 15 mm" the lumen before and after dilation.
    while (c.prev()) {
      String w = c.word();
      if (w == null) {
        char p = c.punct();
        if (p == '~' || p == ':' || p == '=') {
          continue;
        }
        break;
      }
      if (SizeCues.dilationSide(w) != 0) {
        return SizeKind.LUMEN;
      }
      if (ESTIMATE_OR_ARTICLE.contains(w)) {
        continue;
      }
      if (w.equals("at")) {
        // "estimated at 7 mm", "I'd put the lumen at about 18 mm", "estimate the opening at
        // around 6 mm": a size judged, not a place.
        if (!cm && SizeCues.judgedAt(c)) {
          break;
        }
        return SizeKind.OTHER;
      }
      if (w.equals("x") || w.equals("by")) {
        if (c.prev() && c.isNumber()) {
          return SizeKind.OTHER;
        }
      }
      if (w.equals("not")) {
        // "the balloon was 15 mm, not 18 mm": a size denied
        return SizeKind.OTHER;
      }
      if (w.equals("from") && single && StepResult.changeBefore(f, s, c.start())) {
        return SizeKind.LUMEN_FROM;
      }
      break;
    }
    if (!cm && StepResult.dilationGoesTo(f, s, numStart)) {
      return SizeKind.BALLOON;
    }
    if (PassedDevice.admittedBefore(f, s, numStart)) {
      // "the stoma admitted the gastroscope, approx 11 mm": the opening's size
      return SizeKind.LUMEN;
    }
    if (!cm && StepResult.countAfter(f, s, unitEnd)) {
      // "today: 18mm x3 60s", "Dilation sequence (each stricture): 12 mm x1, 13.5 mm x1": a size
      // inflated so many times is the balloon's, whatever was named before it
      return SizeKind.BALLOON;
    }
    SizeKind nearest = SizeCues.nearest(f, s, numStart, cm);
    if (nearest == SizeKind.UNKNOWN
        && !cm
        && TIMED_BEFORE.finder(f).region(s.start(), numStart).find()) {
      // "Afterwards ~20 mm", "initially about 6 mm": a size dated against the dilation
      return SizeKind.LUMEN;
    }
    return nearest;
  }

  /**
   * A size labelled as the lumen before or after the dilation by a bare "pre" or "post" (or "post
   * dil", "after:") right before it, or by a bare "pre" or "post" right after it ("~14mm post"): 1;
   * named "lumen" right before it: 2 (that outweighs a balloon named after it); else 0.
   */
  private static int labelledBeforeOrAfter(String f, Sentence s, int numStart, int unitEnd) {
    TokenCursor c = new TokenCursor(f, s.start(), numStart, numStart);
    String w = null;
    while (c.prev()) {
      w = c.word();
      if (w != null) {
        break;
      }
      char p = c.punct();
      if (p != '~' && p != ':' && p != '=') {
        break;
      }
    }
    if ("both".equals(w) || "all".equals(w)) {
      // "Post: both ~14mm": the label of every stricture's size
      w = null;
      while (c.prev() && (w = c.word()) == null && (c.punct() == ':' || c.punct() == '~')) {
        // over the label's colon
      }
    }
    if (w != null) {
      if (w.equals("lumen") && !StepResult.dilatedToBefore(f, s, c.start())) {
        return 2;
      }
      if (w.equals("pre")
          || w.equals("post")
          || w.equals("after") && BARE_AFTER.matcher(f).region(c.start(), numStart).matches()) {
        return 1;
      }
      if ((w.equals("dil") || w.startsWith("dilat") || w.equals("balloon"))
          && c.prev()
          && ("pre".equals(c.word()) || "post".equals(c.word()))) {
        return 1;
      }
    }
    TokenCursor a = new TokenCursor(f, unitEnd, s.end(), unitEnd);
    if (a.next() && a.isWord() && ("post".equals(a.word()) || "pre".equals(a.word()))) {
      // "~14mm post", not "15 mm post-dilation" (a compound word is not the bare label)
      return !a.next() || a.word() == null || !a.word().startsWith("dilat") ? 1 : 0;
    }
    return 0;
  }

  private static final AnchoredPattern LUMEN_SIZED_AFTER =
      AnchoredPattern.compile("\\b(?:lumen|luminal\\s+diameter)\\b[^.;]{0,40}?\\d");

  /** "After: ~15mm", "after ~15 mm": the bare label, a colon or tilde between it and the size. */
  private static final Pattern BARE_AFTER = Rx.compile("after\s*[:~]\s*~?\s*");

  private static final AnchoredPattern TIMED_BEFORE =
      AnchoredPattern.compile(
          "\\b(?:afterwards?|after\\s+(?:dilat[a-z]*|dil|that|this)|post(?:-?dil[a-z]*)?"
              + "|following\\s+(?:dilat[a-z]*|that|this)|subsequently|initially|before\\s+dilat[a-z]*"
              + "|pre(?:-?dil[a-z]*)?)\\b[\\s:,~]*"
              // "After that the anastomosis was about 14 mm", "After that it was maybe 9 mm"
              + "(?:(?:it|the\\s+[a-z]+|lumen|opening)\\s+(?:was|measured|is|looked|appeared"
              + "|seemed)\\s+(?:like\\s+)?)?"
              + "(?:approx\\.?|approximately|about|around|roughly|maybe|perhaps|probably|~)?\\s*~?\\s*$");

  private static final java.util.regex.Pattern THROUGH_THE_SCOPE =
      Rx.compile("through[\\s-]+the[\\s-]+scope(?=[\\s-]+(?:cre\\s+|tts\\s+)?balloon)");

  private static boolean spacedDash(String f, int at) {
    return at > 0 && f.charAt(at - 1) == ' ' && at + 1 < f.length() && f.charAt(at + 1) == ' ';
  }

  private static SizeKind sizeWordsAfter(String f, Sentence s, int at, boolean cm) {
    TokenCursor c = new TokenCursor(f, at, s.end(), at);
    for (int i = 0; i < 3 && c.next(); i++) {
      String w = c.word();
      if (w != null && f.lastIndexOf('\n', c.start()) >= at && !namesADevice(w)) {
        // "est 14mm" / "distal limb only examined": a terse note's next line, joined to this
        // one, does not say what this size measures; a dictation's wrapped "15 mm / CRE
        // balloon" still does
        return null;
      }
      if (w == null) {
        if (c.punct() == '-' && !spacedDash(f, c.start())) {
          i--;
          continue;
        }
        // "NARROWED TO ABOUT 10 MM - SCOPE WOULD NOT TRAVERSE": a spaced dash starts another clause
        return null;
      }
      if (CLAUSE_WORDS.contains(w)) {
        // "8 mm and the scope could not pass": what follows is another clause.
        return null;
      }
      if (w.equals("through")) {
        // "a 15 millimeter through the scope balloon": the balloon's kind spelled out, no scope
        java.util.regex.Matcher tts = THROUGH_THE_SCOPE.matcher(f).region(c.wordStart(), s.end());
        if (tts.lookingAt()) {
          while (c.end() < tts.end() && c.next()) {
            // over "the scope"
          }
          i--;
          continue;
        }
      }
      if (MECHANICAL.contains(w)) {
        // "15 mm Hegar dilator", "a 12 mm bougie": not a balloon
        return SizeKind.OTHER;
      }
      if (w.startsWith("balloon")
          || w.equals("bal")
          || w.equals("cre")
          || w.equals("tts")
          || w.startsWith("dilator")
          || w.equals("dilating")) {
        // not "stricture @ fascia ~3cm TTS 15mm": there the balloon's name labels the next size
        return labelsNextNumber(c) ? null : SizeKind.BALLOON;
      }
      if (w.equals("in")) {
        if (c.next() && c.word() != null) {
          String n = c.word();
          if (n.equals("length") || n.equals("from") || n.equals("size")) {
            return SizeKind.OTHER;
          }
          if (n.equals("diameter") || n.equals("width") || n.equals("caliber")) {
            // not "the pediatric colonoscope, which is about 11.5 mm in diameter"
            return cm
                ? null
                : SizeCues.nearest(f, s, at, false) == SizeKind.OTHER
                    ? SizeKind.OTHER
                    : SizeKind.LUMEN;
          }
        }
        // "stenosis at the fascia, 3 cm in": how deep it lies, not how wide.
        return cm ? SizeKind.OTHER : null;
      }
      if (w.equals("x")) {
        if (StepResult.countFollows(c)) {
          // "dilated to 18 mm x 3": the number of inflations; the words before say what 18 is.
          return null;
        }
        // "20 mm x 5.5 cm balloon": a balloon's diameter by its length.
        return balloonAhead(c) ? SizeKind.BALLOON : SizeKind.OTHER;
      }
      if (w.equals("by")) {
        // "2 by 3 cm" is a dimension; "narrowed to 8 mm by the tumor" says what narrowed it
        TokenCursor ahead = c.copy();
        return ahead.next() && ahead.isNumber() ? SizeKind.OTHER : null;
      }
      if (WIDTH_AFTER.contains(w)) {
        return cm ? SizeKind.OTHER : null;
      }
      if (DISTANCE_AFTER.contains(w)
          || SizeCues.LESIONS.contains(w)
          || SizeCues.SCOPES.contains(w)) {
        return SizeKind.OTHER;
      }
      if (w.equals("lumen") || w.equals("opening") || w.equals("aperture")) {
        // "approx 1 cm lumen": the width, in any unit; not "3cm lumen 8mm", a label of the next
        return labelsNextNumber(c) ? (cm ? SizeKind.OTHER : SizeKind.LUMEN) : SizeKind.LUMEN;
      }
      if (w.startsWith("strictur")
          || w.startsWith("stenos")
          || w.startsWith("narrowing")
          || w.equals("web")
          || w.equals("ring")) {
        // "8 mm stricture" is its width; "a 2 cm stricture" its length
        return cm ? SizeKind.OTHER : SizeKind.LUMEN;
      }
    }
    return null;
  }

  private static boolean namesADevice(String w) {
    return w.startsWith("balloon")
        || w.equals("bal")
        || w.equals("cre")
        || w.equals("tts")
        || w.equals("through")
        || w.startsWith("dilat")
        || MECHANICAL.contains(w);
  }

  /**
   * Whether a size follows the word just read ("lumen 8mm", "lumen: ~8 mm"), not a count ("15 mm
   * balloon 3 inflations").
   */
  private static boolean labelsNextNumber(TokenCursor c) {
    TokenCursor ahead = c.copy();
    for (int i = 0; i < 3 && ahead.next(); i++) {
      if (ahead.isWord()) {
        if (!ahead.isNumber()) {
          return false;
        }
        TokenCursor unit = ahead.copy();
        if (SizeCues.UNIT_WORDS.contains(ahead.word().replaceAll("^[0-9.]+", ""))) {
          return true; // "15mm"
        }
        // "15 mm", "12-13.5-15", "15.": not "3 inflations"
        return !unit.next()
            || !unit.isWord()
            || unit.isNumber()
            || SizeCues.UNIT_WORDS.contains(unit.word());
      }
      char p = ahead.punct();
      if (p != '~' && p != ':' && p != '=') {
        return false;
      }
    }
    return false;
  }

  private static boolean balloonAhead(TokenCursor c) {
    for (int i = 0; i < 6 && c.next(); i++) {
      if (c.startsWith("balloon") || c.is("cre") || c.is("tts")) {
        return true;
      }
      if (c.isWord() && !c.isNumber() && !SizeCues.UNIT_WORDS.contains(c.word())) {
        return false;
      }
    }
    return false;
  }
}
