package org.stomacds.engine.narrative;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the content of a complications label says, for {@link ComplicationsReader}: that nothing
 * went wrong ("none", "nil", "aucune"), only how the patient did ("Tolerated well": nothing about
 * complications, coding decision 8), or, for a heading alone on its line, the answer on the line
 * under it ("Complications / None.").
 */
final class ComplicationLabels {

  private ComplicationLabels() {}

  /**
   * "COMPLICATIONS: Tolerated well.", "Complications: pt stable, NAD": a label whose content (from
   * {@code from}) tells how the patient did, not whether anything went wrong (coding decision 8),
   * says nothing of it.
   */
  static boolean onlyHowItWent(String f, Sentence s, int from) {
    return HOW_IT_WENT.matcher(f).region(from, s.end()).matches();
  }

  /** Whether the content of the label of {@code s} only tells how the patient did. */
  static boolean onlyHowItWent(String f, Sentence s) {
    return s.contentStart() > s.start() && onlyHowItWent(f, s, s.contentStart());
  }

  private static final Pattern HOW_IT_WENT =
      Rx.compile(
          "\\s*[:=-]?\\s*(?:(?:(?:the\\s+)?(?:pt|patient)\\s+)?(?:tolerated|tol|did)\\s*(?:the\\s+)?"
              + "(?:procedure\\s+|it\\s+)?(?:very\\s+)?(?:well|ok|okay|fine)?|(?:pt\\s+|patient\\s+)?(?:stable"
              + "|comfortable|nad|fine|ok|well)(?:\\s+in\\s+recovery)?)(?:\\s*[,;]\\s*(?:stable|nad|comfortable))*"
              + "\\s*[.]?\\s*");

  /**
   * A "Complications" heading alone on its line, answered on the line under it ("Complications /
   * None.", an HTML heading and its paragraph, which the sections do not read as a heading): the
   * answer's denial is the label's.
   */
  static boolean answeredBelow(String f, List<Sentence> sentences, Hit h) {
    Sentence s = sentences.get(h.sentence());
    int next = h.sentence() + 1;
    int lineEnd = f.indexOf('\n', h.end());
    if (next >= sentences.size()
        // "COMPLICATIONS:\nNone.": a heading the sections read, its content read with it
        || sentences.get(next).section() == Section.COMPLICATIONS
        || !f.substring(s.start(), h.start()).isBlank()
        || lineEnd < 0
        || lineEnd >= sentences.get(next).start()) {
      return false;
    }
    Sentence answer = sentences.get(next);
    return ANSWER_NONE.matcher(f).region(answer.start(), answer.end()).lookingAt();
  }

  private static final Pattern ANSWER_NONE =
      Rx.compile(
          "\\s*(?:none|nil|nothing|no\\s+(?:complications?|adverse|immediate|problems?|issues?))\\b");

  /**
   * Where the first clause of a label's content ends: "Cx: post-proc abd pain in PACU; KUB no free
   * air" names what happened first, and the "no" of the work-up after it does not undo it.
   */
  static int firstClauseEnd(String f, Sentence s) {
    for (int i = s.contentStart(); i < s.end(); i++) {
      char c = f.charAt(i);
      // "... in recovery (score 7/10) - erect CXR no free air": a spaced dash ends it too
      if (c == ';'
          || c == ','
          || c == '.' && i + 1 < s.end() && f.charAt(i + 1) == ' '
          || c == '-'
              && f.charAt(i - 1) == ' '
              && i + 2 < s.end()
              && f.charAt(i + 1) == ' '
              // "Perforation - none": the dash gives the item its answer
              && !NOTHING_WENT_WRONG.matcher(f).region(i + 2, s.end()).lookingAt()) {
        return i;
      }
    }
    return s.end();
  }

  /**
   * Words in a complications label's content that say nothing (or only the expected) went wrong.
   */
  static final Pattern NOTHING_WENT_WRONG =
      Rx.compile(
          "\\b(?:none|nil|no|nothing|n/a|zero|negative|uncomplicated|uneventful(?:ly)?|without|denied"
              + "|denies|minimal"
              + "|minor|trace|negligible|expected|not\\s+(?:any|applicable)|unremarkable"
              + "|tolerated|stable|well|fine|ok|nad"
              // a note written in or borrowing another language: "Complications: aucune"
              + "|aucune?|rien|n[ée]ant|keine?|ninguna?|nada|nessuna?|geen)\\b");
}
