package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
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
      if (CheckBoxes.unticked(f, h.start(), h.end())) {
        // "[ ] General anaesthesia": an option the form offered, not the sedation given
        continue;
      }
      Polarity p = h.polarity();
      if (p == Polarity.UNRECORDED) {
        mentions.mention(h, true);
        continue;
      }
      if (p == Polarity.HYPOTHETICAL
          && OpeningClause.holdsTheOnlyCue(f, sentences.get(h.sentence()), h.start(), h.end())) {
        // "After consent, under conscious sedation, the scope was passed": the consent's clause
        // ends before the sedation's
        p = Polarity.AFFIRMED;
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
      } else if (cue == Cues.Cue.ABSENT
          && noneHeading == null
          && !CheckBoxes.holdsEmptyBox(f, s.contentStart(), s.end())) {
        // not "[ ] None [x] Moderate": the form's empty box offers "none", it does not say it
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
    if (pair == null && !numbers.clocks().isEmpty() && !numbers.procedureTimes().isEmpty()) {
      // "Anesthesia start 09:15; procedure end 10:02": the sedation's start, the procedure's end.
      List<Clock> both = new ArrayList<>(numbers.clocks());
      for (Clock c : numbers.procedureTimes()) {
        if (c.role() == Clock.Role.STOP) {
          both.add(c);
        }
      }
      both.sort(Comparator.comparingInt(Clock::start));
      pair = startAndStop(both);
    }
    for (int i = 0; pair == null && i < sentences.size(); i++) {
      // "Sedation began at ten fifteen and ended at ten fifty-two."
      pair = SpelledTimes.in(f, i, sentences.get(i));
      pair = pair != null && plausible(pair[0], pair[1]) ? pair : null;
    }
    if (pair == null) {
      // No sedation times: the procedure's own start and end stand for them.
      pair = startAndStop(numbers.procedureTimes());
    }
    if (pair == null) {
      return;
    }
    Clock start = pair[0];
    Clock stop = pair[1];
    int minutes = minutesBetween(start, stop);
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

  /** Minutes from start to stop; "11:50 to 12:15" without am/pm, or a case across midnight. */
  private static int minutesBetween(Clock start, Clock stop) {
    int minutes = stop.minuteOfDay() - start.minuteOfDay();
    if (minutes < 0) {
      minutes += (minutes > -12 * 60) ? 12 * 60 : 24 * 60;
    }
    return minutes;
  }

  private static boolean plausible(Clock start, Clock stop) {
    int minutes = minutesBetween(start, stop);
    return minutes >= 1 && minutes <= 600;
  }

  /**
   * The first start and the stop after it that make a plausible sedation (1 to 600 minutes), or
   * null: a time that only looks like one ("back in 2009") is passed over for the next.
   */
  private static Clock[] startAndStop(List<Clock> clocks) {
    if (clocks.size() < 2) {
      return null;
    }
    for (Clock start : clocks) {
      if (start.role() == Clock.Role.START) {
        Clock stop = stopAfter(clocks, start);
        if (stop != null) {
          return new Clock[] {start, stop};
        }
      }
    }
    boolean anyStart = clocks.stream().anyMatch(c -> c.role() == Clock.Role.START);
    Clock first = clocks.get(0);
    Clock stop = anyStart ? null : stopAfter(clocks, first);
    return stop == null ? null : new Clock[] {first, stop};
  }

  /** The first stop after {@code start}, else the last time when it may be one; if plausible. */
  private static Clock stopAfter(List<Clock> clocks, Clock start) {
    for (Clock c : clocks) {
      if (c.start() > start.start() && c.role() == Clock.Role.STOP) {
        return plausible(start, c) ? c : null;
      }
    }
    Clock last = clocks.get(clocks.size() - 1);
    return last.start() > start.start() && last.role() != Clock.Role.START && plausible(start, last)
        ? last
        : null;
  }
}
