package org.stomacds.engine.narrative;

import java.util.Set;

/**
 * A size that belongs to a scope or other device the stricture let through: "admitted the 9.8 mm
 * gastroscope", "admits 5 mm probe", "the 9.8 mm gastroscope passed through the anastomosis". The
 * device's size is then what the lumen measured. A device the stricture would not let through
 * ("would not admit the 9.8 mm gastroscope") or a device going on with the exam ("the 11 mm scope
 * passed to the cecum", "the 5.9 mm gastroscope was passed through the stoma") says nothing of the
 * lumen's size.
 */
final class PassedDevice {

  /** Verbs before the size whose object is the device let through. */
  private static final Set<String> LET_THROUGH =
      Set.of(
          "admit",
          "admits",
          "admitted",
          "admitting",
          "accept",
          "accepts",
          "accepted",
          "accepting",
          "allow",
          "allows",
          "allowed",
          "allowing",
          "take",
          "takes",
          "took",
          "taking",
          "pass",
          "passes",
          "passed",
          "passing",
          "fit",
          "fits");

  /** Verbs after the device saying it went through. */
  private static final Set<String> WENT_THROUGH =
      Set.of("passed", "passes", "traversed", "traverses", "crossed", "crosses", "negotiated");

  /** Words between the verb and the size ("admitted only the 9.8 mm gastroscope"). */
  private static final Set<String> FILLERS =
      Set.of("a", "an", "the", "only", "just", "easily", "readily", "freely", "now", "then", "our");

  private static final Set<String> NEGATIONS =
      Set.of(
          "not",
          "no",
          "never",
          "unable",
          "cannot",
          "can't",
          "couldn't",
          "wouldn't",
          "didn't",
          "won't",
          "wont",
          "failed",
          "nor",
          "without");

  /** Words after "passed" that send the device on with the exam, not through the stricture. */
  private static final Set<String> ONWARD = Set.of("to", "into", "up", "proximally", "further");

  private PassedDevice() {}

  /**
   * Whether the device named at {@code at} is what the lumen is measured against: "the width of the
   * gastroscope, about 10 mm", "roughly the size of an open biopsy forceps, so maybe 7 mm".
   */
  static boolean widthOf(String f, Sentence s, int at) {
    return WIDTH_OF.finder(f).region(Math.max(s.start(), at - 60), at).find();
  }

  private static final AnchoredPattern WIDTH_OF =
      AnchoredPattern.compile(
          "\\b(?:width|size|caliber|calibre|diameter)\\s+of\\s+(?:the\\s+|an?\\s+|my\\s+)?"
              + "(?:[a-z-]+\\s+){0,2}$");

  /** Whether a verb of admitting ends right before the size at {@code numStart}, after a comma. */
  static boolean admittedBefore(String f, Sentence s, int numStart) {
    return ADMITTED_BEFORE.finder(f).region(s.start(), numStart).find();
  }

  /** The estimate words of features.yaml: "approx.", "about", "roughly". */
  private static final String ESTIMATE = Features.INSTANCE.group(Feature.ESTIMATE);

  /** An estimate or a doubt before a lumen's figure. */
  private static final String HEDGE = ESTIMATE + "|maybe|perhaps|probably|~|est\\.?|estimated";

  /**
   * "the stoma admitted the gastroscope, approx 11 mm", "wouldn't take the adult scope (~9-10 mm
   * est.)": the opening's size comes after it, past a comma, a bracket or a spaced dash.
   */
  private static final AnchoredPattern ADMITTED_BEFORE =
      AnchoredPattern.compile(
          "\\b(?:admit(?:s|ted)?|accept(?:s|ed)?|allow(?:s|ed)|took|takes?|pass(?:es|ed)?\\s+(?:easily"
              + "|freely|readily|with\\s+ease|without\\s+(?:difficulty|resistance))"
              // "would not pass (~8 mm)", "pinpoint, ~2 mm", "smaller than the closed forceps cup,
              // i.e. about 2-3 mm": the refusal, the pinhole or the comparison, then its size
              + "|(?:not|n't)\\s+(?:pass|go\\s+through|traverse|let)|pin-?\\s?(?:point|hole)"
              + "|(?:smaller|narrower|tighter)\\s+than)\\b[^.;:(]{0,60}(?:(?:,|\\s-\\s)\\s*"
              // "it admitted the gastroscope tip but not the colonoscope, so around 9 mm"
              + "(?:so|i\\.?e\\.?|meaning|which\\s+is|that\\s+is)?\\s*"
              // "admitted the tip of the pediatric colonoscope only, roughly 8 mm"
              + "(?:"
              + HEDGE
              + ")?"
              // in brackets only as an estimate: "(~13 mm)", not the device's own "(11.3 mm)"
              + "|\\(\\s*(?:"
              + HEDGE
              + "))\\s*$");

  /**
   * Whether the size at {@code [numStart, unitEnd)}, followed by a device's name, is the size of a
   * device the stricture let through.
   */
  static boolean letThrough(String f, Sentence s, int numStart, int unitEnd) {
    TokenCursor device = new TokenCursor(f, unitEnd, s.end(), unitEnd);
    // the device's name, or one word naming its kind first ("a 5 mm biopsy probe")
    for (int i = 0; i < 2 && device.next() && device.isWord() && !device.isNumber(); i++) {
      if (SizeCues.SCOPES.contains(device.word())
          || SizeClassifier.MECHANICAL.contains(device.word())) {
        // "admits a 6 mm Hegar only": a calibrating dilator let through sizes the opening too
        return verbBefore(f, s, numStart) || wentThroughAfter(device);
      }
    }
    return false;
  }

  /**
   * Whether the bare number at {@code [numStart, numEnd)} is a Hegar dilator's ("a size 6 Hegar",
   * "Hegar 9", "Hegar no. 8"): Hegar dilators are numbered by their diameter in millimetres.
   */
  static boolean hegarNumber(String f, Sentence s, int numStart, int numEnd) {
    return HEGAR_AFTER.matcher(f).region(numEnd, s.end()).lookingAt()
        || HEGAR_BEFORE.finder(f).region(Math.max(s.start(), numStart - 40), numStart).find();
  }

  private static final java.util.regex.Pattern HEGAR_AFTER = Rx.compile("\\s*hegars?\\b");

  private static final AnchoredPattern HEGAR_BEFORE =
      AnchoredPattern.compile(
          "\\bhegars?\\s+(?:dilators?\\s+)?(?:size\\s+|no\\.?\\s*|number\\s+|#\\s*)?$");

  /**
   * Whether the stricture let the Hegar dilator numbered at {@code [numStart, numEnd)} through:
   * "admits a size 6 Hegar only", "calibrated to Hegar 6", "a size 9 Hegar passed easily". One it
   * would not let through bounds the opening without sizing it (coding decision 13).
   */
  static boolean hegarLetThrough(String f, Sentence s, int numStart, int numEnd) {
    AnchoredPattern.Finder verb =
        HEGAR_TAKEN.finder(f).region(Math.max(s.start(), numStart - 60), numStart);
    if (verb.find()) {
      return !NEGATED_VERB
          .finder(f)
          .region(Math.max(s.start(), verb.start() - 30), verb.start())
          .find();
    }
    java.util.regex.Matcher went = HEGAR_WENT.matcher(f).region(numEnd, s.end());
    return went.lookingAt();
  }

  private static final AnchoredPattern HEGAR_TAKEN =
      AnchoredPattern.compile(
          "\\b(?:admit(?:s|ted)?|accept(?:s|ed)?|allow(?:s|ed)|took|takes|pass(?:es|ed)?|fits?"
              + "|calibrated\\s+(?:to|at|with)|calibrates\\s+(?:to|at))\\s+(?:(?:a|an|the|only|just|easily|size"
              + "|no\\.?|number|#|hegars?|dilators?)\\s*){0,4}$");

  private static final AnchoredPattern NEGATED_VERB =
      AnchoredPattern.compile(
          "\\b(?:not|never|unable\\s+to|cannot|failed\\s+to)\\s+(?:[a-z]+\\s+)?$|n't\\s+(?:[a-z]+\\s+)?$");

  private static final java.util.regex.Pattern HEGAR_WENT =
      Rx.compile(
          "\\s*(?:hegars?\\s*)?(?:dilators?\\s+)?(?:then\\s+|now\\s+|easily\\s+|freely\\s+)?(?:was\\s+|could\\s+be\\s+)?"
              + "(?:passed|passes|went\\s+through|admitted|accepted)\\b(?!\\s+(?:to|into|up)\\b)");

  private static boolean verbBefore(String f, Sentence s, int numStart) {
    TokenCursor c = new TokenCursor(f, s.start(), numStart, numStart);
    for (int i = 0; i < 4 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        return false;
      }
      if (FILLERS.contains(w)) {
        continue;
      }
      return LET_THROUGH.contains(w) && !negatedBefore(c);
    }
    return false;
  }

  /** A negation within three words before the verb: "would not admit", "unable to pass". */
  private static boolean negatedBefore(TokenCursor verb) {
    TokenCursor c = verb.copy();
    for (int i = 0; i < 3 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        return false;
      }
      if (NEGATIONS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean wentThroughAfter(TokenCursor device) {
    TokenCursor c = device.copy();
    for (int i = 0; i < 3 && c.next(); i++) {
      String w = c.word();
      if (w == null) {
        return false;
      }
      if (WENT_THROUGH.contains(w)) {
        return !c.next() || c.word() == null || !ONWARD.contains(c.word());
      }
      if (NEGATIONS.contains(w)) {
        return false;
      }
      if (!w.equals("then")
          && !w.equals("now")
          && !w.equals("easily")
          && !w.equals("freely")
          && !w.equals("readily")) {
        // "the 5.9 mm gastroscope was passed through the stoma": the route taken, not a lumen
        return false;
      }
    }
    return false;
  }
}
