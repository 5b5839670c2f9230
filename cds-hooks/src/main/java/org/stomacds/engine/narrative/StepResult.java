package org.stomacds.engine.narrative;

import java.util.regex.Pattern;

/**
 * A size written after an arrow that follows the inflations, in terse notes: "TTS 12mm x2 -> 11mm",
 * "CRE 12-13.5-15, x2 each size, 30s ea -> 15mm", "x1 each, 60s ea -> ~10mm". The arrow after a
 * count or a hold gives what the dilation achieved (the lumen), where an arrow between two sizes
 * ("12 -> 13.5 -> 15 mm") gives the balloon's steps.
 */
final class StepResult {

  private StepResult() {}

  private static final Pattern AFTER_INFLATIONS =
      Rx.compile(
          "(?:(?<![a-z])x\\s*\\d{1,2}|(?<![\\w.])\\d{1,3}\\s*(?:s|secs?|seconds?|mins?|minutes?))"
              // "CRE 15 x2 (30s) -> 14mm"
              + "\\)?(?:\\s*,?\\s*(?:each|ea|apiece)\\b\\.?(?:\\s+size)?)?"
              + "\\s*(?:-+>|\u2192|=>)\\s*(?:approx\\.?\\s*|about\\s+|~\\s*)?$");

  /** Whether the size starting at {@code numStart} comes right after such an arrow. */
  static boolean after(String f, Sentence s, int numStart) {
    int from = Math.max(s.start(), numStart - 40);
    return numStart > from
        && f.charAt(numStart - 1) != '\n'
        && AFTER_INFLATIONS.matcher(f).region(from, numStart).find();
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
}
