package org.stomacds.engine.narrative;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dilation's steps around a size: where the dilation went ("dilated to 15 mm", "stepped up to
 * 18 mm"), how often a size was inflated ("15 mm x3"), what it started from ("dilated from 8 mm")
 * and what it gave. A size written after an arrow that follows the inflations, in terse notes: "TTS
 * 12mm x2 -> 11mm", "CRE 12-13.5-15, x2 each size, 30s ea -> 15mm", "x1 each, 60s ea -> ~10mm". The
 * arrow after a count or a hold gives what the dilation achieved (the lumen), where an arrow
 * between two sizes ("12 -> 13.5 -> 15 mm") gives the balloon's steps.
 */
final class StepResult {

  private StepResult() {}

  private static final AnchoredPattern AFTER_INFLATIONS =
      AnchoredPattern.compile(
          "(?:(?<![a-z])x\\s*\\d{1,2}|(?<![\\w.])\\d{1,3}\\s*(?:s|secs?|seconds?|mins?|minutes?))"
              // "CRE 15 x2 (30s) -> 14mm"
              + "\\)?(?:\\s*,?\\s*(?:each|ea|apiece)\\b\\.?(?:\\s+size)?)?"
              + "\\s*(?:-+>|\u2192|=>)\\s*(?:approx\\.?\\s*|about\\s+|~\\s*)?$");

  /** Whether the size starting at {@code numStart} comes right after such an arrow. */
  static boolean after(String f, Sentence s, int numStart) {
    int from = Math.max(s.start(), numStart - 40);
    return numStart > from
        && f.charAt(numStart - 1) != '\n'
        && AFTER_INFLATIONS.finder(f).region(from, numStart).find();
  }

  /**
   * Whether the size ending at {@code unitEnd} is followed, in its clause, by the dilation it got:
   * an arrow to the balloon ("7mm -> CRE 15", "6mm, 1cm long -> TTS 15mm") or "dilated with" ("8
   * mm, dilated with TTS balloon 12, 13.5, 15 mm").
   */
  static boolean beforeItsDilation(String f, Sentence s, int unitEnd) {
    return BEFORE_DILATION.matcher(f).region(unitEnd, s.end()).lookingAt();
  }

  private static final Pattern BEFORE_DILATION =
      Rx.compile(
          "(?:\\s*,[^.;,\u2192>]{1,30}?)?\\s*(?:-+>|\u2192|=>)\\s*(?:cre|tts|bal|balloon|bln|dil)"
              + "|\\s*,\\s*(?:then\\s+|and\\s+)?(?:balloon[\\s-])?(?:dilated|dil'd)\\s+(?:with|to|using"
              + "|up\\s+to)\\b");

  /** "dilated from 8 mm", "increased from 6 mm": a change verb shortly before "from". */
  static boolean changeBefore(String f, Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    for (int i = 0; i < 3 && c.prev(); i++) {
      String w = c.word();
      if (w != null
          && (w.startsWith("dilat")
              || w.equals("increased")
              || w.equals("improved")
              || w.equals("widened")
              || w.equals("enlarged")
              || w.equals("went")
              || w.equals("opened"))) {
        return true;
      }
    }
    return false;
  }

  /** Verbs right before "to 15 mm" that say where the balloon was taken. */
  private static final WordSet BALLOON_TO =
      WordSet.of("stepped", "escalated", "titrated", "upsized");

  /** Words between a dilation and "to 12 mm" that make the size something else's. */
  private static final Set<String> NOT_THE_DILATIONS =
      Set.of(
          "narrowed",
          "measured",
          "measuring",
          "measures",
          "estimated",
          "improved",
          "increased",
          "widened",
          "enlarged",
          "opened",
          "was",
          "were",
          "is",
          "are",
          "before",
          "after",
          "following",
          "prior",
          "pre",
          "post",
          "from");

  /**
   * "TTS balloon dilation of the tumor narrowing to 12 mm", "dilation of stomal stenosis 9 mm to 18
   * mm": the size after "to" is where the dilation went, though the stricture is named between (up
   * to eight words back, within the clause, nothing that measures or dates it between).
   */
  static boolean dilationGoesTo(String f, Sentence s, int numStart) {
    TokenCursor c = new TokenCursor(f, s.start(), numStart, numStart);
    if (!c.prev() || !c.is("to")) {
      return false;
    }
    TokenCursor verb = c.copy();
    if (verb.prev() && verb.is("up")) {
      verb.prev();
    }
    if (verb.in(BALLOON_TO)) {
      // "taken to 15 mm", "stepped up to 18 mm": where the balloon went
      return true;
    }
    for (int i = 0; i < 8 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        return false;
      }
      if (w.startsWith("dilat") || w.startsWith("inflat")) {
        return true;
      }
      if (NOT_THE_DILATIONS.contains(w)) {
        return false;
      }
    }
    return false;
  }

  /** "dilated to a lumen of 15 mm" names the balloon's diameter. */
  static boolean dilatedToBefore(String f, Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    boolean to = false;
    for (int i = 0; i < 4 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        return false;
      }
      if (w.equals("a") || w.equals("an") || w.equals("the") || w.equals("up")) {
        continue;
      }
      if (!to) {
        if (!w.equals("to")) {
          return false;
        }
        to = true;
      } else {
        return w.startsWith("dilat") || w.startsWith("inflat");
      }
    }
    return false;
  }

  /** "x3", "x 2" right after the size: a count of inflations. */
  static boolean countAfter(String f, Sentence s, int unitEnd) {
    TokenCursor c = new TokenCursor(f, unitEnd, s.end(), unitEnd);
    if (!c.next() || !c.isWord()) {
      return false;
    }
    if (c.is("x")) {
      return countFollows(c);
    }
    return c.word().matches("x[1-9]");
  }

  /**
   * Whether the "x" just read starts a count ("15 mm x 3, 30 s each") rather than a second
   * dimension ("2 x 3 cm", "20 mm x 5.5 cm"): a whole number with no length unit after it. Reads a
   * copy, so the caller's cursor stays on the "x".
   */
  static boolean countFollows(TokenCursor c) {
    TokenCursor ahead = c.copy();
    if (!ahead.next() || !ahead.isNumber() || ahead.startsDecimal()) {
      return false;
    }
    return !ahead.next() || !ahead.isWord() || !SizeCues.UNIT_WORDS.contains(ahead.word());
  }
}
