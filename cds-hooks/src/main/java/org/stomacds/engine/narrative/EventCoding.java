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
    if (!bleeding && !tear || treated(h) || LABELLED.matcher(f).region(from, to).find()) {
      return false;
    }
    return ComplicationsReader.MINOR.matcher(f).region(from, to).find()
        || UNTREATED.matcher(f).region(from, to).find()
        || tear && ComplicationsReader.SUPERFICIAL.matcher(f).region(from, to).find();
  }

  /** Bleeding said absent after a tear or split in its clause, in the account of the procedure. */
  boolean describesATear(Hit h, int from) {
    Sentence s = sentences.get(h.sentence());
    String event = f.substring(h.start(), h.end());
    return s.section() != Section.COMPLICATIONS
        && (event.contains("bleed") || event.contains("bldg") || event.contains("ooz"))
        && TEAR.matcher(f).region(from, h.start()).find();
  }

  /** The event's sentence tells what it needed: then it is a complication whatever its size. */
  boolean treated(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return TREATED.matcher(f).region(s.start(), s.end()).find();
  }

  /** The event is told at or after a sentence saying the patient came back after discharge. */
  boolean afterDischarge(Hit h) {
    if (dischargedBy == -2) {
      dischargedBy = -1;
      boolean late = false;
      for (int i = 0; i < sentences.size(); i++) {
        Sentence s = sentences.get(i);
        if (s.section() == Section.INDICATION || s.section() == Section.HISTORY) {
          // "presented to the ED with obstruction": why the patient came
          continue;
        }
        late = late || LATE.matcher(f).region(s.start(), s.end()).find();
        if (late && CAME_BACK.matcher(f).region(s.start(), s.end()).find()) {
          dischargedBy = i;
          break;
        }
      }
    }
    return dischargedBy >= 0 && h.sentence() >= dischargedBy;
  }

  private static final Pattern CAME_BACK =
      Rx.compile(
          "\\b(?:returned|came\\s+back|re-?presented|presented)\\s+to\\s+(?:the\\s+|our\\s+)?(?:ed|er"
              + "|emergency|a&e|hospital)\\b|\\b(?:was\\s+)?re-?admitted\\b|\\breadmission\\b"
              + "|\\b(?:after|following|since)\\s+(?:her\\s+|his\\s+|their\\s+)?discharge\\b"
              + "|\\bpost-?discharge\\b|\\bat\\s+home\\s+(?:that|the\\s+same|on)\\b");

  /** A late entry: an addendum written after the note. */
  private static final Pattern LATE = Rx.compile("\\b(?:addendum|late\\s+entry)\\b");

  private static final Pattern TEAR = Rx.compile("\\b(?:tears?|splits?|lacerations?|fissures?)\\b");

  private static final Pattern TREATED =
      Rx.compile(
          "\\b(?:clip(?:s|ped)?|hemoclips?|epinephrine|adrenaline|cauter[a-z]*|apc|argon"
              + "|coagulat[a-z]*|(?:applied|apply|applying|held|holding|direct|manual|digital|tamponade"
              + "\\s+with)\\s+pressure|pressure\\s+(?:was\\s+)?(?:applied|held)|pack(?:ed|ing)"
              + "|sutur[a-z]*|admitted\\s+(?:to|for|overnight)|admission|observ(?:ed|ation)\\s+"
              + "(?:overnight|extended)|extended\\s+observation|observed\\s+(?:for\\s+)?an?\\s+"
              + "(?:additional|extra|further)|transfus[a-z]*|hemostatic|hemostasis\\s+(?:was\\s+)?"
              + "achieved|treated\\s+with|brisk|arterial|spurting)\\b");

  private static final Pattern LABELLED = Rx.compile("\\b(?:complications?|adverse)\\b");

  private static final Pattern UNTREATED =
      Rx.compile(
          "\\b(?:(?:stopped|settled|ceased|resolved)\\s+(?:on\\s+its\\s+own|by\\s+itself"
              + "|spontaneously|without\\s+(?:treatment|intervention|therapy))|spontaneously"
              + "|no\\s+(?:active\\s+)?(?:bleeding|bldg|ooze|oozing)|did\\s+not\\s+bleed|needed\\s+no"
              + "|no\\s+(?:treatment|intervention|therapy)|without\\s+(?:bleeding|treatment"
              + "|intervention))\\b");
}
