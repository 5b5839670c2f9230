package org.stomacds.engine.narrative;

import java.util.Arrays;
import java.util.Optional;

/**
 * The guards a phrase row may name ({@code guard: reached-it}): checks on a match that a pattern
 * cannot express cheaply, kept in Java ({@link Guards}) and referred to by these names from the
 * phrase tables. Each name says what it lets through.
 */
enum NamedGuard implements Trigger.Guard {
  AFTER_PLACE_PREPOSITION(
      "after-place-preposition",
      "a place preposition comes before the match: 'at the stoma', 'at the level of the fascia',"
          + " 'just proximal to the anastomosis'",
      Guards::afterPlacePreposition),
  AFTER_AT(
      "after-at",
      "'at' comes before the match ('approximately', 'about'... skipped): 'at 5 cm'",
      Guards::afterAt),
  REACHED_THE_STRICTURE(
      "reached-the-stricture",
      "'to' or 'reached' comes before the match ('the', 'approximately'... skipped) and a"
          + " stricture, narrowing or lumen is said after it in its sentence or in the next one:"
          + " 'advanced to the anastomosis at 30 cm. Smooth stricture, lumen 8 mm'",
      Guards::reachedTheStricture),
  REACHED_IT(
      "reached-it",
      "a reaching word comes before the match ('advanced to', 'reached', 'intubated'; 'the',"
          + " 'level of' skipped) and no 'proximal', 'distal', 'near', 'next'... in the five words"
          + " before: 'advanced to the cecum', not 'a stricture proximal to the cecum'",
      Guards::reachedIt),
  SCOPE_NOT_A_DEVICE(
      "scope-not-a-device",
      "no device (balloon, wire, catheter, dilator, stent...) in the four words before: 'the"
          + " balloon was passed' is not the scope passing the stricture",
      Guards::theScopeNotADevice),
  HAS_CONTENT_AFTER(
      "has-content-after",
      "a letter or digit follows the match in its sentence: 'Indication was' must say what",
      Guards::hasContentAfter),
  STOP_IS_A_STOP(
      "stop-is-a-stop",
      "'aborted', 'abandoned', 'discontinued' or 'cancelled', or a reason in the sentence"
          + " ('due to', 'because', 'early', 'for safety'...), or a place short of an end point"
          + " right after it ('terminated at the stricture', 'stopped at 18 cm'): 'stopped' alone is"
          + " the normal end",
      Guards::stopIsAStop),
  ABOUT_THE_PROCEDURE(
      "about-the-procedure",
      "none of the four words after is about the patient's function (passing stool, emptying,"
          + " the pouch, irrigation...): 'increased difficulty passing stool' is a symptom",
      Guards::isAboutTheProcedure),
  AFTER_FOR(
      "after-for",
      "'for' comes before the match ('the' skipped): 'for evaluation of a stricture'",
      Guards::afterFor),
  AFTER_BY_PER_OR_FROM(
      "after-by-per-or-from",
      "'by', 'per' or 'from' comes before the match ('the' skipped): 'by anesthesia'",
      Guards::afterByPerOrFrom),
  BEFORE_THE_PROCEDURE_IS_DESCRIBED(
      "before-the-procedure-is-described",
      "no denial before the match ('denies', 'no', 'without'...), and the sentence is in the"
          + " indication or history, or names no event of the procedure (inflation, balloon,"
          + " scope, after, tolerated...): a symptom that brought the patient, not one during the"
          + " dilation",
      Guards::beforeTheProcedureIsDescribed),
  ALONE_IN_ITS_SENTENCE(
      "alone-in-its-sentence",
      "no word before the match in its sentence (after a label) and none after it: a terse"
          + " note's 'Aborted.' on its own, not 'aborted polyp' or 'pregnancy aborted'",
      Guards::aloneInItsSentence);

  private final String label;
  private final String lets;
  private final Trigger.Guard check;

  NamedGuard(String label, String lets, Trigger.Guard check) {
    this.label = label;
    this.lets = lets;
    this.check = check;
  }

  /** The name phrase rows use. */
  String label() {
    return label;
  }

  /** What the guard lets through, in words. */
  String lets() {
    return lets;
  }

  @Override
  public boolean accept(String folded, Sentence sentence, int start, int end) {
    return check.accept(folded, sentence, start, end);
  }

  static Optional<NamedGuard> byLabel(String label) {
    return Arrays.stream(values()).filter(g -> g.label.equals(label)).findFirst();
  }
}
