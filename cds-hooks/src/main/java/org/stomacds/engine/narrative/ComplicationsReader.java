package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Complications from their hits: an adverse event documents the element and, when affirmed, says
 * one occurred; "no complications", "uncomplicated" and the like document it with none ("EBL
 * minimal" alone does not: blood loss is a field of its own). Two kinds of affirmed event are not
 * this procedure's complications:
 *
 * <ul>
 *   <li>an event of another time or a diagnosis: "Hartmann's procedure in 2022 for perforated
 *       diverticulitis", "resection 4 months ago complicated by leak";
 *   <li>bleeding the note itself dismisses: called expected ("mild expected oozing"), or minor or
 *       self-limited, or a superficial tear, in a note that says there were no complications
 *       ("minimal oozing, stopped spontaneously. Complications: none"). Minor bleeding the note
 *       records without dismissing it ("trace oozing that stopped on its own", "some minor
 *       bleeding, treated with epinephrine; no other complications") is the complication it
 *       reports; likewise a passing event of the sedation beside "no complications" ("None. Brief
 *       desaturation to 90%, corrected with chin lift").
 * </ul>
 *
 * Both still document the element (the note speaks of it), without saying a complication occurred.
 */
final class ComplicationsReader {

  private final String f;
  private final List<Sentence> sentences;
  private final List<Hit> hits;
  private final Mentions mentions;
  private final NoteReading.Builder out;
  private final EventCoding coding;

  ComplicationsReader(IndexedNote note, List<Hit> hits, Mentions mentions) {
    this.coding = new EventCoding(note.f, note.sentences, hits);
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.mentions = mentions;
    this.out = mentions.out;
  }

  /** Whether the note says outright that there were no complications. */
  private boolean saysNone;

  /**
   * Whether it says there were no <em>other</em> complications: the event it told of was one ("some
   * minor bleeding, treated with epinephrine; no other complications").
   */
  private boolean saysNoOther;

  void read() {
    for (Hit h : hits) {
      if (h.element() != COMPLICATIONS) {
        continue;
      }
      if (h.tag() == Tag.COMP_GENERIC
          && h.polarity() == Polarity.ABSENT
          && Guards.precededBy(
              f, sentences.get(h.sentence()), h.start(), "other", "further", "additional")) {
        saysNoOther = true;
      } else if (h.tag() == Tag.COMP_GENERIC && h.polarity() == Polarity.ABSENT
          || h.tag() == Tag.COMP_NONE && h.polarity() == Polarity.AFFIRMED) {
        saysNone = true;
        deniesOneOnly &= h.tag() == Tag.COMP_GENERIC && deniesOneEvent(h);
      }
    }
    for (Hit h : hits) {
      if (h.element() != COMPLICATIONS) {
        continue;
      }
      Polarity p = h.polarity();
      if (p == Polarity.HYPOTHETICAL || h.tag().isCue()) {
        // the cues of coding decisions 7 and 12 are read with the events, by EventCoding
        continue;
      }
      if (p == Polarity.UNRECORDED) {
        mentions.mention(h, true);
        continue;
      }
      switch (h.tag()) {
        case COMP_EVENT, COMP_SEDATION_EVENT -> event(h, p);
        case COMP_GENERIC -> {
          if (p == Polarity.ABSENT
              || hasContentAfter(h)
                  && !ofAnotherOperation(h)
                  && !ComplicationLabels.onlyHowItWent(f, sentences.get(h.sentence()), h.end())
              || p == Polarity.AFFIRMED
                  && !hasContentAfter(h)
                  && ComplicationLabels.answeredBelow(f, sentences, h)) {
            mentions.mention(h, false);
          }
        }
        case COMP_EBL -> {
          // "EBL: minimal" is a field of its own: it says how much blood was lost, not whether
          // anything went wrong, and a note with only that has not stated its complications
        }
        case COMP_NONE -> {
          if (p == Polarity.AFFIRMED) {
            mentions.mention(h, false);
          }
        }
        default -> {
          // no other tags for this element
        }
      }
    }
  }

  /** Whether sentence {@code i} tells of the time after the patient went home and came back. */
  boolean afterDischarge(int i) {
    return coding.afterDischarge(i);
  }

  private void event(Hit h, Polarity p) {
    Sentence s = sentences.get(h.sentence());
    int from = clauseStart(s, h.start());
    int to = clauseEnd(s, h.end());
    if (coding.afterDischarge(h) || coding.uncheckedOption(h)) {
      // told in a late entry: a delayed complication, documented with the visit that treats it;
      // "[ ] Bleeding": an option of the template's check list, left unticked
      return;
    }
    if (p == Polarity.AFFIRMED && !saysNoOther && coding.supportedSedationEvent(h)) {
      // a dip answered by a chin lift and oxygen: an unplanned incident, not an adverse event
      return;
    }
    if (p == Polarity.AFFIRMED
        && (anotherTimeOrADiagnosis(h) || !saysNoOther && coding.expectedEffect(h, from, to))) {
      return;
    }
    if (p == Polarity.ABSENT && coding.describesATear(h, from)) {
      // "small mucosal tear, no bleeding": how the tear looked, not a word on complications
      return;
    }
    ElementMention m = mentions.mention(h, false);
    if (p == Polarity.AFFIRMED
        && !calledExpected(h)
        && (saysNoOther
            || !saysNone
            // an addendum after "no complications": "Bleeding stopped spontaneously; observed an
            // additional 2 hours": what it needed makes it the complication (decision 4)
            || coding.treated(h) && coding.inLateEntry(h)
            // "Complications: no perforation. Small amount of bleeding, adrenaline injected and
            // two clips placed": bleeding that needed treatment is one whatever its size (decision
            // 4)
            || deniesOneOnly && coding.treated(h) && bleeding(h)
            || !expectedOozing(h)
                && !superficialInTheNarrative(h)
                && !passing(h)
                && !untreatedTearDenied(h))
        && !out.complicationsOccurred) {
      out.complicationsOccurred = true;
      out.preferred.put(COMPLICATIONS, m);
    }
  }

  /**
   * "a fairly deep linear split ... contrast showed no leak. No complications from that.": a tear
   * or split that needed no treatment, in a note that says there were no complications, is what the
   * provider's own label judges it (decision 4: the label decides).
   */
  private boolean untreatedTearDenied(Hit h) {
    String event = f.substring(h.start(), h.end());
    return saysNone
        && !deniesOneOnly
        && (event.contains("tear") || event.contains("split") || event.contains("lacerat"))
        && !coding.treated(h);
  }

  /**
   * Whether every "none" the note says is a label denying one event ("Complications: no
   * perforation"), not complications as a whole.
   */
  private boolean deniesOneOnly = true;

  private boolean deniesOneEvent(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return ONE_EVENT_DENIED.matcher(f).region(h.end(), s.end()).lookingAt();
  }

  private static final Pattern ONE_EVENT_DENIED =
      Rx.compile(
          "\\s*[:=-]?\\s*(?:no|nil)\\s+(?:[a-z]+\\s+){0,2}?(?:perforation|perf|leak|tear|free\\s+air)\\b");

  private boolean bleeding(Hit h) {
    String event = f.substring(h.start(), h.end());
    return event.contains("ooz") || event.contains("bleed") || event.contains("morrh");
  }

  /**
   * "Postoperative stomal stenosis (complication of the March colectomy)": the complication of an
   * earlier operation or disease, which is why the patient came, not one of this procedure.
   */
  private boolean ofAnotherOperation(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return ANOTHER_OPERATION.matcher(f).region(h.end(), s.end()).lookingAt();
  }

  private static final Pattern ANOTHER_OPERATION =
      Rx.compile(
          "\\s+(?:of|from|after|following)\\s+(?:the\\s+|his\\s+|her\\s+|their\\s+|a\\s+|an\\s+|prior\\s+"
              + "|previous\\s+|earlier\\s+)?(?:[a-z0-9'-]+\\s+){0,3}?(?:colectomy|hemicolectomy|proctectomy"
              + "|proctocolectomy|resection|surgery|operation|laparotomy|hartmann'?s?|anastomosis|radiation"
              + "|radiotherapy|diverticulitis|crohn'?s?|colitis)\\b");

  private boolean anotherTimeOrADiagnosis(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return DIAGNOSIS.matcher(f).region(h.start(), Math.min(s.end(), h.end() + 40)).lookingAt()
        || DIAGNOSED_BEFORE.matcher(f).region(Math.max(s.start(), h.start() - 30), h.start()).find()
        || PAST.matcher(f).region(s.start(), s.end()).find();
  }

  /**
   * "perforated diverticulitis", "perforated splenic flexure cancer", "the oozing exophytic tumor":
   * a diagnosis (or the lesion treated) named by the event word.
   */
  private static final Pattern DIAGNOSIS =
      Rx.compile(
          "perforat[a-z]*\\s+(?:[a-z-]+\\s+){0,3}?(?:diverticul[a-z]*|append[a-z]*"
              + "|ulcer|viscus|bowel|colon|cancer|tumou?r|carcinoma)\\b"
              + "|(?:ooz|bleed)[a-z]*\\s+(?:(?!from\\b|at\\b|of\\b|after\\b|with\\b|site\\b)[a-z-]+\\s+){0,2}?"
              + "(?:tumou?r|mass|cancer|carcinoma|adenocarcinoma|neoplasm|lesion)\\b");

  /** "diverticular perforation", "stercoral perforation": a diagnosis, the event its noun. */
  private static final Pattern DIAGNOSED_BEFORE =
      Rx.compile(
          "\\b(?:diverticular|appendiceal|stercoral|isch(?:a)?emic|malignant|tumou?r|cancer|colonic"
              + "|anastomotic\\s+leak\\s+and)\\s+$");

  /**
   * Words that put the sentence's events at another time: a year, "ago", a past operation, why the
   * stoma was made ("loop colostomy for incontinence after obstetric injury").
   */
  private static final AnchoredPattern PAST =
      AnchoredPattern.compile(
          "\\b(?:19|20)\\d{2}\\b|\\b(?:ago|previously|history\\s+of|h/o|s/p|status\\s+post"
              + "|prior\\s+(?:surgery|operation|resection|procedure)|post-?operative\\s+course"
              + "|consistent\\s+with|patholog[a-z]*|biops(?:y|ies)\\s+(?:show|reveal|demonstrat)[a-z]*"
              + "|hartmann'?s?\\s+(?:procedure\\s+)?(?:for|after)"
              + "|chronic|isch(?:a)?emic|(?:colostomy|ileostomy)\\s+(?:was\\s+)?(?:created\\s+|fashioned\\s+"
              + "|formed\\s+)?for|resection\\s+(?:of|for))\\b");

  /**
   * Bleeding or oozing said to be minimal, expected or self-limited, in the event's own clause: the
   * expected result of stretching a stricture, which endoscopists do not call a complication.
   */
  private boolean expectedOozing(Hit h) {
    String event = f.substring(h.start(), h.end());
    if (!(event.contains("ooz") || event.contains("bleed") || event.contains("blood"))) {
      return false;
    }
    Sentence s = sentences.get(h.sentence());
    if (s.section() == Section.COMPLICATIONS && !saysNone) {
      // "Complications: minor oozing, stopped spontaneously": the clinician lists it as one
      return false;
    }
    int from = clauseStart(s, h.start());
    int to = clauseEnd(s, h.end());
    return MINOR.finder(f).region(from, to).find();
  }

  /**
   * "Post-dilation 13 mm with superficial tear only" in the account of the procedure, in a note
   * whose complications line says none: the expected effect of the dilation, as the note itself
   * judges it.
   */
  private boolean superficialInTheNarrative(Hit h) {
    Sentence s = sentences.get(h.sentence());
    if (s.section() == Section.COMPLICATIONS) {
      return false;
    }
    int from = clauseStart(s, h.start());
    int to = clauseEnd(s, h.end());
    return MINOR.finder(f).region(from, to).find() || SUPERFICIAL.finder(f).region(from, to).find();
  }

  /**
   * Bleeding or a mucosal tear the note calls the expected effect of the dilation, in the event's
   * own clause: "mild expected oozing", "a small amount of blood, as expected", "Comp: none
   * (expected tear)"; not "a tear deeper than expected".
   */
  private boolean calledExpected(Hit h) {
    String event = f.substring(h.start(), h.end());
    if (!(event.contains("ooz")
        || event.contains("bleed")
        || event.contains("blood")
        || event.contains("tear")
        || event.contains("split")
        || event.contains("lacerat"))) {
      return false;
    }
    Sentence s = sentences.get(h.sentence());
    return !saysNoOther
        && EXPECTED.finder(f).region(clauseStart(s, h.start()), clauseEnd(s, h.end())).find();
  }

  /**
   * "Brief desaturation to 90%, corrected with chin lift", in a note that says there were no
   * complications: a passing event of the sedation the clinician judged none, in its own clause.
   */
  private boolean passing(Hit h) {
    Sentence s = sentences.get(h.sentence());
    return TRANSIENT.finder(f).region(clauseStart(s, h.start()), clauseEnd(s, h.end())).find();
  }

  private static final AnchoredPattern TRANSIENT =
      AnchoredPattern.compile(
          "\\b(?:brief(?:ly)?|transient(?:ly)?|momentar(?:y|ily)|short-?lived|fleeting"
              + "|self-?limit(?:ed|ing)|(?:promptly\\s+|quickly\\s+|rapidly\\s+)?(?:corrected|responded"
              + "|resolved|improved|recovered)\\s+(?:with|to|after|on)\\b)");

  private static final AnchoredPattern EXPECTED =
      AnchoredPattern.compile(
          "(?<!than\\s)(?<!not\\s)\\b(?:expected|anticipated|intended|usual)\\b");

  /** Words that make a tear or bleeding a small one (shared with {@link EventCoding}). */
  static final AnchoredPattern SUPERFICIAL =
      AnchoredPattern.compile(
          "\\b(?:superficial|mucosal|small|tiny|only|as\\s+expected|intended)\\b");

  static final AnchoredPattern MINOR =
      AnchoredPattern.compile(
          "\\b(?:minimal|mild|minor|slight|trivial|little|small\\s+amount|trace|expected"
              + "|self-?limit(?:ed|ing)|stopped\\s+spontaneously|ceased\\s+spontaneously"
              + "|resolved\\s+spontaneously|spontaneously\\s+(?:stopped|resolved|ceased)"
              + "|without\\s+(?:need\\s+for\\s+)?intervention|no\\s+intervention)\\b");

  private int clauseStart(Sentence s, int at) {
    int from = Math.max(s.start(), at - 60);
    for (int i = at - 1; i >= from; i--) {
      if (f.charAt(i) == ';' || f.charAt(i) == '.') {
        return i + 1;
      }
    }
    return from;
  }

  private int clauseEnd(Sentence s, int at) {
    int to = Math.min(s.end(), at + 80);
    for (int i = at; i < to; i++) {
      if (f.charAt(i) == ';') {
        return i;
      }
    }
    return to;
  }

  private boolean hasContentAfter(Hit h) {
    Sentence s = sentences.get(h.sentence());
    for (int i = h.end(); i < s.end(); i++) {
      if (Character.isLetterOrDigit(f.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the content of the complications label in sentence {@code i} names what happened
   * ("Complications: transient hypoxia, resolved"): its first clause says nothing went wrong, and
   * it names no event this reader has judged under the coding decisions.
   */
  boolean labelNamesWhatHappened(int i) {
    Sentence s = sentences.get(i);
    return !ComplicationLabels.NOTHING_WENT_WRONG
            .matcher(f)
            .region(s.contentStart(), ComplicationLabels.firstClauseEnd(f, s))
            .find()
        && !namesAnEvent(i);
  }

  /**
   * Whether sentence {@code i} names an event the complications reader has judged ("Complications:
   * superficial split, expected - no intervention", "transient desaturation corrected with jaw
   * thrust. No complications."): its judgement under the coding decisions stands.
   */
  private boolean namesAnEvent(int i) {
    for (Hit h : hits) {
      if (h.sentence() == i
          && h.polarity() == Polarity.AFFIRMED
          && (h.tag() == Tag.COMP_EVENT || h.tag() == Tag.COMP_SEDATION_EVENT)) {
        return true;
      }
    }
    return false;
  }
}
