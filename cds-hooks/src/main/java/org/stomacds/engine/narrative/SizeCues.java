package org.stomacds.engine.narrative;

import java.util.Set;

/**
 * The words that tell what a size measures, one word at a time ("balloon", "stricture", "scope",
 * "pre-dilation"), and the walk back from a size to the nearest of them. {@link SizeClassifier}
 * asks here when the words right around the size do not decide.
 */
final class SizeCues {

  static final Set<String> SCOPES =
      Set.of(
          "scope",
          "colonoscope",
          "gastroscope",
          "endoscope",
          "enteroscope",
          "pediatric",
          "paediatric",
          "adult",
          "ultrathin",
          "ultra-thin",
          "slim",
          "wire",
          "guidewire",
          "catheter",
          "stent",
          "forceps",
          "snare",
          "probe",
          "clip");

  /** What a lumen is judged against when opened: "the opened biopsy forceps (7 mm span)". */
  static final WordSet OPENED_DEVICES = WordSet.of("biopsy", "forceps", "snare", "cup", "jaws");

  static final Set<String> LESIONS =
      Set.of(
          "polyp",
          "polyps",
          "lesion",
          "lesions",
          "mass",
          "ulcer",
          "ulcers",
          "nodule",
          "adenoma",
          "diverticulum",
          "hernia",
          "tumor",
          "tumour");

  static final Set<String> UNIT_WORDS =
      Set.of(
          "mm",
          "cm",
          "millimeter",
          "millimeters",
          "millimetre",
          "millimetres",
          "centimeter",
          "centimeters",
          "centimetre",
          "centimetres");

  private SizeCues() {}

  /**
   * -1 for a word that labels what follows as before the dilation ("pre", "pre-dil",
   * "pre-dilation", "predilatation", "pre-balloon"), +1 for after ("post", "post-dil",
   * "postdilation"), 0 for any other word (a verb such as "predilated" included: it names a
   * dilation, not a time).
   */
  static int dilationSide(String w) {
    return dilationSide(w, 0, w.length());
  }

  /** {@link #dilationSide(String)} of the word {@code text[from, to)}. */
  static int dilationSide(String text, int from, int to) {
    int side;
    int rest;
    if (text.startsWith("pre", from) && to - from >= 3) {
      side = -1;
      rest = from + 3;
    } else if (text.startsWith("post", from) && to - from >= 4) {
      side = 1;
      rest = from + 4;
    } else {
      return 0;
    }
    if (rest < to && text.charAt(rest) == '-') {
      rest++;
    }
    if (rest == to) {
      return side;
    }
    if (to - rest >= 2 && text.charAt(to - 2) == 'e' && text.charAt(to - 1) == 'd') {
      return 0;
    }
    return startsAt(text, rest, to, "dil")
            || startsAt(text, rest, to, "inflat")
            || startsAt(text, rest, to, "balloon")
        ? side
        : 0;
  }

  private static boolean startsAt(String text, int at, int to, String prefix) {
    return to - at >= prefix.length() && text.startsWith(prefix, at);
  }

  /**
   * Words that name a width even for a size in centimetres ("opening about 1.5 cm"); a stricture's
   * own word before a size in cm gives its length or depth ("stricture at the fascia 3 cm",
   * "stenosis ~2cm, lumen ~6mm").
   */
  private static final Set<String> WIDTH_IN_CM =
      Set.of(
          "caliber",
          "calibre",
          "opening",
          "aperture",
          "orifice",
          "diameter",
          "widened",
          "improved",
          "increased",
          "enlarged",
          "opened");

  /**
   * The nearest word before {@code at} in its sentence (up to 14 words back, not past a semicolon;
   * numbers and units skipped) that says what a size measures; UNKNOWN when none does. For a size
   * in centimetres only a word of width or the lumen makes it a lumen.
   */
  static SizeKind nearest(String f, Sentence s, int at, boolean cm) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    int words = 0;
    String after = null; // the word after the current one (the last one read, going back)
    while (c.prev() && words < 14) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == ';' && !ANAPHOR.matcher(f).region(c.end(), at).lookingAt()) {
          break;
        }
        // "Strictures at 10 and 25 cm; the first about 9 mm": the clause names them again
        continue;
      }
      if (c.isNumber() || UNIT_WORDS.contains(w)) {
        continue;
      }
      if (POSTFIX.contains(w) && sizeRightBefore(c)) {
        // "3cm long, ~6mm": "long" is the length's, written after it; it says nothing of this size
        continue;
      }
      words++;
      if (w.equals("fr") && unitRightBefore(c)) {
        after = w; // "stx 3cm fr skin, ~6mm": "from" after a distance, not French
        continue;
      }
      if (w.equals("lumen") || w.equals("luminal")) {
        return StepResult.dilatedToBefore(f, s, c.start()) ? SizeKind.BALLOON : SizeKind.LUMEN;
      }
      if (w.equals("diameter")) {
        // "Diameter before: approximately 9 mm", "estimated diameter 16 mm"; not "balloon
        // diameter 15 mm", "dilated to a diameter of 16 mm", "the largest diameter 20 mm"
        // the scope's "outer diameter of about 11.7 millimeters" is neither
        return StepResult.dilatedToBefore(f, s, c.start()) ? SizeKind.BALLOON : diameterOf(c);
      }
      SizeKind k = sizeCue(w);
      if (k == SizeKind.BALLOON && w.startsWith("dilator") && mechanicalBefore(c)) {
        // "Hegar dilators 13, 15 and 17 mm"
        return SizeKind.OTHER;
      }
      if (k == SizeKind.BALLOON && namesATime(c, after)) {
        // "the stricture before dilation was 10 mm": the dilation dates the size, it is not
        // the balloon's ("after dilation to 15 mm" still is).
        return SizeKind.LUMEN;
      }
      if (k == SizeKind.LUMEN
          && cm
          && !WIDTH_IN_CM.contains(w)
          && !(w.startsWith("narrow") && "to".equals(after))) {
        // "narrowed to 1 cm" is a width; "narrowed at the fascia ~3 cm" is not
        return SizeKind.OTHER;
      }
      if (k == SizeKind.OTHER && SCOPES.contains(w) && PassedDevice.widthOf(f, s, c.start())) {
        // "narrowed to about the width of the gastroscope, about 10 mm": the lumen, judged by it
        return SizeKind.LUMEN;
      }
      if (k != null) {
        return k;
      }
      after = w;
    }
    return SizeKind.UNKNOWN;
  }

  /** Words written after a size that say what it measured: "3 cm long", "4 cm deep". */
  private static final Set<String> POSTFIX = Set.of("long", "deep", "wide", "length");

  private static boolean unitRightBefore(TokenCursor c) {
    TokenCursor back = c.copy();
    return back.prev() && back.isWord() && back.word().matches("(?:\\d+(?:\\.\\d+)?)?(?:mm|cm)");
  }

  private static boolean sizeRightBefore(TokenCursor c) {
    TokenCursor back = c.copy();
    return back.prev()
        && back.isWord()
        && (back.isNumber()
            || UNIT_WORDS.contains(back.word())
            || back.word().matches("\\d+(?:\\.\\d+)?(?:mm|cm)"));
  }

  /** A clause that opens by naming again one of the strictures just listed. */
  private static final java.util.regex.Pattern ANAPHOR =
      Rx.compile(
          "\\s*(?:the\\s+(?:first|second|third|other|latter|former|proximal|distal|upper|lower"
              + "|tighter|narrower|tightest|narrowest)(?:\\s+one)?|both|each)\\b");

  /**
   * What the "diameter" under the cursor is of, by the six words before it: a balloon's (a balloon,
   * an inflation or a largest size named), a scope's or device's ("outer diameter", "scope
   * diameter"), else the lumen's.
   */
  private static SizeKind diameterOf(TokenCursor c) {
    TokenCursor back = c.copy();
    for (int i = 0; i < 6 && back.prev(); i++) {
      if (!back.isWord()) {
        if (back.punct() == ';' || back.punct() == '.') {
          break;
        }
        continue;
      }
      if (i == 0 && (back.is("each") || back.is("every") || back.is("per"))) {
        // "one inflation at each diameter (12 mm, 13.5 mm, 15 mm)": the balloon's sizes
        return SizeKind.BALLOON;
      }
      if (back.startsWith("balloon")
          || back.startsWith("inflat")
          || back.is("cre")
          || back.is("tts")
          || back.is("largest")
          || back.is("maximum")
          || back.is("max")
          || back.is("final")) {
        return SizeKind.BALLOON;
      }
      if (back.is("outer") || back.is("external") || i == 0 && SCOPES.contains(back.word())) {
        // "outer diameter", "scope diameter"; not "admitted the colonoscope, estimated diameter"
        return SizeKind.OTHER;
      }
    }
    return SizeKind.LUMEN;
  }

  private static boolean mechanicalBefore(TokenCursor c) {
    TokenCursor back = c.copy();
    return back.prev() && back.isWord() && SizeClassifier.MECHANICAL.contains(back.word());
  }

  private static final Set<String> TIME_WORDS =
      Set.of("before", "after", "following", "prior", "pre", "post", "until");

  private static final Set<String> SIZE_FOLLOWS =
      Set.of("to", "with", "using", "up", "of", "at", "by");

  /**
   * Whether the dilation word under the cursor only says when ("before dilation", "prior to balloon
   * dilation", "post dilation"), with no size of its own after it ("dilation to 15 mm").
   */
  private static boolean namesATime(TokenCursor c, String after) {
    if (!(c.startsWith("dilat") || c.startsWith("inflat") || c.startsWith("balloon"))
        || (after != null && SIZE_FOLLOWS.contains(after))) {
      return false;
    }
    TokenCursor back = c.copy();
    for (int i = 0; i < 3 && back.prev(); i++) {
      String w = back.word();
      if (w == null) {
        return false;
      }
      if (TIME_WORDS.contains(w)) {
        return true;
      }
      if (!w.equals("the") && !w.equals("to") && !w.equals("balloon") && !w.equals("our")) {
        return false;
      }
    }
    return false;
  }

  private static SizeKind sizeCue(String w) {
    if (w.endsWith("ed") && (w.startsWith("predilat") || w.startsWith("pre-dilat"))) {
      // "predilated to 10 mm": a dilation, so the balloon's size.
      return SizeKind.BALLOON;
    }
    if (w.length() > 4 && dilationSide(w) != 0) {
      // "pre-dilation diameter 5 mm"; a bare "pre" or "post" labels only the size right after it.
      return SizeKind.LUMEN;
    }
    if (SizeClassifier.MECHANICAL.contains(w)) {
      // "Hegar dilators 13, 15 and 17 mm": dilated, but not with a balloon
      return SizeKind.OTHER;
    }
    if (w.startsWith("balloon")
        || w.equals("bal")
        || w.startsWith("dilat")
        || w.equals("dil")
        || w.equals("dil'd")
        || w.startsWith("inflat")
        || w.equals("cre")
        || w.equals("tts")
        || w.equals("sequentially")
        || w.equals("serially")
        || w.equals("sequential")
        || w.equals("serial")
        || w.equals("expanded")
        || w.equals("expansion")
        || w.equals("sizes")
        || w.equals("sized")) {
      return SizeKind.BALLOON;
    }
    if (w.startsWith("measur")
        || w.equals("estimated")
        || w.equals("est")
        || w.equals("estimate")
        || w.startsWith("narrow")
        || w.startsWith("strictur")
        || w.equals("stx")
        || w.startsWith("stenos")
        || w.equals("stenotic")
        || w.equals("ring")
        || w.equals("web")
        || w.equals("caliber")
        || w.equals("calibre")
        || w.equals("opening")
        || w.equals("aperture")
        || w.equals("orifice")
        || w.equals("tight")
        || w.equals("pinhole")
        || w.equals("patent")
        || w.equals("widened")
        || w.equals("improved")
        || w.equals("increased")
        || w.equals("enlarged")
        || w.equals("opened")) {
      return SizeKind.LUMEN;
    }
    if (w.equals("length")
        || w.equals("long")
        || w.equals("distance")
        || w.equals("fr")
        || w.equals("french")
        || SCOPES.contains(w)
        || LESIONS.contains(w)) {
      return SizeKind.OTHER;
    }
    return null;
  }

  /** A judging verb up to three words before this "at", or an inflation ("one at 12 mm") at it. */
  static boolean judgedAt(TokenCursor at) {
    TokenCursor back = at.copy();
    for (int k = 0; k < 3 && back.prev() && back.word() != null; k++) {
      if (JUDGED.contains(back.word())
          || k == 0
              && (back.startsWith("inflat")
                  || back.startsWith("dilat")
                  // "one at 12 mm", "x1 more at 12 mm", "a third time at 16.5 mm", "x2 at 15 mm"
                  || COUNTED.contains(back.word())
                  || back.word().matches("x\\d"))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> COUNTED =
      Set.of("one two three once twice thrice more again time times further additional".split(" "));

  /** Verbs after which "at" gives a size's estimate rather than a place. */
  private static final Set<String> JUDGED =
      Set.of(
          "estimated",
          "measured",
          "measuring",
          "sized",
          "gauged",
          "judged",
          "assessed",
          "calibrated",
          "estimate",
          "measures",
          "appeared",
          "appears",
          "put");
}
