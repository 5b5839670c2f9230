package org.stomacds.engine.narrative;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause that sets the scene before the one that reports ("After informed consent was obtained,
 * the colonoscope was advanced to the cecum", "The previously dilated stricture was passed and the
 * scope was advanced to the cecum", "Given the history of polyps, the scope was advanced..."): its
 * talk of consent, risks or the past ends where a new clause starts, so a hypothetical or
 * historical cue in it does not reach what the later clause reports.
 */
final class OpeningClause {

  private OpeningClause() {}

  /** Where a new clause with its own subject or time starts: ", the scope", " and then we". */
  private static final AnchoredPattern NEW_CLAUSE =
      AnchoredPattern.compile(
          "(?:[,;]|\\b(?:and|but|then)\\b)\\s+(?:then\\s+)?(?=(?:the|we|i|it|after|following|post"
              // "After consent, under conscious sedation, the scope ...": how it was done
              + "|once|then|this|scope|colonoscope|gastroscope|endoscope|a|under"
              // "..., and we went over the risks, he was given conscious sedation": a new subject
              + "|he|she|they|patient|pt|our)\\b)"
              // "After informed consent, moderate sedation was given": the consent's own clause
              // ends at its comma, whatever opens the next
              + "|\\b(?:consent(?:ed)?|time-?\\s?out)(?:\\s+(?:was|had\\s+been|having\\s+been))?"
              + "(?:\\s+(?:obtained|signed|given|taken|confirmed|reviewed|documented|performed|done"
              + "|completed))?\\s*[,;]\\s+");

  /** A date or an "ago" in the scene set: "In 2022, the scope reached the cecum" is that time's. */
  private static final AnchoredPattern DATED =
      AnchoredPattern.compile("\\b(?:(?:19|20)\\d{2}|ago|last\\s+(?:time|year|month|week))\\b");

  /**
   * Whether the hypothetical reading of a phrase at {@code [at, end)} in sentence {@code s} comes
   * only from clauses that end before the phrase's own: no cue from the start of its clause to the
   * end of the sentence, and no modal after it.
   */
  static boolean holdsTheOnlyCue(String f, Sentence s, int at, int end) {
    int from = Math.max(s.start(), s.contentStart());
    if (from >= at) {
      return false;
    }
    if (Cues.modalAfter(f, end, s.end())) {
      return false;
    }
    if (onlyAttributiveCues(f, from, s.end())) {
      // "Scope passed through the previously dilated stricture to the cecum."
      return true;
    }
    AnchoredPattern.Finder m = NEW_CLAUSE.finder(f).region(from, at);
    int clause = -1;
    while (m.find()) {
      clause = m.end();
    }
    return clause >= 0
        && !DATED.finder(f).region(from, clause).find()
        && Cues.firstHypotheticalCue(f, clause, s.end()) == Integer.MAX_VALUE;
  }

  /**
   * "The previously dilated stricture", "the prior anastomosis": an earlier time naming what is
   * there now, not the time of what the sentence reports.
   */
  private static final Pattern ATTRIBUTIVE =
      Rx.compile(
          "(?:previously|previous|prior)\\s+(?:dilated|treated|described|noted|known|seen|placed"
              + "|created|fashioned|documented|anastomo[a-z]*|surgical|stricture|stenosis"
              + "|(?:dilation\\s+)?site)\\b");

  private static boolean onlyAttributiveCues(String f, int from, int to) {
    int at = from;
    for (int guard = 0; guard < 8 && at < to; guard++) {
      int cue = Cues.firstHypotheticalCue(f, at, to);
      if (cue == Integer.MAX_VALUE) {
        return at > from;
      }
      Matcher m = ATTRIBUTIVE.matcher(f).region(cue, to);
      if (!m.lookingAt()) {
        return false;
      }
      at = m.end();
    }
    return false;
  }
}
