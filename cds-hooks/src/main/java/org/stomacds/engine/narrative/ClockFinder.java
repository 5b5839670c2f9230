package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Keeps the clock times of a note that date its sedation ("Sedation start 09:12, end 09:40",
 * "0912-0940"), and apart from them the procedure's own times ("Procedure time: 10:32 to 10:46",
 * "scope in 15:12"), which stand for the sedation times when the note gives no others. Each time
 * gets its role (start, stop, either) from the words right before it; times of other things
 * ("withdrawal 09:30") and numbers that only look like times ("lot 2010-2020") are left out.
 */
final class ClockFinder {

  /** Clock times of other things than sedation ("procedure start", "withdrawal"). */
  private static final WordSet OTHER_CLOCK =
      WordSet.of(
          "procedure",
          "withdrawal",
          "fluoroscopy",
          "fluoro",
          "insertion",
          "cecal",
          "arrival",
          "arrived",
          "discharge",
          "recovery",
          "scope");

  private static final WordSet CLOCK_START =
      WordSet.of(
          "start",
          "started",
          "starting",
          "began",
          "begin",
          "beginning",
          "from",
          "initiated",
          "administered",
          "induction",
          "commenced",
          "onset",
          "in");
  private static final WordSet CLOCK_STOP =
      WordSet.of(
          "stop",
          "stopped",
          "end",
          "ended",
          "ending",
          "to",
          "until",
          "till",
          "through",
          "completed",
          "finish",
          "finished",
          "done",
          "out",
          "concluded",
          "discontinued",
          // a procedure stopped early ends its sedation too: "Commenced 09:12, procedure abandoned
          // 09:25"
          "abandoned",
          "aborted",
          "terminated");

  private final IndexedNote note;
  private final String f;
  private final List<Sentence> sentences;
  private final Numerals numerals;
  private final QuantityMatchers matchers;
  final List<Clock> clocks = new ArrayList<>();
  final List<Clock> procedureTimes = new ArrayList<>();
  private int lastSedationClockSentence = -2;

  ClockFinder(IndexedNote note, Numerals numerals, QuantityMatchers matchers) {
    this.note = note;
    this.f = note.f;
    this.sentences = note.sentences;
    this.numerals = numerals;
    this.matchers = matchers;
  }

  /**
   * Where the times of sentence {@code i} go: the sedation times in a sedation sentence; outside
   * one, the times of the procedure itself ("Procedure time: 10:32 to 10:46", "scope in 15:12,
   * scope out 15:37") are kept apart. Null when the sentence's times are neither.
   */
  List<Clock> timesOf(int i, boolean thisProcedure) {
    if (sedationContext(i)) {
      return clocks;
    }
    return thisProcedure ? procedureTimes : null;
  }

  /**
   * Reads a time at {@code start} (a number in digits ending at {@code after}, followed by {@code
   * next}) into {@code into}: "09:12", "9:12 am", or four digits ("0912", "1420-1451").
   */
  void at(int i, Sentence s, int start, int after, char next, List<Clock> into) {
    if (next == ':') {
      Matcher m = matchers.get(QuantityMatchers.CLOCK).region(start, s.end());
      if (m.lookingAt()) {
        clock(i, s, m, into);
      }
    } else if (after - start == 4) {
      Matcher m = matchers.get(QuantityMatchers.MILITARY).region(start, s.end());
      if (m.lookingAt()) {
        military(i, s, m, into);
      }
    }
  }

  /** A sentence where a clock time is a sedation time. */
  private boolean sedationContext(int i) {
    Sentence s = sentences.get(i);
    if (s.section().isSedation() || note.has(i, Feature.SEDATION)) {
      return s.section().describesThisProcedure();
    }
    // "Moderate sedation, midazolam 5 mg. Start 10:12. End 10:55.": the times follow on.
    boolean beside =
        (i > 0 && (note.has(i - 1, Feature.SEDATION) || lastSedationClockSentence == i - 1))
            || (i + 1 < sentences.size() && note.has(i + 1, Feature.SEDATION));
    return beside && note.has(i, Feature.CLOCK) && !note.has(i, Feature.OTHER_CLOCK);
  }

  private void clock(int i, Sentence s, Matcher m, List<Clock> into) {
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    String ampm = m.group(3);
    if (ampm != null) {
      if (ampm.charAt(0) == 'p' && h < 12) {
        h += 12;
      } else if (ampm.charAt(0) == 'a' && h == 12) {
        h = 0;
      }
    }
    Clock.Role role = roleBefore(s, m.start(), into == procedureTimes);
    if (role == null && into == clocks) {
      // "scope in 15:12", "procedure 09:05-09:40" in a sedation sentence: the procedure's own
      // start or end, or a range of its times
      role = roleBefore(s, m.start(), true);
      into = procedureTimes;
    }
    if (into == procedureTimes && role == Clock.Role.ANY && headingStamp(s, m.end())) {
      // "PROCEDURE (08:05): ...", "PRE-PROCEDURE NOTE (07:30):": when a part of the note was
      // written, not when the procedure began or ended
      return;
    }
    if (role != null) {
      into.add(new Clock(h * 60 + min, role, i, m.start(), m.end()));
      if (into == clocks) {
        lastSedationClockSentence = i;
      }
    }
  }

  private void military(int i, Sentence s, Matcher m, List<Clock> into) {
    if (into == procedureTimes
        && !note.has(i, Feature.CLOCK)
        && !note.has(i, Feature.OTHER_CLOCK)
        && identifierBefore(s, m.start())) {
      // "Lot number 2010-2020": a number, not a time
      return;
    }
    if (yearBefore(s, m.start(), m.group(3) == null)) {
      // "colectomy in 2021", "back in 2009": a year, not a time
      return;
    }
    Clock.Role role = roleBefore(s, m.start(), into == procedureTimes);
    if (role == null && into == clocks) {
      // "scope out 1537", "procedure 0905-0940" in a sedation sentence: the procedure's own
      // start or end, or a range of its times (a lone time with no role is left out below)
      role = roleBefore(s, m.start(), true);
      into = procedureTimes;
    }
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    if ((role == Clock.Role.ANY || role == Clock.Role.START) && m.group(3) == null) {
      Clock stop = rangeStop(i, s, m.end(), h * 60 + min);
      if (stop != null) {
        into.add(new Clock(h * 60 + min, Clock.Role.START, i, m.start(), m.end()));
        into.add(stop);
        if (into == clocks) {
          lastSedationClockSentence = i;
        }
        return;
      }
    }
    if (role == null || (role == Clock.Role.ANY && m.group(3) == null)) {
      return;
    }
    into.add(new Clock(h * 60 + min, role, i, m.start(), m.end()));
    if (into == clocks) {
      lastSedationClockSentence = i;
    }
  }

  /**
   * Whether a four-digit time is the start of a range of two ("0912-0940", "1420 - 1451"): in a
   * sedation sentence that is a start and stop time. Returns the stop, or null.
   */
  private Clock rangeStop(int i, Sentence s, int end, int minutes) {
    int j = end;
    while (j < s.end() && f.charAt(j) == ' ') {
      j++;
    }
    int joined = rangeJoin(j, s.end());
    if (joined < 0) {
      return null;
    }
    j = joined;
    while (j < s.end() && f.charAt(j) == ' ') {
      j++;
    }
    Matcher other = QuantityPatterns.MILITARY.matcher(f).region(j, s.end());
    if (!other.lookingAt()) {
      return null;
    }
    int stop = Integer.parseInt(other.group(1)) * 60 + Integer.parseInt(other.group(2));
    int u = numerals.skipSpaces(other.end(), s.end());
    if (numerals.unitAt(u, s.end(), Numerals.SIZE_UNITS) >= 0) {
      // "stricture 1420-1451 cm" is no time
      return null;
    }
    boolean plausible = stop > minutes && stop - minutes <= 600;
    return plausible ? new Clock(stop, Clock.Role.STOP, i, other.start(), other.end()) : null;
  }

  /**
   * Where the second time of a range starts after "-", "/" (an EHR's "start/stop: 0731 / 0822"),
   * "to", "until", "till" or "through".
   */
  private int rangeJoin(int j, int end) {
    if (j < end && (f.charAt(j) == '-' || f.charAt(j) == '/')) {
      return j + 1;
    }
    for (String w : RANGE_WORDS) {
      if (f.startsWith(w, j) && j + w.length() < end && f.charAt(j + w.length()) == ' ') {
        return j + w.length();
      }
    }
    return -1;
  }

  private static final WordSet IDENTIFIER =
      WordSet.of(
          "number", "no", "lot", "id", "mrn", "ref", "serial", "model", "code", "catalog", "phone",
          "ext", "room", "bed", "batch", "#");

  /** Whether the word right before {@code at} names an identifier ("lot 2010-2020"). */
  private boolean identifierBefore(Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    while (c.prev()) {
      if (c.isWord()) {
        return c.in(IDENTIFIER);
      }
      if (c.punct() == '#') {
        return true;
      }
    }
    return false;
  }

  /** Whether a time closes a heading's parenthesis: "PROCEDURE (08:05):". */
  private boolean headingStamp(Sentence s, int end) {
    int j = end;
    while (j < s.end() && f.charAt(j) == ' ') {
      j++;
    }
    if (j >= s.end() || f.charAt(j) != ')') {
      return false;
    }
    j++;
    while (j < s.end() && f.charAt(j) == ' ') {
      j++;
    }
    return j < s.end() && f.charAt(j) == ':';
  }

  /** Words that put a year after them: "in 2021", "since 2019". */
  private static final WordSet BEFORE_A_YEAR = WordSet.of("in", "since", "of", "year", "during");

  /** Words before "in" that make the four digits after it a time: "scope in 1412", "in room". */
  private static final WordSet BEFORE_IN_A_TIME =
      WordSet.of("scope", "room", "time", "wheels", "patient", "pt", "procedure", "sedation");

  /**
   * Whether four digits at {@code at} read as a year from 1950 to 2049 after a word that dates
   * ("colectomy in 2021"); never with am/pm after them ({@code bare} false).
   */
  private boolean yearBefore(Sentence s, int at, boolean bare) {
    int n = (f.charAt(at) - '0') * 1000 + (f.charAt(at + 1) - '0') * 100;
    n += (f.charAt(at + 2) - '0') * 10 + (f.charAt(at + 3) - '0');
    if (!bare || n < 1950 || n > 2049) {
      return false;
    }
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    if (!c.prev() || !c.isWord() || !c.in(BEFORE_A_YEAR)) {
      return false;
    }
    boolean in = c.is("in");
    return !in || !c.prev() || !c.isWord() || !c.in(BEFORE_IN_A_TIME);
  }

  private static final String[] RANGE_WORDS = {"to", "until", "till", "through", "thru"};

  /** Words naming the procedure's own time, which stand for sedation times when none is given. */
  private static final WordSet PROCEDURE_CLOCK =
      WordSet.of(
          "procedure",
          "scope",
          "intra-procedure",
          "intraprocedure",
          "procedural",
          "endoscopy",
          "colonoscopy");

  /**
   * START or STOP from the words just before a time, ANY when none says; null when the time belongs
   * to something else ("withdrawal 09:30", and "procedure start 09:10" unless {@code procedure}).
   */
  private Clock.Role roleBefore(Sentence s, int at, boolean procedure) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    Clock.Role role = null;
    for (int k = 0; k < 4 && c.prev(); k++) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == '-' && k == 0 && role == null) {
          role = Clock.Role.STOP;
        }
        if (c.punct() == ',' || c.punct() == ';') {
          break;
        }
        continue;
      }
      if (role == null && c.in(CLOCK_START)) {
        role = Clock.Role.START;
      } else if (role == null && c.in(CLOCK_STOP)) {
        role = Clock.Role.STOP;
      } else if (w.equals("at") || w.equals("time") || w.equals("times") || c.isNumber()) {
        continue;
      } else if (w.startsWith("sedat") || w.startsWith("intraservice") || w.startsWith("an")) {
        break;
      } else if (procedure && c.in(PROCEDURE_CLOCK)) {
        continue;
      } else if (c.in(OTHER_CLOCK)) {
        return null;
      }
    }
    return role == null ? Clock.Role.ANY : role;
  }
}
