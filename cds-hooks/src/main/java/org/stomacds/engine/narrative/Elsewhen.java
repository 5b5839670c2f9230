package org.stomacds.engine.narrative;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether the words around a number date it to another session than this one: a plan ("will dilate
 * to 18 mm"), a history ("s/p dilation to 15 mm"), "dilated 2 weeks ago", a month or a season ("the
 * last one in the spring was to 11 mm", "to 15 mm in May"). Such a number is not a value of this
 * procedure.
 */
final class Elsewhen {

  /** A month or season: a size or an event dated to one is another session's. */
  private static final String[] MONTHS_AND_SEASONS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "spring",
    "summer",
    "autumn",
    "winter"
  };

  /** A month as terse notes write it: "prev dil x2 (12mm Mar, 15mm Jun)". */
  private static final String[] MONTHS_SHORT = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"
  };

  private static WordSet withMonthsAndSeasons(String... words) {
    return WordSet.of(
        Stream.of(
                Arrays.stream(words),
                Arrays.stream(MONTHS_AND_SEASONS),
                Arrays.stream(MONTHS_SHORT))
            .flatMap(w -> w)
            .toArray(String[]::new));
  }

  private static final WordSet ELSEWHEN =
      withMonthsAndSeasons(
          "will",
          "plan",
          "plans",
          "planned",
          "planning",
          "future",
          "would",
          // "if he needs it we can bring him back for dilation to 20 millimeters"
          "if",
          "consider",
          "considering",
          "recommend",
          "recommended",
          "history",
          "h/o",
          "hx",
          "s/p",
          "previous",
          "previously",
          "past",
          "next",
          "repeat",
          // terse notes' "prev dil 13.5mm", "rpt dil 18mm 6wk"
          "prev",
          "rpt");

  // "scope would not pass" (a PSEUDO phrase of the context rules): what it did not let through
  private static final Set<String> WHAT_IT_LET_THROUGH =
      Set.of("only", "barely", "admit", "accept", "not");

  private static final Set<String> HEDGED_ESTIMATE =
      Set.of("estimate", "say", "guess", "put", "call", "judge", "think");

  // "last time to 15 millimeters in May": a size dated to a month or season
  private static final WordSet LATER =
      withMonthsAndSeasons(
          "planned",
          "scheduled",
          "recommended",
          "future",
          "anticipated",
          "intended",
          "ago",
          "yesterday");

  /**
   * The words that date a thing to another session ("2 weeks ago", "the previous dilation", "last
   * month"): {@code features.yaml}'s ANOTHER_TIME, the one list the lumen's time, the numbers and
   * the extent ask, each with its own window.
   */
  private static final WordSet ANOTHER_TIME =
      WordSet.of(Features.INSTANCE.words(Feature.ANOTHER_TIME.ordinal()));

  /** A date: a year, "in September", "last spring", "last time". */
  private static final AnchoredPattern DATED =
      AnchoredPattern.compile(
          "\\b(?:(?:19|20)\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}"
              // "full colo 2/26 nl", "(03/2024)": a month and day or year, not sizes ("12/13.5/15
              // mm")
              + "|\\d{1,2}/(?:\\d{2}|\\d{4})(?![./\\d]|\\s*(?:mm|cm|fr|french)\\b)|in\\s+(?:"
              + String.join("|", Arrays.copyOf(MONTHS_AND_SEASONS, 12)).replace("|may", "")
              + ")|last\\s+(?:year|month|week|time|fall|"
              + String.join("|", Arrays.copyOfRange(MONTHS_AND_SEASONS, 12, 16))
              // "he had a full colonoscopy in the spring"
              + ")|(?:in|during)\\s+the\\s+(?:fall|"
              + String.join("|", Arrays.copyOfRange(MONTHS_AND_SEASONS, 12, 16))
              + "))\\b");

  /** Whether the word {@code f[from, to)} dates a thing to another session. */
  static boolean isAnotherTime(String f, int from, int to) {
    return ANOTHER_TIME.contains(f, from, to);
  }

  /**
   * Whether one of the first {@code words} words of {@code f[from, to)} dates a thing to another
   * session: "the cecum was reached in 2023", "after the previous dilation".
   */
  static boolean anotherTimeAhead(String f, int from, int to, int words) {
    TokenCursor c = new TokenCursor(f, from, to, from);
    for (int k = 0; k < words && c.next(); ) {
      if (c.isWord()) {
        if (c.in(ANOTHER_TIME)) {
          return true;
        }
        k++;
      }
    }
    return false;
  }

  /** As {@link #anotherTimeAhead}, over the last {@code words} words before {@code to}. */
  static boolean anotherTimeBehind(String f, int from, int to, int words) {
    TokenCursor c = new TokenCursor(f, from, to, to);
    for (int k = 0; k < words && c.prev(); ) {
      if (c.isWord()) {
        if (c.in(ANOTHER_TIME)) {
          return true;
        }
        k++;
      }
    }
    return false;
  }

  /** Whether {@code f[from, to)} holds a date: a year, "in May", "last spring". */
  static boolean dated(String f, int from, int to) {
    return DATED.finder(f).region(from, to).find();
  }

  /** Whether a word of {@code f[from, to)} plans or recalls: "will", "planned", "history". */
  static boolean plannedOrPast(String f, int from, int to) {
    TokenCursor c = new TokenCursor(f, from, to, from);
    while (c.next()) {
      if (c.isWord() && c.in(ELSEWHEN)) {
        return true;
      }
    }
    return false;
  }

  /** A date or an interval after a size: "13.5mm 5/26", "15 mm 6/2025", "18mm 6wk". */
  private static final java.util.regex.Pattern DATE =
      Rx.compile("\\d{1,2}/\\d{2,4}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{1,2}\\s*(?:wks?|mos?)");

  private final IndexedNote note;
  private final String f;

  Elsewhen(IndexedNote note) {
    this.note = note;
    this.f = note.f;
  }

  /**
   * Whether the words right after a dilation verb say when it happened, and that is not now: "this
   * morning", "2 weeks ago", "last month", "at the previous visit". Up to the end of the clause.
   */
  boolean anotherTime(Sentence s, int end) {
    TokenCursor ahead = new TokenCursor(f, end, s.end(), end);
    for (int k = 0; k < 6 && ahead.next(); k++) {
      if (!ahead.isWord()) {
        char p = ahead.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')' || p == '.') {
          return false;
        }
        continue;
      }
      if (ahead.in(ANOTHER_TIME)) {
        return true;
      }
    }
    return false;
  }

  /** A word of an earlier session in the clause before {@code at}: "prev dilated x2 (". */
  private boolean pastBefore(Sentence s, int at) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    for (int k = 0; k < 6 && c.prev(); k++) {
      if (!c.isWord()) {
        char p = c.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')') {
          return false;
        }
        continue;
      }
      if (c.in(EARLIER)) {
        return true;
      }
    }
    return false;
  }

  private static final WordSet EARLIER =
      WordSet.of("prev", "previous", "previously", "prior", "s/p", "h/o", "hx", "history", "last");

  /** The parenthesis still open at {@code at} in its sentence, or -1. */
  private int openParenthesis(Sentence s, int at) {
    for (int k = at - 1; k >= s.start(); k--) {
      char ch = f.charAt(k);
      if (ch == ')') {
        return -1;
      }
      if (ch == '(') {
        return k;
      }
    }
    return -1;
  }

  /** Whether the words around {@code at} in its clause put it in the past or future. */
  boolean at(int i, Sentence s, int at) {
    if (!note.has(i, Feature.ELSEWHEN_CUE)) {
      // None of the words looked for below is anywhere in the sentence.
      return false;
    }
    TokenCursor ahead = new TokenCursor(f, at, s.end(), at);
    for (int k = 0; k < 8 && ahead.next(); k++) {
      if (!ahead.isWord()) {
        char p = ahead.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')') {
          break;
        }
        continue;
      }
      if (ahead.in(LATER) || DATE.matcher(ahead.word()).matches()) {
        return true;
      }
    }
    int open = openParenthesis(s, at);
    if (open >= 0 && pastBefore(s, open)) {
      // "prev dilated x2 (12mm, 15mm)": a parenthesis spells out the earlier session it follows
      return true;
    }
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    boolean beforeTo = false;
    String afterWould = null;
    for (int k = 0; k < 15 && c.prev(); k++) {
      if (!c.isWord()) {
        char p = c.punct();
        if (p == ',' || p == ';' || p == '(' || p == ')') {
          return false;
        }
        beforeTo = false;
        continue;
      }
      if (c.is("would")
          && afterWould != null
          && (HEDGED_ESTIMATE.contains(afterWould) || WHAT_IT_LET_THROUGH.contains(afterWould))) {
        // "a lumen I would estimate at about 6 mm": a hedge on this procedure's size; "the
        // stoma would only admit a 12 Fr catheter": what the stricture allowed, not a plan
        afterWould = null;
        continue;
      }
      if (c.in(ELSEWHEN) || (c.is("prior") && !beforeTo)) {
        return true;
      }
      beforeTo = c.is("to");
      afterWould = c.word();
    }
    return false;
  }
}
