package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.DISTINCT_STRICTURE;
import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_COUNT;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_DURATION;
import static org.stomacds.engine.documentation.DocumentationElement.POST_PROCEDURE_INSTRUCTIONS;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;

import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * Turns the hits and numbers of a note into its reading, element by element: which are documented
 * (and by which words), which are said to be missing, and the values.
 */
final class Interpreter {

  private final IndexedNote note;
  private final String f;
  private final List<Sentence> sentences;
  private final List<Hit> hits;
  private final NumberFinder.Found numbers;
  private final List<Value> balloonSizes;
  private final List<Value> counts;
  private final List<Value> inflationSeconds;
  private final List<Value> sedationMinutes;
  private final List<Clock> clocks;
  private final Mentions mentions;
  private final NoteReading.Builder out;

  private Interpreter(IndexedNote note, List<Hit> hits, NumberFinder.Found numbers) {
    this.note = note;
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.numbers = numbers;
    this.balloonSizes = numbers.balloonSizes();
    this.counts = numbers.counts();
    this.inflationSeconds = numbers.inflationSeconds();
    this.sedationMinutes = numbers.sedationMinutes();
    this.clocks = numbers.clocks();
    this.mentions = new Mentions(note);
    this.out = mentions.out;
  }

  /** Reads a note: phrases, numbers, then element by element. */
  static NoteReading read(Lexicon lexicon, String text) {
    IndexedNote note = new IndexedNote(lexicon, text);
    try {
      List<Hit> hits = new PhraseFinder(note).find();
      NumberFinder.Found numbers = new NumberFinder(note).find();
      return new Interpreter(note, hits, numbers).interpret();
    } finally {
      note.close();
    }
  }

  private NoteReading interpret() {
    plain();
    new ExtentReader(note, hits, mentions).read();
    new ReachReader(note, mentions).read();
    complications();
    sectionContent(Section.INDICATION, INDICATION);
    new IndicationReader(note, numbers, mentions).read();
    sectionContent(Section.PLAN, POST_PROCEDURE_INSTRUCTIONS);
    sedation();
    sedationTimes();
    dilation();
    new LumenReader(note, hits, numbers, mentions).read();
    distinct();
    return out.build();
  }

  private void plain() {
    for (Hit h : hits) {
      switch (h.tag()) {
        case PLAIN, INSTR_EXPLICIT -> {
          if (h.polarity() == Polarity.AFFIRMED) {
            mentions.mention(h, false);
          } else if (h.polarity() != Polarity.HYPOTHETICAL) {
            mentions.mention(h, true);
          }
        }
        case NEG_ONLY -> {
          if (h.polarity().isNegative()) {
            mentions.mention(h, true);
          }
        }
        default -> {
          // handled per element below
        }
      }
    }
  }

  private void complications() {
    new ComplicationsReader(note, hits, mentions).read();
    sectionContent(Section.COMPLICATIONS, COMPLICATIONS);
  }

  /**
   * Sentences under a heading (or after a label) of a section that is itself an element:
   * "Indication: stomal stenosis", "COMPLICATIONS:\nNone", "Plan: ...".
   */
  private void sectionContent(Section section, DocumentationElement element) {
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      if (s.section() != section || s.headingOnly()) {
        continue;
      }
      Cues.Cue cue = Cues.content(f, s.contentStart(), s.end());
      boolean deferred =
          IndicationReader.DEFERRED.matcher(f).region(s.contentStart(), s.end()).lookingAt();
      if (deferred
          || cue == Cues.Cue.UNRECORDED
          || (cue == Cues.Cue.ABSENT && !absenceDocuments(element))) {
        mentions.mention(element, true, i, s.start(), s.end(), true);
      } else if (hasText(s.contentStart(), s.end())) {
        ElementMention m = mentions.mention(element, false, i, s.start(), s.end(), true);
        if (element == COMPLICATIONS
            && cue == Cues.Cue.NONE
            && !out.complicationsOccurred
            && COMPLICATIONS_LABEL.matcher(f).region(s.start(), s.contentStart()).find()
            && !NOTHING_WENT_WRONG.matcher(f).region(s.contentStart(), s.end()).find()) {
          // "Complications: transient hypoxia, resolved": what the label names happened
          out.complicationsOccurred = true;
          out.preferred.put(COMPLICATIONS, m);
        }
      }
    }
  }

  /** A label that names complications themselves (not blood loss). */
  private static final Pattern COMPLICATIONS_LABEL =
      Rx.compile("\\b(?:complic|adverse|untoward|cx\\b|compl)");

  /**
   * Words in a complications label's content that say nothing (or only the expected) went wrong.
   */
  private static final Pattern NOTHING_WENT_WRONG =
      Rx.compile(
          "\\b(?:none|nil|no|nothing|n/a|zero|negative|uncomplicated|without|denied|denies|minimal"
              + "|minor|trace|negligible|expected|not\\s+(?:any|applicable)|unremarkable"
              + "|tolerated)\\b");

  private static boolean absenceDocuments(DocumentationElement element) {
    return element == COMPLICATIONS;
  }

  private boolean hasText(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(f.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private void sedation() {
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
    if (!sedationMinutes.isEmpty()) {
      Value v = sedationMinutes.get(0);
      out.sedationMinutes = (int) Math.round(v.value());
      out.preferred.put(SEDATION_TIMES, mentions.mention(SEDATION_TIMES, false, v));
    }
    Clock[] pair = startAndStop(clocks);
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

  private void dilation() {
    List<Value> reached = InflationCounts.reached(f, sentences, balloonSizes);
    for (Value v : balloonSizes) {
      if (reached.contains(v)) {
        out.balloon.add(v.value());
      }
      mentions.mention(BALLOON_DIAMETER, false, v);
    }
    int addendum = addendumStart();
    if (!counts.isEmpty()) {
      Value v = stated(counts, addendum, true);
      out.inflationCount =
          v.start() >= addendum || isATotal(v)
              ? (int) v.value()
              : InflationCounts.summed(sentences, counts, balloonSizes, v);
      counts.forEach(c -> mentions.mention(INFLATION_COUNT, false, c));
    } else {
      Value listed = InflationCounts.listed(f, sentences, balloonSizes);
      if (listed != null) {
        out.inflationCount = (int) listed.value();
        mentions.mention(INFLATION_COUNT, false, listed);
      }
    }
    if (!inflationSeconds.isEmpty()) {
      out.inflationSeconds = (int) Math.round(stated(inflationSeconds, addendum, false).value());
      inflationSeconds.forEach(v -> mentions.mention(INFLATION_DURATION, false, v));
    }
  }

  /**
   * The value a note means when it states one more than once: what an addendum or late entry says
   * (it corrects the note above it), else a stated total ("3 inflations total" after "12 mm x 1,
   * then 15 mm x 2"), else the first statement.
   */
  private Value stated(List<Value> values, int addendum, boolean totals) {
    for (Value v : values) {
      if (v.start() >= addendum) {
        return v;
      }
    }
    if (totals) {
      for (Value v : values) {
        if (isATotal(v)) {
          return v;
        }
      }
    }
    return values.get(0);
  }

  private boolean isATotal(Value v) {
    Sentence s = sentences.get(v.sentence());
    int from = Math.max(s.start(), v.start() - 16);
    int to = Math.min(s.end(), v.end() + 16);
    return TOTAL.matcher(f).region(from, to).find();
  }

  private static final Pattern TOTAL = Rx.compile("\\b(?:total|in\\s+all|overall)\\b");

  /** Where an addendum or late entry begins, or the note's length when there is none. */
  private int addendumStart() {
    Matcher m = ADDENDUM.matcher(f);
    return m.find() ? m.start() : f.length();
  }

  private static final Pattern ADDENDUM =
      Rx.compile(
          "(?m)^[\\s*#-]{0,8}(?:addendum|late\\s+entry|amendment|correction\\s+to\\s+(?:the\\s+)?note)"
              + "\\b");

  private void distinct() {
    int count = 0;
    for (Hit h : hits) {
      if (h.element() != DISTINCT_STRICTURE || h.polarity() == Polarity.HYPOTHETICAL) {
        continue;
      }
      Polarity p = h.polarity();
      switch (h.tag()) {
        case DIST_BASE -> {
          if (p == Polarity.AFFIRMED) {
            count = Math.max(count, 1);
          }
        }
        case DIST_SINGLE -> {
          count = Math.max(count, 1);
          mentions.mention(h, true);
        }
        case DIST_COUNT, DIST_ORDINAL -> {
          if (p != Polarity.AFFIRMED) {
            mentions.mention(h, true);
            continue;
          }
          double n = h.group() == null ? Double.NaN : NumberWords.parse(h.group());
          if (n >= 2 && n <= 20) {
            count = Math.max(count, (int) n);
            mentions.mention(h, false);
          }
        }
        case DIST_LOCATIONS -> {
          if (p == Polarity.AFFIRMED) {
            count = Math.max(count, 2);
            mentions.mention(h, false);
          }
        }
        default -> {
          // not a stricture-count phrase
        }
      }
    }
    out.distinctStrictures = count;
  }
}
