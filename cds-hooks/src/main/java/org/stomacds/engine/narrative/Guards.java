package org.stomacds.engine.narrative;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks on a match that a pattern cannot express cheaply: the words before it, the rest of its
 * sentence. Each has the shape of {@link Trigger.Guard}.
 */
final class Guards {

  private static final AnchoredPattern STOP_REASON =
      AnchoredPattern.compile(
          "\\b(?:due\\s+to|because|secondary\\s+to|owing\\s+to|early|prematurely|given|prior\\s+to"
              + "|before|after|at\\s+(?:this|that)\\s+point|as\\s+a\\s+result|for\\s+safety"
              + "|elected|decided|decision|chose|opted|had\\s+to|however"
              // an event or a failure told beside it: "became hypoxic and the procedure was
              // stopped"
              + "|hypox[a-z]*|desaturat[a-z]*|agitat[a-z]*|combative|intoleran[a-z]*|discomfort"
              + "|perforat[a-z]*|unstable|could\\s+not|couldn't|unable|would\\s+not|wouldn't"
              + "|impassable)\\b");

  private static final Set<String> THE = Set.of("the");

  private static final Set<String> APPROXIMATELY =
      Set.of(Features.INSTANCE.wordsWith(Feature.ESTIMATE, "~", "."));
  private static final Set<String> REACH_WORDS =
      Set.of(
          "reach",
          "reached",
          "reaching",
          "advance",
          "advanced",
          "advancing",
          "intubate",
          "intubated",
          "intubating",
          "pass",
          "passed",
          "passes",
          "reaches",
          "advances",
          "went",
          "to",
          "into",
          "until",
          "as",
          "examined");
  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of(
          "at",
          "in",
          "of",
          "near",
          "involving",
          "within",
          "across",
          "inside",
          "beneath",
          "below",
          "proximal",
          "distal",
          "above",
          "beyond");

  /**
   * The word before {@code at} in the sentence, skipping the words in {@code skip}; null when there
   * is none or it is punctuation.
   */
  static String previousWord(String f, Sentence s, int at, Set<String> skip) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    for (int i = 0; i < 6 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == '~') {
          continue;
        }
        if (c.punct() != '@') {
          return null;
        }
        // terse notes write "@" for "at": "stricture @ 18cm"
        w = "at";
      }
      if (!skip.contains(w)) {
        return w;
      }
    }
    return null;
  }

  /** "at the stoma", "at the level of the fascia", "just proximal to the anastomosis". */
  static boolean afterPlacePreposition(String f, Sentence s, int a, int b) {
    TokenCursor c = new TokenCursor(f, s.start(), a, a);
    for (int i = 0; i < 6 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        // terse notes write "@" for "at": "stenosis @ skin/fascia"
        return c.punct() == '@';
      }
      switch (w) {
        case "the" -> {
          continue;
        }
        case "of" -> {
          if (!"level".equals(peekBack(c))) {
            return true;
          }
          c.prev();
        }
        case "to" -> {
          String before = peekBack(c);
          return "proximal".equals(before) || "distal".equals(before);
        }
        default -> {
          return PLACE_PREPOSITIONS.contains(w);
        }
      }
    }
    return false;
  }

  private static String peekBack(TokenCursor c) {
    TokenCursor copy = c.copy();
    return copy.prev() ? copy.word() : null;
  }

  /** "advanced to the cecum", "reached the ileocolic anastomosis"; not "proximal to the cecum". */
  static boolean reachedIt(String f, Sentence s, int a, int b) {
    String w = previousWord(f, s, a, Set.of("the", "level", "of", "far", "up"));
    return w != null && REACH_WORDS.contains(w) && notBesideIt(f, s, a, b);
  }

  /**
   * "advanced to the cecum", not "a stricture proximal to the cecum" or "near the cecum"; "through
   * the proximal limb to the cecum", "into the proximal colon up to the cecum" name a part on the
   * way, not a place beside it.
   */
  static boolean notBesideIt(String f, Sentence s, int a, int b) {
    TokenCursor c = new TokenCursor(f, s.start(), a, a);
    String after = null;
    for (int i = 0; i < 5 && c.prev(); i++) {
      String w = c.word();
      if (w != null
          && (w.equals("near")
              || (w.equals("distal")
                      || w.equals("proximal")
                      || w.equals("close")
                      || w.equals("adjacent")
                      || w.equals("next"))
                  && (after == null || after.equals("to") || after.equals("of")))) {
        return false;
      }
      if (w != null) {
        after = w;
      }
    }
    return true;
  }

  private static final Set<String> ON_THE_WAY =
      Set.of(Features.INSTANCE.wordsWith(Feature.ESTIMATE, "the", "level", "of", "."));

  /**
   * The scope reached the place ("advanced to the anastomosis", "to approx 15 cm") and a stricture
   * is said there: after the match in its sentence ("..., which was narrowed") or in the sentence
   * that follows ("... at 30 cm. Smooth stricture, lumen 8 mm").
   */
  static boolean reachedTheStricture(String f, Sentence s, int a, int b) {
    String w = previousWord(f, s, a, ON_THE_WAY);
    if (w == null || !(w.equals("to") || w.equals("reached") || w.equals("reaching"))) {
      return false;
    }
    int next = Math.min(f.length(), s.end() + 1);
    while (next < f.length() && next < s.end() + 4 && !Character.isLetter(f.charAt(next))) {
      next++;
    }
    int stop = next;
    while (stop < f.length()
        && stop < next + 160
        && f.charAt(stop) != '.'
        && f.charAt(stop) != '\n'
        && f.charAt(stop) != ';') {
      stop++;
    }
    return STRICTURE_THERE.finder(f).region(b, s.end()).find()
        || (next > s.end() && STRICTURE_THERE.finder(f).region(next, stop).find());
  }

  private static final AnchoredPattern STRICTURE_THERE =
      AnchoredPattern.compile(
          "\\b(?:strictur|stenos|stenotic|narrow|tight|pin-?hole|pin-?point|fibrotic|web\\b"
              + "|ring\\b|lumen)");

  /** Whether the word before {@code at} (in the sentence) is one of {@code words}. */
  static boolean precededBy(String f, Sentence s, int at, String... words) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    if (!c.prev() || c.word() == null) {
      return false;
    }
    for (String w : words) {
      if (w.equals(c.word())) {
        return true;
      }
    }
    return false;
  }

  /** "Indication was" must be followed by something. */
  static boolean hasContentAfter(String f, Sentence s, int a, int b) {
    for (int i = b; i < s.end(); i++) {
      if (Character.isLetterOrDigit(f.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Terminated", "stopped" and "halted" also describe the normal end; ask for a reason, or a place
   * short of any end point: "terminated at the stricture", "stopped at 18 cm".
   */
  static boolean stopIsAStop(String f, Sentence s, int a, int b) {
    String m = f.substring(a, b);
    if (m.contains("abort")
        || m.contains("abandon")
        || m.contains("discontinu")
        || m.contains("cancel")) {
      return true;
    }
    return STOP_REASON.finder(f).region(s.start(), s.end()).find()
        || STOPPED_SHORT.matcher(f).region(b, s.end()).lookingAt()
        || EVENT.finder(f).region(sentenceBefore(f, s.start()), s.start()).find();
  }

  /** Where the sentence before the one starting at {@code at} starts (its line's, at most). */
  private static int sentenceBefore(String f, int at) {
    int from = Math.max(0, at - 200);
    int end = at - 1;
    while (end >= from && (Character.isWhitespace(f.charAt(end)) || f.charAt(end) == '.')) {
      end--;
    }
    for (int i = end; i >= from; i--) {
      char c = f.charAt(i);
      if (c == '.' || c == '\n' && i > 0 && f.charAt(i - 1) == '\n') {
        return i + 1;
      }
    }
    return from;
  }

  /**
   * An event or a failure told in the sentence before a bare stop: "he developed laryngospasm
   * needing intubation. The procedure was stopped.", "wire would not pass. proc terminated."
   */
  private static final AnchoredPattern EVENT =
      AnchoredPattern.compile(
          "\\b(?:hypox[a-z]*|desaturat[a-z]*|laryngospasm|apno?ea|bradycard[a-z]*|hypotens[a-z]*"
              + "|agitat[a-z]*|combative|intoleran[a-z]*|perforat[a-z]*|arrest|unstable|bleeding"
              + "|haemorrhage|hemorrhage|would\\s+not|wouldn't|could\\s+not|couldn't|unable|failed"
              + "|no\\s+dilat[a-z]*)\\b");

  private static final Pattern STOPPED_SHORT =
      Rx.compile(
          "\\s*(?:at|@)\\s*(?:the\\s+)?(?:level\\s+of\\s+(?:the\\s+)?)?(?:stricture|stenosis|narrowing"
              + "|lesion|stoma|fascia|(?:~\\s*)?\\d{1,3}\\s*cm)\\b");

  /** "Aborted." as a sentence of its own (or a label's whole content). */
  static boolean aloneInItsSentence(String f, Sentence s, int a, int b) {
    for (int i = Math.max(s.start(), s.contentStart()); i < a; i++) {
      if (Character.isLetterOrDigit(f.charAt(i))) {
        return false;
      }
    }
    return !hasContentAfter(f, s, a, b);
  }

  /** "Increased difficulty passing stool" is a symptom, not extra work. */
  static boolean isAboutTheProcedure(String f, Sentence s, int a, int b) {
    TokenCursor c = new TokenCursor(f, b, s.end(), b);
    for (int i = 0; i < 4 && c.next(); i++) {
      String w = c.word();
      if (w == null) {
        continue;
      }
      if (w.startsWith("pass")
          || w.startsWith("stool")
          || w.startsWith("evacuat")
          || w.startsWith("empty")
          || w.startsWith("emptying")
          || w.startsWith("appliance")
          || w.startsWith("pouch")
          || w.startsWith("breath")
          || w.startsWith("swallow")
          || w.startsWith("output")
          || w.startsWith("irrigat")) {
        return false;
      }
    }
    return true;
  }

  /** "At 5 cm", "at approximately 20 cm": a distance that places the stricture. */
  static boolean afterAt(String f, Sentence s, int a, int b) {
    return "at".equals(previousWord(f, s, a, APPROXIMATELY));
  }

  /** "For evaluation of a stricture", "for dilation of the stenosis": the reason. */
  static boolean afterFor(String f, Sentence s, int a, int b) {
    return "for".equals(previousWord(f, s, a, THE));
  }

  /** "By anesthesia", "per the anesthesiologist", "from CRNA": anesthesia staff gave it. */
  static boolean afterByPerOrFrom(String f, Sentence s, int a, int b) {
    String w = previousWord(f, s, a, THE);
    return "by".equals(w) || "per".equals(w) || "from".equals(w);
  }

  /**
   * A symptom is the reason for the exam where the note introduces the patient, not where it
   * describes the procedure ("mild cramping during inflation"), and not when denied ("denies pain
   * or distension": a review of systems).
   */
  static boolean beforeTheProcedureIsDescribed(String f, Sentence s, int a, int b) {
    if (DENIAL.finder(f).region(s.start(), a).find()) {
      return false;
    }
    return s.section() == Section.INDICATION
        || s.section() == Section.HISTORY
        || !PROCEDURE_EVENT.finder(f).region(s.start(), s.end()).find();
  }

  private static final AnchoredPattern DENIAL =
      AnchoredPattern.compile(
          "\\b(?:no|denies|denied|deny|without|not|negative\\s+for|resolved)\\b");

  private static final AnchoredPattern PROCEDURE_EVENT =
      AnchoredPattern.compile(
          "\\b(?:during|inflat[a-z]*|balloon|dilat[a-z]*|scope|colonoscope|gastroscope|withdraw[a-z]*"
              + "|insufflat[a-z]*|after|post|recovery|tolerated|complicat[a-z]*)\\b");

  private static final Set<String> DEVICES =
      Set.of("balloon", "wire", "guidewire", "catheter", "dilator", "stent", "clip", "probe");

  /** "The balloon was passed through the scope" is not the scope passing the stricture. */
  static boolean theScopeNotADevice(String f, Sentence s, int a, int b) {
    TokenCursor c = new TokenCursor(f, s.start(), a, a);
    for (int i = 0; i < 4 && c.prev(); i++) {
      if (!c.isWord()) {
        return true;
      }
      if (DEVICES.contains(c.word())) {
        return false;
      }
    }
    return true;
  }

  private Guards() {}
}
