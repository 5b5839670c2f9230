package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;

import java.time.LocalTime;
import java.util.List;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * Reads the sedation: its type from the phrases (MAC or anaesthesia beats moderate beats none, a
 * drug's name counts last) or a "Sedation: none" heading, and its times from the stated minutes or
 * a start and a stop; a procedure's own start and end stand for the sedation times when none are
 * given.
 */
final class SedationReader {

  private final String f;
  private final List<Sentence> sentences;
  private final List<Hit> hits;
  private final NumberFinder.Found numbers;
  private final Mentions mentions;
  private final NoteReading.Builder out;

  SedationReader(IndexedNote note, List<Hit> hits, NumberFinder.Found numbers, Mentions mentions) {
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.numbers = numbers;
    this.mentions = mentions;
    this.out = mentions.out;
  }

  void read() {
    sedationType();
    sedationTimes();
  }

  private void sedationType() {
    Hit mac = null;
    Hit moderate = null;
    Hit none = null;
    Hit drugMac = null;
    Hit drugModerate = null;
    for (Hit h : hits) {
      if (h.element() != SEDATION_TYPE) {
        continue;
      }
      Polarity p = h.polarity();
      if (p == Polarity.UNRECORDED) {
        mentions.mention(h, true);
        continue;
      }
      switch (h.tag()) {
        case SED_MAC -> mac = p == Polarity.AFFIRMED ? Hit.first(mac, h) : mac;
        case SED_MODERATE -> moderate = p == Polarity.AFFIRMED ? Hit.first(moderate, h) : moderate;
        case SED_NONE -> none = p == Polarity.AFFIRMED ? Hit.first(none, h) : none;
        case SED_GENERIC -> none = p == Polarity.ABSENT ? Hit.first(none, h) : none;
        case SED_DRUG_MAC -> drugMac = p == Polarity.AFFIRMED ? Hit.first(drugMac, h) : drugMac;
        case SED_DRUG_MODERATE ->
            drugModerate = p == Polarity.AFFIRMED ? Hit.first(drugModerate, h) : drugModerate;
        default -> {
          continue;
        }
      }
      boolean generic = h.tag() == Tag.SED_GENERIC;
      if ((!generic && p == Polarity.AFFIRMED) || (generic && p == Polarity.ABSENT)) {
        mentions.mention(h, false);
      }
    }
    // "Sedation:\nNone", "Anesthesia: not documented".
    Sentence noneHeading = null;
    int noneIndex = -1;
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      if (s.headingOnly() || !s.section().isSedation()) {
        continue;
      }
      Cues.Cue cue = Cues.content(f, s.contentStart(), s.end());
      DocumentationElement element =
          s.section() == Section.SEDATION_TIME ? SEDATION_TIMES : SEDATION_TYPE;
      if (cue == Cues.Cue.UNRECORDED || (cue == Cues.Cue.ABSENT && element == SEDATION_TIMES)) {
        mentions.mention(element, true, i, s.start(), s.end(), true);
      } else if (cue == Cues.Cue.ABSENT && noneHeading == null) {
        noneHeading = s;
        noneIndex = i;
      }
    }
    Hit decided =
        mac != null
            ? mac
            : moderate != null
                ? moderate
                : none != null ? none : drugMac != null ? drugMac : drugModerate;
    if (decided != null) {
      out.sedationType =
          decided == mac || decided == drugMac
              ? SedationType.MAC_OR_ANESTHESIA
              : decided == none ? SedationType.NONE : SedationType.MODERATE;
      out.preferred.put(SEDATION_TYPE, mentions.mention(decided, false));
    } else if (noneHeading != null) {
      out.sedationType = SedationType.NONE;
      out.preferred.put(
          SEDATION_TYPE,
          mentions.mention(
              SEDATION_TYPE, false, noneIndex, noneHeading.start(), noneHeading.end(), true));
    }
  }

  private void sedationTimes() {
    List<Value> sedationMinutes = numbers.sedationMinutes();
    if (!sedationMinutes.isEmpty()) {
      Value v = sedationMinutes.get(0);
      out.sedationMinutes = (int) Math.round(v.value());
      out.preferred.put(SEDATION_TIMES, mentions.mention(SEDATION_TIMES, false, v));
    }
    Clock[] pair = startAndStop(numbers.clocks());
    if (pair == null) {
      // No sedation times: the procedure's own start and end stand for them.
      pair = startAndStop(numbers.procedureTimes());
    }
    if (pair == null) {
      return;
    }
    Clock start = pair[0];
    Clock stop = pair[1];
    int minutes = stop.minuteOfDay() - start.minuteOfDay();
    if (minutes < 0) {
      // "11:50 to 12:15" written without am/pm, or a case across midnight.
      minutes += (minutes > -12 * 60) ? 12 * 60 : 24 * 60;
    }
    if (minutes < 1 || minutes > 600) {
      return;
    }
    out.sedationStart = LocalTime.of(start.minuteOfDay() / 60, start.minuteOfDay() % 60);
    out.sedationStop = LocalTime.of(stop.minuteOfDay() / 60, stop.minuteOfDay() % 60);
    if (out.sedationMinutes == null) {
      out.sedationMinutes = minutes;
    }
    ElementMention m =
        mentions.mention(
            SEDATION_TIMES, false, start.sentence(), start.start(), start.end(), false);
    if (stop.sentence() != start.sentence()) {
      mentions.mention(SEDATION_TIMES, false, stop.sentence(), stop.start(), stop.end(), false);
    }
    out.preferred.putIfAbsent(SEDATION_TIMES, m);
  }

  /** The first start and the stop after it, or null when the times do not make a pair. */
  private static Clock[] startAndStop(List<Clock> clocks) {
    if (clocks.size() < 2) {
      return null;
    }
    Clock start = null;
    for (Clock c : clocks) {
      if (c.role() == Clock.Role.START) {
        start = c;
        break;
      }
    }
    if (start == null) {
      start = clocks.get(0);
    }
    Clock stop = null;
    for (Clock c : clocks) {
      if (c.start() > start.start() && c.role() == Clock.Role.STOP) {
        stop = c;
        break;
      }
    }
    if (stop == null) {
      Clock last = clocks.get(clocks.size() - 1);
      stop = last.start() > start.start() && last.role() != Clock.Role.START ? last : null;
    }
    return stop == null ? null : new Clock[] {start, stop};
  }
}
