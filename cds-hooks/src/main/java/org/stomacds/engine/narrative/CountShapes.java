package org.stomacds.engine.narrative;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of an inflation count that {@link CountFinder} reads besides a number before a noun:
 * an ordinal ("a third inflation"), a repeat ("repeated once"), stages ("in three stages"), counts
 * said size by size ("twice at 13.5 mm and once at 15 mm"), sizes listed after the inflation
 * ("inflated to 12, 13.5 and 15 mm") and a count times a duration ("2 x 60 s").
 */
final class CountShapes {

  private CountShapes() {}

  static final List<String> ORDINALS =
      List.of("second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th", "6th");

  /**
   * "a third inflation", "the second and final inflation", "on the first inflation": an ordinal
   * counts those before it (an article before it, so that "a 60-second inflation" is a duration).
   */
  static final AnchoredPattern ORDINAL =
      AnchoredPattern.compile(
          "(?:\\b(?:a|an|the|then)\\s+|[;,.:]\\s*|^\\s*)(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th"
              // "on the first inflation a full-thickness defect opened": at least one
              + "|6th|first|1st)\\s+(?:(?:and\\s+(?:final|last)\\s+)?(?:\\d{1,3}\\s*-?\\s*(?:s|secs?|seconds?|mins?"
              + "|minutes?)\\s+)?(?:balloon\\s+)?inflation\\b|time\\b|(?:one\\s+)?"
              // "then a second at the same size"
              + "(?:with|at|to)\\s+(?:the\\s+|an?\\s+)?(?:\\d|same\\s+(?:size|diameter|pressure"
              + "|balloon)\\b))"
              // "Inflation 1: 15 mm, 60 s. Inflation 2: 16.5 mm"; a table's rows "Inflation 2 |
              // 16.5
              // mm | 60 s" (cells read as spaces)
              // "13:24 inflation #2, held 1 min"
              + "|\\binflation\\s*(?:#|no\\.)\\s*([2-9])(?![\\d.])"
              + "|\\binflation\\s*#?\\s*([2-6])\\s*(?:[:=)-]|(?=(?:[a-z]+(?:\\s[a-z]+)?:\\s*)?\\d{1,2}(?:\\.\\d{1,2})?\\s*mm\\b))");

  /** How many inflations an {@link #ORDINAL} match says were done: "first" 1, "third" 3. */
  static int ordinal(AnchoredPattern.Finder m) {
    if (m.group(1) == null) {
      return Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
    }
    return m.group(1).equals("first") || m.group(1).equals("1st")
        ? 1
        : ORDINALS.indexOf(m.group(1)) % 5 + 2;
  }

  /** "repeated once", "repeated two more times", "two additional inflations": n more. */
  /**
   * A total said of the inflations told before it, with no count noun of its own: "so that is four
   * in all", "three altogether", "(four total)", "then repeated x1 - total 2". Group 1 or 2 is the
   * number.
   */
  static final AnchoredPattern TOTAL =
      AnchoredPattern.compile(
          "\\b(?:total(?:\\s+of)?|altogether)\\s*[:=-]?\\s*(\\d{1,2}|one|two|three|four|five|six|seven|eight"
              + "|nine|ten)\\b(?!\\.\\d|\\d|\\s*(?:mm|cm|mls?|mg|mcg|s\\b|secs?|seconds?|mins?|minutes?|hours?"
              + "|hrs?|%|cc|units?|sessions?|sites?|strictures?))"
              + "|(?<![\\d.]\\s?)(?<!\\d,\\s?)\\b(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:in\\s+all"
              + "|altogether|in\\s+total|total)\\b(?!\\s+(?:time|minutes?|seconds?|sedation|procedure"
              + "|dose|volume|length))");

  /**
   * A date or a session right after a count puts it in another session: "dil 12mm x2 (Jan)", "prev
   * dil 15mm x2 (Feb, Apr)", "dilated 15mm x2 last yr", "x2 6 wk ago".
   */
  static final Pattern DATED_AFTER =
      Rx.compile(
          "\\s*[(,;-]?\\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?(?:\\s+\\d{2,4})?"
              + "\\s*[),/]|(?:19|20)\\d{2}\\b|\\d{1,2}/(?:19|20)\\d{2}\\b|(?:last|this\\s+past|past|prior|previous)\\s+"
              + "(?:yr|year|mo|month|wk|week|spring|summer|autumn|fall|winter|time|visit|session)s?\\b"
              // "prev dil x2 (12mm 3/26, 15mm 6/26)": sessions dated by month and year
              + "|\\(\\s*(?:\\d{1,2}(?:\\.\\d{1,2})?\\s*mm\\s+)?\\d{1,2}/\\d{2,4}(?![/\\d.])"
              + "|(?:\\d{1,2}|a|one|two|three|few|several)\\s*(?:d|days?|wks?|weeks?|mos?|months?|yrs?|years?)\\s+ago"
              + "\\b)");

  /** A dilation log's numbered rows: "Balloon 10 mm infl 2 30 sec", "Inflation #3: 15 mm". */
  static final AnchoredPattern NUMBERED_ROW =
      AnchoredPattern.compile(
          "(?<![\\w])(?:infl|inflation|dilation)\\s*(?:#|no\\.?)?\\s*([1-9])(?![\\d.])(?!\\s*(?:mm|cm|mins?"
              + "|minutes?|s\\b|secs?|seconds?|x\\b|of\\b|/|-\\s*\\d|times|total))");

  /** Each numbered row says at least that many inflations were done (flagged, as an ordinal). */
  static void numberedRows(String f, Elsewhen elsewhen, int i, Sentence s, List<Value> found) {
    AnchoredPattern.Finder m = NUMBERED_ROW.finder(f).region(s.start(), s.end());
    while (m.find()) {
      if (!overlaps(found, m.start(), m.end()) && !elsewhen.at(i, s, m.start())) {
        found.add(new Value(Integer.parseInt(m.group(1)), i, m.start(), m.end(), true));
      }
    }
  }

  static final AnchoredPattern REPEATED =
      AnchoredPattern.compile(
          "\\b(?:repeated|performed|inflated|dilated)\\s+(once)\\s+more\\b|\\brepeated\\s+(once)\\b"
              // "This was repeated.", "deflated and re-inflated": a second one
              + "|\\b(?:this|it|which)\\s+was\\s+(?:then\\s+)?repeated\\b(?!\\s*(?:x|\\d|once|twice|two"
              + "|three|four|for\\s+a\\s+total))|\\bre-?inflated\\b"
              + "|\\b(?:repeated\\s+)?(?<![\\d.]\\s?)(one|two|three|four|five|\\d)\\s+(?:more|additional"
              + "|further)\\s+(?:times|inflations?|dilations?)\\b"
              // "repeated a further two times"
              + "|\\b(?:repeated\\s+)?an?\\s+(?:further|additional)\\s+(two|three|four)\\s+(?:times"
              // "then a further two inflations at 16.5 mm"
              + "|(?:balloon\\s+)?inflations|dilations|dilatations)\\b"
              // "inflated twice more after an initial inflation at 12 mm"
              + "|\\b(twice|thrice)\\s+more\\b"
              // "held it a minute, then did it once more", "the balloon was inflated again",
              // "repeated the inflation": one more
              + "|\\b(?:did|do|done|repeated|performed)\\s+(?:it|this|that)\\s+(?:once\\s+)?(?:more|again)\\b"
              + "|\\b(?:inflated|dilated)\\s+(?:it\\s+)?again\\b"
              + "|\\brepeated\\s+(?:the\\s+)?(?:inflation|dilation|dilatation)\\b(?!\\s*(?:x|\\d|once|twice))");

  /** "dilated in three stages (12, 13.5, 15 mm)", "in 3 steps". */
  static final AnchoredPattern IN_STAGES =
      AnchoredPattern.compile(
          "\\bin\\s+(two|three|four|five|\\d)\\s+(?:sequential\\s+)?(?:steps|stages|increments)\\b");

  /**
   * A count said size by size: "twice at 13.5 mm and once at 15 mm", "2 at 13.5 mm, 1 at 15 mm",
   * "to 13.5 mm twice, then to 15 mm once".
   */
  static final AnchoredPattern AT_SIZE =
      AnchoredPattern.compile(
          "(?<![\\w.])(once|twice|thrice|\\d|one|two|three|four)\\s*(?:x\\s*|times\\s+)?"
              + "(?:(?:balloon\\s+)?(?:inflations?|dilations?)\\s+)?(?:at|@|to|of|with)\\s+(?:an?\\s+|the\\s+)?"
              + "\\d{1,2}(?:\\.\\d{1,2})?\\s*(?:mm|millimet(?:er|re)s?)\\b"
              // "two inflations at 13.5 and then ... 15 millimeters once": the noun says what the
              // bare size is
              + "|(?<![\\w.])(?:(one|two|three|four|[1-4])\\s+(?:balloon\\s+)?(?:inflations?|dilations?)"
              + "\\s+(?:at|@|to)\\s+)(?=\\d{1,2}(?:\\.\\d{1,2})?(?!\\s*(?:cm|sec|s\\b|min|\\d)))"
              + "|(?:\\b(?:at|to)\\s+)?(?<![\\w.])\\d{1,2}(?:\\.\\d{1,2})?\\s*(?:mm|millimet(?:er|re)s?)\\s*"
              + "(?:(?:balloon|cre|tts)\\s*)?"
              + "\\(?\\s*(?:[x\u00d7]\\s*(\\d)(?!\\d|\\.\\d)|(once|twice|thrice)\\b)"
              + "(?!\\s*(?:mm|cm|sec|s\\b|min))"
              // "Inflations: 2 x 13.5 mm, then 1 x 15 mm": the count before the size
              + "|(?<![\\w.])(\\d)\\s*[x\u00d7]\\s*\\d{1,2}(?:\\.\\d{1,2})?\\s*(?:mm|millimet(?:er|re)s?)\\b"
              // "12mm x2 then 13.5 x2": a size going on from one with its unit, its own left off
              + "|(?<=\\bthen\\s|[,:;]\\s|\\band\\s)\\d{1,2}(?:\\.\\d{1,2})?\\s*[x\u00d7]\\s*(\\d)(?!\\d|\\.\\d)"
              + "(?!\\s*(?:mm|cm|sec|s\\b|min))"
              // "inflated x2, then x1 more at 12 mm": the first of a chain of counts
              // "inflated x1 90s; then x1 more 90s": with its hold before the next
              + "|\\b(?:inflated|dilated)\\s+x\\s?(\\d)(?=\\s*(?:\\(?\\s*\\d{1,3}\\s*(?:s|secs?|seconds?|mins?"
              + "|minutes?)\\b\\s*\\)?)?\\s*[,;]?\\s*(?:then|and|followed)\\b)"
              + "|(?<![a-z\\d])x\\s?(\\d)\\s+more\\b(?:\\s+(?:at|@|to|with)\\s+(?:an?\\s+|the\\s+)?\\d{1,2}"
              + "(?:\\.\\d{1,2})?\\s*(?:mm|millimet(?:er|re)s?)\\b)?"
              // rule 10, counts told stricture by stricture: "x2 at #1, x1 at #2", "two inflations
              // at the proximal stricture and one at the distal one", "x 2 at stricture A"
              + "|(?<![\\w.])(?:x\\s?(\\d)|(once|twice|thrice|\\d|one|two|three|four)(?:\\s*x)?"
              + "(?:\\s+(?:balloon\\s+)?(?:inflations?|dilations?))?)\\s+(?:at|@|in|across)\\s+(?:the\\s+)?"
              + "(?:#\\s*[1-9]\\b|(?:strictures?|sites?|stenos[ie]s|rings?|narrowings?|lesions?|levels?)\\s*#?\\s*"
              + "(?:[1-9]|[a-d])\\b|(?:proximal|distal|first|second|upper|lower|other|deeper|outer|inner"
              + "|fascial|skin|anastomotic)\\s+(?:one|stricture|site|stenosis|ring|narrowing|level)\\b)");

  /**
   * Two or more counts said size by size in one sentence add up; they replace the counts found
   * inside their span ("Inflations: 2 at 13.5 mm, 1 at 15 mm" is three, not two).
   */
  static void summedAtSizes(String f, Elsewhen elsewhen, int i, Sentence s, List<Value> found) {
    AnchoredPattern.Finder m = AT_SIZE.finder(f).region(s.start(), s.end());
    double sum = 0;
    int n = 0;
    int start = -1;
    int end = -1;
    while (m.find()) {
      String g = null;
      for (int k = 1; g == null && k <= m.groupCount(); k++) {
        g = m.group(k);
      }
      double v =
          switch (g) {
            case "once" -> 1;
            case "twice" -> 2;
            case "thrice" -> 3;
            default -> NumberWords.parse(g);
          };
      if (v < 1 || v > 10 || elsewhen.at(i, s, m.start())) {
        continue;
      }
      sum += v;
      n++;
      start = start < 0 ? m.start() : start;
      end = m.end();
    }
    if (n >= 2) {
      int from = start;
      int to = end;
      found.removeIf(v -> !v.flag() && v.start() < to && v.end() > from);
      found.add(new Value(sum, i, from, to, false));
    }
  }

  static final String SIZE_WORD =
      "(?:\\d{1,2}(?:\\.\\d{1,2})?(?!\\d)|(?:six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
          + "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?:\\s+and\\s+a\\s+half)?\\b)"
          + "(?:\\s*mm\\b)?(?!\\s*(?:[a-z]+\\s+)?(?:inflations?|dilations?|times|x)\\b)";

  /**
   * Sizes listed right after an inflation, each one inflation: "inflated to 12, 13.5 and 15 mm",
   * "Dilation performed sequentially at 10, 11 and 12 mm", "dilated with the CRE balloon at 8, then
   * 9, then 10 mm", "I inflated it to twelve, thirteen and a half and fifteen".
   */
  static final AnchoredPattern ACT_LIST =
      AnchoredPattern.compile(
          "\\b(?:inflated|inflations?|dilated|dilations?|dilatations?)\\s+(?:(?:was|were)\\s+)?"
              + "(?:with\\s+(?:the\\s+|an?\\s+)?(?:[a-z]+\\s+){0,2}?balloon\\s+(?:to|at)\\s+"
              + "|(?:it\\s+)?(?:performed\\s+)?(?:(?:sequentially|serially|successively|progressively"
              + "|stepwise|in\\s+turn)\\s+)?(?:(?:up\\s+)?(?:to|at)\\s+)?)("
              + SIZE_WORD
              + "(?:\\s*(?:,\\s*and(?:\\s+then)?|,\\s*then|,|and\\s+then|and|then|-+>|\u2192|/)\\s*"
              + SIZE_WORD
              + "){1,6})(?!\\s*(?:cm|centim|sec|s\\b|min|hours?\\b|hrs?\\b|days?\\b|wks?\\b|weeks?\\b"
              // "dilated to 12 mm, 6 weeks ago": the last number is a time, not a size
              + "|months?\\b|mos?\\b|years?\\b|yrs?\\b))");

  static final AnchoredPattern ONE_SIZE = AnchoredPattern.compile(SIZE_WORD);

  static int sizesIn(String f, int from, int to) {
    AnchoredPattern.Finder m = ONE_SIZE.finder(f).region(from, to);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /**
   * "three 30-second inflations", "a single 60-second inflation", "2 1-minute dilations"; "2 x 60
   * s", "3 x 30 seconds" (the count times the duration, no noun).
   */
  static final AnchoredPattern TIMED_COUNT =
      AnchoredPattern.compile(
          "(?<![\\w.-])(\\d|one|two|three|four|five|six|a\\s+single|single)\\s+(?:x\\s*)?\\d{1,3}\\s*-?\\s*"
              + "(?:seconds?|secs?|s|minutes?|mins?)\\s+(?:balloon\\s+)?(inflations?|dilations?)\\b"
              + "|(?<![\\w.])(?<![\\d.]\\s)([1-6])\\s*[x\u00d7]\\s*\\d{1,3}\\s*-?\\s*(?:seconds?|secs?|s|minutes?|mins?)\\b");

  /** A size with its own hold: "15 mm for 60 seconds", "10 mm x 30 sec", "11mm 30s". */
  static final Pattern SIZE_HOLD =
      Rx.compile(
          "(?<![\\w.])\\d{1,2}(?:\\.\\d{1,2})?\\s*(?:mm|millimet(?:er|re)s?)\\s*(?:(?:held\\s+|hold\\s+)?for\\s+|held\\s+"
              + "|hold\\s+|[x\u00d7@]\\s*"
              + "|[:,(]\\s*)?(?:about\\s+|approximately\\s+|~\\s*)?\\d{1,3}\\s*-?\\s*(?:s|secs?|seconds?"
              + "|mins?|minutes?)\\b(?!\\s*(?:each|ea\\b|apiece))");

  /** Bare sizes written as steps after the balloon is named: "CRE balloon, 12 -> 13.5 -> 15". */
  static final Pattern BARE_STEPS =
      Rx.compile(
          "(?<![\\w.])\\d{1,2}(?:\\.\\d{1,2})?(?:\\s*"
              + StepResult.ARROW
              + "\\s*\\d{1,2}(?:\\.\\d{1,2})?(?![\\d.])){1,6}"
              + "(?!\\s*(?:cm|centim|sec|s\\b|min|hours?|hrs?|%|g\\b))");

  /**
   * One inflation at each size of a staged balloon: "1 infl per size", "Inflations: 1 at each
   * size".
   */
  static final AnchoredPattern ONE_PER_SIZE =
      AnchoredPattern.compile(
          "(?:\\b(?:1|one|a\\s+single|once)|\\bx\\s*1)\\s+(?:(?:balloon\\s+)?(?:inflations?|infls?|dilations?)\\s+)?"
              + "(?:at\\s+|for\\s+|with\\s+|on\\s+)?(?:each|every|per)\\s+(?:size|diameter|stage|step)\\b"
              + "|\\beach\\s+(?:size|diameter|stage|step)\\s+(?:inflated\\s+)?once\\b");

  /**
   * The count a sentence with a balloon size gives by its steps: sizes each with its own hold ("15
   * mm for 60 seconds, 16.5 mm for 60 seconds"), bare sizes as steps ("12 -> 13.5 -> 15"), or one
   * inflation at each size of the staged balloon named in it or in the sentence before ("CRE
   * 10-11-12 mm. Inflations: 1 at each size"); null when it gives none.
   */
  static Value steps(String f, List<Sentence> sentences, List<Value> balloons) {
    int last = -1;
    for (Value b : balloons) {
      int i = b.sentence();
      Sentence s = sentences.get(i);
      if (i == last || s.section() == Section.TITLE) {
        continue;
      }
      last = i;
      Value v = counted(SIZE_HOLD, f, s, i, 1);
      v = v != null ? v : counted(BARE_STEPS, f, s, i, 0);
      if (v != null) {
        return v;
      }
      for (int j = i; j <= Math.min(i + 1, sentences.size() - 1); j++) {
        Sentence t = sentences.get(j);
        AnchoredPattern.Finder m =
            ONE_PER_SIZE.finder(f).region(j == i ? b.end() : t.start(), t.end());
        int sizes = stagedSizes(balloons, i);
        if (m.find() && sizes >= 2) {
          return new Value(sizes, i, b.start(), m.end(), false);
        }
      }
    }
    return null;
  }

  /** How many sizes the longest list of sizes written in sentence {@code i} holds. */
  private static int stagedSizes(List<Value> balloons, int i) {
    int most = 0;
    for (Value v : balloons) {
      int n = 0;
      for (Value w : balloons) {
        n += w.sentence() == i && w.start() == v.start() && w.end() == v.end() ? 1 : 0;
      }
      most = Math.max(most, n);
    }
    return most;
  }

  /**
   * Two or more matches of {@code p} in the sentence, each one inflation ({@code perMatch} 1), or
   * one match whose numbers are each one ({@code perMatch} 0): their count with their span.
   */
  private static Value counted(Pattern p, String f, Sentence s, int i, int perMatch) {
    Matcher m = p.matcher(f).region(s.start(), s.end());
    int n = 0;
    int start = -1;
    int end = -1;
    while (m.find()) {
      n += perMatch == 1 ? 1 : sizesIn(f, m.start(), m.end());
      start = start < 0 ? m.start() : start;
      end = m.end();
    }
    return n >= 2 && n <= 8 ? new Value(n, i, start, end, false) : null;
  }

  static boolean overlaps(List<Value> found, int start, int end) {
    for (Value v : found) {
      if (v.start() < end && v.end() > start) {
        return true;
      }
    }
    return false;
  }

  /** "a\n single" as "a single", without a regex (the text is folded: ' ' and '\n' only). */
  static String oneSpace(String number) {
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == '\n' || (c == ' ' && i + 1 < number.length() && number.charAt(i + 1) == ' ')) {
        StringBuilder b = new StringBuilder(number.length());
        boolean space = false;
        for (int j = 0; j < number.length(); j++) {
          char d = number.charAt(j) == '\n' ? ' ' : number.charAt(j);
          if (d != ' ' || !space) {
            b.append(d);
          }
          space = d == ' ';
        }
        return b.toString();
      }
    }
    return number;
  }
}
