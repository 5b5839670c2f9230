package org.stomacds.engine.narrative;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An opening clause that sets the scene ("After informed consent was obtained, ...", "Once the
 * risks had been explained, ...", "Informed consent was obtained and ..."): its talk of consent or
 * risks is done at its comma, so a hypothetical cue in it does not reach what the main clause
 * reports ("... the colonoscope was advanced to the cecum").
 */
final class OpeningClause {

  private OpeningClause() {}

  private static final Pattern OPENING =
      Rx.compile(
          "\\s*(?:(?:after|once|following|when|with)\\b[^,;.]{0,160}?,"
              + "|(?:the\\s+)?(?:written\\s+|informed\\s+)*consent\\s+(?:was\\s+|had\\s+been\\s+)?"
              + "(?:obtained|signed|given)\\s*(?:,|and\\b))");

  /**
   * Whether the hypothetical reading of a phrase at {@code at} in sentence {@code s} comes only
   * from an opening clause that ends before it, with no other cue and no modal after it.
   */
  static boolean holdsTheOnlyCue(String f, Sentence s, int at, int end) {
    int from = Math.max(s.start(), s.contentStart());
    if (from >= at) {
      return false;
    }
    Matcher m = OPENING.matcher(f).region(from, at);
    return m.lookingAt()
        && Cues.firstHypotheticalCue(f, m.end(), s.end()) == Integer.MAX_VALUE
        && !Cues.modalAfter(f, end, s.end());
  }
}
