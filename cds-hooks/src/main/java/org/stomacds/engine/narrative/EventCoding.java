package org.stomacds.engine.narrative;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the corpus brief's coding decisions judge an event the note tells of. Decision 4: a
 * superficial tear or split, or oozing or trace bleeding that stopped untreated, told in the
 * account of the procedure and not labelled a complication, is the intended effect of the dilation:
 * neither a complication nor a statement that there were none. Treated (clips, injection, pressure,
 * extended observation, admission), listed under a complications heading, or told with "no other
 * complications", it is the complication the note reports. Decision 7: an event after discharge,
 * told in a late entry (a return to the emergency department, a readmission), is a delayed
 * complication, documented with the encounter that treats it.
 */
final class EventCoding {

  private final String f;
  private final List<Sentence> sentences;
  private int dischargedBy = -2;

  EventCoding(String f, List<Sentence> sentences) {
    this.f = f;
    this.sentences = sentences;
  }

  /** An untreated, unlabelled tear or ooze in the account, in its clause {@code [from, to)}. */
  boolean expectedEffect(Hit h, int from, int to) {
    Sentence s = sentences.get(h.sentence());
    if (s.section() == Section.COMPLICATIONS) {
      return false;
    }
    String event = f.substring(h.start(), h.end());
    boolean bleeding = event.contains("ooz") || event.contains("bleed") || event.contains("blood");
    boolean tear =
        event.contains("tear")
            || event.contains("split")
            || event.contains("lacerat")
            || event.contains("fissur");
    if (!bleeding && !tear || treated(h) || LABELLED.finder(f).region(from, to).find()) {
      return false;
    }
    return ComplicationsReader.MINOR.finder(f).region(from, to).find()
        || UNTREATED.finder(f).region(from, to).find()
        || tear && ComplicationsReader.SUPERFICIAL.finder(f).region(from, to).find();
  }

  /** Bleeding said absent after a tear or split in its clause, in the account of the procedure. */
  boolean describesATear(Hit h, int from) {
    Sentence s = sentences.get(h.sentence());
    String event = f.substring(h.start(), h.end());
    return s.section() != Section.COMPLICATIONS
        && (event.contains("bleed") || event.contains("bldg") || event.contains("ooz"))
        && TEAR.finder(f).region(from, h.start()).find();
  }

  /** The event's sentence tells what it needed: then it is a complication whatever its size. */
  boolean treated(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return TREATED.finder(f).region(s.start(), s.end()).find();
  }

  /** The event is told at or after a sentence saying the patient came back after discharge. */
  boolean afterDischarge(Hit h) {
    return afterDischarge(h.sentence());
  }

  /**
   * Decision 12: a fall in saturation, heart rate or pressure answered by the support that giving
   * sedation includes (a chin lift or jaw thrust, more oxygen, pausing the sedation, stimulating
   * the patient), in its sentence or the next, with nothing more needed (no bag-mask ventilation,
   * airway device, reversal agent, bolus, nor a stop) and not labelled a complication: neither a
   * complication nor a statement that there were none.
   */
  boolean supportedSedationEvent(Hit h) {
    Sentence s = sentences.get(h.sentence());
    String event = f.substring(h.start(), h.end());
    if (s.section() == Section.COMPLICATIONS || !SEDATION_EVENT.finder(event).find()) {
      return false;
    }
    int end = h.sentence() + 1 < sentences.size() ? sentences.get(h.sentence() + 1).end() : s.end();
    if (!SUPPORT.finder(f).region(s.start(), end).find()
        || CALLED_ONE.finder(f).region(s.start(), told(h.sentence())).find()) {
      return false;
    }
    AnchoredPattern.Finder more = ESCALATION.finder(f).region(s.start(), end);
    while (more.find()) {
      if (!WAIVED_BEFORE
              .matcher(f)
              .region(Math.max(s.start(), more.start() - 16), more.start())
              .find()
          && !WAIVED_AFTER
              .matcher(f)
              .region(more.end(), Math.min(end, more.end() + 24))
              .lookingAt()) {
        return false;
      }
    }
    return true;
  }

  /** Whether sentence {@code i} is at or after one saying the patient came back after discharge. */
  boolean afterDischarge(int sentence) {
    if (dischargedBy == -2) {
      dischargedBy = -1;
      boolean late = false;
      for (int i = 0; i < sentences.size(); i++) {
        Sentence s = sentences.get(i);
        if (s.section() == Section.INDICATION || s.section() == Section.HISTORY) {
          // "presented to the ED with obstruction": why the patient came
          continue;
        }
        late = late || LATE.finder(f).region(s.start(), s.end()).find();
        if (late && CAME_BACK.finder(f).region(s.start(), s.end()).find()) {
          dischargedBy = i;
          break;
        }
      }
    }
    return dischargedBy >= 0 && sentence >= dischargedBy;
  }

  /** Where the provider's word on an event ends: up to three sentences after it. */
  private int told(int sentence) {
    return sentences.get(Math.min(sentences.size() - 1, sentence + 3)).end();
  }

  /** The provider calls the event a complication: "recorded as a sedation-related complication". */
  private static final AnchoredPattern CALLED_ONE =
      AnchoredPattern.compile(
          "\\b(?:(?:a|an|as|the|this)\\s+(?:[a-z-]+\\s+){0,2}?(?:complication|adverse\\s+event)"
              + "|complicated\\s+by)\\b");

  private static final AnchoredPattern SEDATION_EVENT =
      AnchoredPattern.compile(
          "hypox|desat|sat|spo2|sp02|o2|oxygen|brady|hypotens|heart|hr|pulse|bp|pressure");

  /** The support giving sedation includes. */
  private static final AnchoredPattern SUPPORT =
      AnchoredPattern.compile(
          "\\b(?:chin[\\s-]+lift|jaw[\\s-]+thrust|head\\s+tilt|(?:increas|turn)[a-z]*\\s+(?:up\\s+)?(?:the\\s+)?"
              + "(?:supplemental\\s+|nasal\\s+)?(?:o2|oxygen|nasal\\s+cannula|flow)|(?:more|supplemental"
              + "|additional|extra)\\s+(?:o2|oxygen)|\\d+\\s*(?:l|lpm|liters?|litres?)\\b|sedation\\s+"
              + "(?:was\\s+)?(?:paused|held|stopped|reduced|withheld)|paus[a-z]*\\s+(?:the\\s+)?sedation"
              + "|stimulat[a-z]*|verbal\\s+stimul[a-z]*|deep\\s+breath[a-z]*)");

  /** What a sedation event needed beyond that support: then it is a complication. */
  private static final AnchoredPattern ESCALATION =
      AnchoredPattern.compile(
          "\\b(?:bag[\\s-]*(?:and[\\s-]*)?(?:valve[\\s-]*)?mask|bvm|ambu|positive[\\s-]+pressure|ppv|cpap|intubat[a-z]*"
              + "|(?:oral|nasal|naso-?pharyngeal|oro-?pharyngeal)\\s+airway|lma|naloxone|narcan|flumazenil"
              + "|revers[a-z]*|atropine|glycopyrrolate|ephedrine|phenylephrine|bolus|vasopressor[a-z]*"
              + "|despite|(?:procedure|exam|case)\\s+(?:was\\s+)?(?:stopped|aborted|terminated|abandoned)"
              + "|we\\s+stopped|withdr[ae]w[a-z]*|admi(?:t|tted|ssion)|code|rapid\\s+response)\\b");

  private static final Pattern WAIVED_BEFORE =
      Rx.compile("\\b(?:no|without|not|nor|never)\\b[^,;.]*$");

  private static final Pattern WAIVED_AFTER =
      Rx.compile("\\s*(?:was\\s+|were\\s+)?not\\s+(?:required|needed|necessary)\\b");

  private static final AnchoredPattern CAME_BACK =
      AnchoredPattern.compile(
          "\\b(?:returned|came\\s+back|re-?presented|presented)\\s+to\\s+(?:the\\s+|our\\s+)?(?:ed|er"
              + "|emergency|a&e|hospital)\\b|\\b(?:was\\s+)?re-?admitted\\b|\\breadmission\\b"
              + "|\\b(?:after|following|since)\\s+(?:her\\s+|his\\s+|their\\s+)?discharge\\b"
              + "|\\bback\\s+(?:through|to|in|via|at)\\s+(?:the\\s+|our\\s+)?(?:ed|er|emergency|a&e|hospital)\\b"
              + "|\\bpost-?discharge\\b|\\bat\\s+home\\s+(?:that|the\\s+same|on)\\b");

  /** A late entry: an addendum written after the note. */
  private static final AnchoredPattern LATE =
      AnchoredPattern.compile(
          "\\b(?:addendum|late\\s+entry|session\\s*(?:2|two|ii)|(?:second|separate|later)\\s+session"
              + "|discharged\\s+(?:from\\s+(?:the\\s+)?(?:recovery|pacu|unit|endoscopy)|home))\\b");

  private static final AnchoredPattern TEAR =
      AnchoredPattern.compile("\\b(?:tears?|splits?|lacerations?|fissures?)\\b");

  private static final AnchoredPattern TREATED =
      AnchoredPattern.compile(
          "\\b(?:clip(?:s|ped)?|hemoclips?|epinephrine|adrenaline|cauter[a-z]*|apc|argon"
              + "|coagulat[a-z]*|(?:applied|apply|applying|held|holding|direct|manual|digital|tamponade"
              + "\\s+with)\\s+pressure|pressure\\s+(?:was\\s+)?(?:applied|held)|pack(?:ed|ing)"
              + "|sutur[a-z]*|admitted\\s+(?:to|for|overnight)|admission|observ(?:ed|ation)\\s+"
              + "(?:overnight|extended)|extended\\s+observation|observed\\s+(?:for\\s+)?an?\\s+"
              + "(?:additional|extra|further)|transfus[a-z]*|hemostatic|hemostasis\\s+(?:was\\s+)?"
              + "achieved|treated\\s+with|brisk|arterial|spurting)\\b");

  private static final AnchoredPattern LABELLED =
      AnchoredPattern.compile("\\b(?:complications?|adverse)\\b");

  private static final AnchoredPattern UNTREATED =
      AnchoredPattern.compile(
          "\\b(?:(?:stopped|settled|ceased|resolved)\\s+(?:on\\s+its\\s+own|by\\s+itself"
              + "|spontaneously|without\\s+(?:treatment|intervention|therapy))|spontaneously"
              + "|no\\s+(?:active\\s+)?(?:bleeding|bldg|ooze|oozing)|did\\s+not\\s+bleed|needed\\s+no"
              + "|no\\s+(?:treatment|intervention|therapy)|without\\s+(?:bleeding|treatment"
              + "|intervention))\\b");
}
