package org.stomacds.engine.narrative;

import java.util.Set;

/**
 * Whether a full stop, "!" or "?" ends a sentence: not in "16.5", "e.g.", "approx. 6 mm", "Dr.
 * Lee", nor a "?" of doubt inside a sentence ("Balloon 15mm? (RN log says 16.5)").
 */
final class SentenceEnds {

  private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "prof", "st");

  private final String original;
  private final String folded;

  SentenceEnds(String original, String folded) {
    this.original = original;
    this.folded = folded;
  }

  /** Abbreviations a number follows: "approx. 6 mm", "est. 10 mm", "no. 3". */
  private static final Set<String> ABBREVIATIONS_BEFORE_A_NUMBER =
      Set.of("approx", "appr", "est", "ca", "no", "nr", "vs", "abt", "apx", "max", "min", "fig");

  private String wordBefore(int i) {
    int a = i;
    while (a > 0 && !Character.isWhitespace(folded.charAt(a - 1)) && folded.charAt(a - 1) != '(') {
      a--;
    }
    return folded.substring(a, i);
  }

  /** Whether the full stop (or ! or ?) at i ends a sentence. */
  boolean ends(int i, int le) {
    if (i + 1 >= le) {
      return true;
    }
    char next = folded.charAt(i + 1);
    if (next != ' ' && next != '\n' && next != '"' && next != ')' && next != '\'') {
      // "16.5", "e.g.", "a.m." and the like.
      return false;
    }
    if (folded.charAt(i) == '!') {
      return true;
    }
    int j = i + 1;
    while (j < le && (folded.charAt(j) == ' ' || folded.charAt(j) == '\n')) {
      j++;
    }
    if (j >= le) {
      return true;
    }
    char following = original.charAt(j);
    if (folded.charAt(i) == '?') {
      // "Balloon 15mm? (RN log says 16.5) x2": a doubt inside the sentence, not a question.
      return !(following == '('
          || Character.isLowerCase(following)
          || Character.isDigit(following));
    }
    // "approx. 6 mm", "pt. tolerated": a lower-case word carries the sentence on, and so does a
    // number after an abbreviation; after a number or unit ("lumen ~8mm. 15mm balloon x2") a
    // number starts the next sentence.
    if (Character.isLowerCase(following)) {
      // "... recorded differently. after that the scope slid through": a dictation without
      // capitals ends its sentence after a whole word, not after "pt.", "prox." or "approx."
      return endsAWholeWord(i);
    }
    if (Character.isDigit(following)) {
      return !ABBREVIATIONS_BEFORE_A_NUMBER.contains(wordBefore(i));
    }
    // "Dr. Lee": a title before a name.
    return !isTitle(i);
  }

  /** Shortened words of five letters or more that a lower-case word follows: "approx. the". */
  private static final Set<String> LONG_SHORTENINGS =
      Set.of("approx", "apprx", "trans", "transv", "retrofl", "descend", "ascend", "sigmo");

  private boolean endsAWholeWord(int dot) {
    String w = wordBefore(dot);
    if (w.length() < 5 || LONG_SHORTENINGS.contains(w)) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      if (!Character.isLetter(w.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private boolean isTitle(int dot) {
    int b = dot;
    while (b > 0 && Character.isLetter(folded.charAt(b - 1)) && dot - b < 5) {
      b--;
    }
    return b < dot
        && (b == 0 || !Character.isLetter(folded.charAt(b - 1)))
        && TITLES.contains(folded.substring(b, dot));
  }
}
