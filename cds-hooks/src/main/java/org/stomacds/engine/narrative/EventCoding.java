package org.stomacds.engine.narrative;

import java.util.List;

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

  /**
   * The cues of rules 7 and 12 ({@code phrases/complications.yaml}, tags {@code COMP_SUPPORT},
   * {@code COMP_ESCALATION}, {@code COMP_LATE_ENTRY}, {@code COMP_CAME_BACK}), in note order.
   */
  private final List<Hit> cues;

  private int dischargedBy = -2;

  EventCoding(String f, List<Sentence> sentences, List<Hit> hits) {
    this.f = f;
    this.sentences = sentences;
    this.cues = hits.stream().filter(h -> h.tag().isCue()).toList();
  }

  /** Whether a cue of {@code tag} stands in sentences {@code from..to}. */
  private boolean cue(Tag tag, int from, int to) {
    for (Hit c : cues) {
      if (c.tag() == tag && c.sentence() >= from && c.sentence() <= to) {
        return true;
      }
    }
    return false;
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
    AnchoredPattern.Finder m = TREATED.finder(f).region(s.start(), s.end());
    while (m.find()) {
      // "no clips were needed", "without cautery", "clips not required": a treatment waived
      if (!WAIVED_BEFORE.matcher(f).region(Math.max(s.start(), m.start() - 24), m.start()).matches()
          && !WAIVED_AFTER.matcher(f).region(m.end(), s.end()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern WAIVED_BEFORE =
      Rx.compile("(?s).*\\b(?:no|without|nor|never|not)\\s+(?:[a-z-]+\\s+)?");

  private static final java.util.regex.Pattern WAIVED_AFTER =
      Rx.compile(
          "\\s*(?:(?:was|were)\\s+)?(?:not|never)\\s+(?:needed|required|necessary|used|placed)\\b");

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
    if (s.section() == Section.COMPLICATIONS || h.tag() != Tag.COMP_SEDATION_EVENT) {
      return false;
    }
    int next = Math.min(h.sentence() + 1, sentences.size() - 1);
    int end = sentences.get(next).end();
    if (!cue(Tag.COMP_SUPPORT, h.sentence(), next) || calledOne(h, s)) {
      return false;
    }
    for (Hit more : cues) {
      if (more.tag() == Tag.COMP_ESCALATION
          && more.sentence() >= h.sentence()
          && more.sentence() <= next
          && more.end() <= end
          && !waived(more)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The provider calls the event a complication ({@code COMP_CALLED}: "recorded as a
   * sedation-related complication") in its sentence or the three after it.
   */
  private boolean calledOne(Hit h, Sentence s) {
    for (Hit c : cues) {
      if (c.tag() == Tag.COMP_CALLED
          && c.polarity() == Polarity.AFFIRMED
          && c.start() >= s.start()
          && c.sentence() <= h.sentence() + 3) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a sedation event needed is waived ({@code COMP_WAIVED}): a negation in its clause within
   * 16 characters before it ("no airway or bag-mask"), or "not required" within two words after it
   * ("bag-mask ventilation was not needed").
   */
  private boolean waived(Hit more) {
    for (Hit w : cues) {
      if (w.tag() != Tag.COMP_WAIVED || w.sentence() != more.sentence()) {
        continue;
      }
      if (w.end() <= more.start()
          && w.start() >= more.start() - 16
          && !clauseEndsIn(w.end(), more.start())) {
        return true;
      }
      if (w.start() >= more.end()
          && !clauseEndsIn(more.end(), w.start())
          && words(more.end(), w.start()) <= 2) {
        return true;
      }
    }
    return false;
  }

  private boolean clauseEndsIn(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = f.charAt(i);
      if (c == ',' || c == ';' || c == '.') {
        return true;
      }
    }
    return false;
  }

  private int words(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += Character.isLetterOrDigit(f.charAt(i)) && (i == from || f.charAt(i - 1) == ' ') ? 1 : 0;
    }
    return n;
  }

  /**
   * A check-box item whose box is left empty ("[ ] Bleeding", "bleeding \u2610", "Perforation (
   * )"): an option the template offers, not an event the note reports. The box is the item's: the
   * one before it when the line's boxes open its items ("[x] None [ ] Bleeding"), else the one
   * after it ("None [x] Bleeding [ ]").
   */
  boolean uncheckedOption(Hit h) {
    return CheckBoxes.unticked(f, h.start(), h.end());
  }

  /** Whether the event is told in a late entry: at or after an addendum's first words. */
  boolean inLateEntry(Hit h) {
    for (Hit c : cues) {
      if (c.tag() == Tag.COMP_LATE_ENTRY && c.start() < h.start()) {
        return true;
      }
    }
    return false;
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
        late = late || cue(Tag.COMP_LATE_ENTRY, i, i);
        if (late && cue(Tag.COMP_CAME_BACK, i, i)) {
          dischargedBy = i;
          break;
        }
      }
    }
    return dischargedBy >= 0 && sentence >= dischargedBy;
  }

  private static final AnchoredPattern TEAR =
      AnchoredPattern.compile("\\b(?:tears?|splits?|lacerations?|fissures?)\\b");

  private static final AnchoredPattern TREATED =
      AnchoredPattern.compile(
          "\\b(?:clip(?:s|ped)?|hemoclips?|epinephrine|adrenaline|cauter[a-z]*|apc|argon"
              + "|coagulat[a-z]*|(?:applied|apply|applying|held|holding|direct|manual|digital|tamponade"
              + "\\s+with)\\s+pressure|pressure\\s+(?:was\\s+)?(?:applied|held)|pack(?:ed|ing)"
              + "|sutur[a-z]*|admitted\\s+(?:to|for|overnight)|admission|observ(?:ed|ation)\\s+"
              + "(?:overnight|extended)|extended\\s+observation|observed\\s+(?:for\\s+)?an?\\s+"
              + "(?:additional|extra|further)|kept\\s+(?:for\\s+)?(?:an?\\s+)?(?:additional|extra|further)"
              // "kept for an extra 2 hours of observation"
              + "|transfus[a-z]*|hemostatic|hemostasis\\s+(?:was\\s+)?"
              + "achieved|treated\\s+with|brisk|arterial|spurting)\\b");

  private static final AnchoredPattern LABELLED =
      AnchoredPattern.compile("\\b(?:complications?|adverse)\\b");

  private static final AnchoredPattern UNTREATED =
      AnchoredPattern.compile(
          "\\b(?:(?:stopped|settled|ceased|resolved)\\s+(?:on\\s+its\\s+own|by\\s+itself"
              + "|spontaneously|without\\s+(?:treatment|intervention|therapy))|spontaneously"
              + "|no\\s+(?:active\\s+)?(?:bleeding|bldg|ooze|oozing)|did\\s+not\\s+bleed|needed\\s+no"
              + "|no\\s+(?:treatment|intervention|therapy)|without\\s+(?:bleeding|treatment"
              + "|intervention)"
              // spoken: "which I didn't need to do anything about, it just stopped", "nothing was
              // needed", "it settled down on its own"
              + "|(?:didn't|did\\s+not|did\\s+n't)\\s+need\\s+(?:to\\s+do\\s+)?(?:anything|any\\s+(?:treatment"
              + "|intervention|therapy))|nothing\\s+(?:(?:was|further)\\s+)?(?:needed|required)"
              + "|(?:just|simply)\\s+stopped|stopped\\s+of\\s+its\\s+own\\s+accord"
              + "|settled\\s+down\\s+(?:on\\s+its\\s+own|by\\s+itself|spontaneously))\\b");
}
