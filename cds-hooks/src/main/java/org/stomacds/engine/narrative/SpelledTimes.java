package org.stomacds.engine.narrative;

import java.util.List;
import java.util.regex.MatchResult;

/**
 * Clock times of the sedation written in words, as dictation does: "Sedation began at ten fifteen
 * and ended at ten fifty-two", "Anesthesia time nine twenty to ten oh five". A time in words needs
 * its minutes ("ten fifteen", "nine oh five") or "o'clock": a lone "ten" is a count. Read only in a
 * sentence about the sedation, and only when the note gives no sedation times in digits.
 */
final class SpelledTimes {

  private SpelledTimes() {}

  private static final String UNITS = "one|two|three|four|five|six|seven|eight|nine";

  private static final String HOUR =
      "(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

  private static final String MINUTES =
      "(o'?clock|oh[\\s-](?:"
          + UNITS
          + ")|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
          + "|(?:twenty|thirty|forty|fifty)(?:[\\s-](?:"
          + UNITS
          + "))?)";

  private static final String HALF =
      "(?:\\s*(a\\.?m\\b\\.?|p\\.?m\\b\\.?|in\\s+the\\s+(?:morning|afternoon|evening)))?";

  /**
   * One time in words, with am/pm when given: "ten fifteen", or told from the hour as British
   * speakers do, "half past nine", "quarter to eleven", "five past ten".
   */
  private static final AnchoredPattern TIME =
      AnchoredPattern.compile(
          "\\b"
              + HOUR
              + "[\\s-]"
              + MINUTES
              + "\\b"
              + HALF
              + "|\\b(half|(?:a\\s+)?quarter|five|ten|twenty|twenty[\\s-]five)\\s+(past|to)\\s+"
              + HOUR
              + "\\b"
              + HALF);

  /** A sentence about the sedation or the anaesthesia. */
  private static final AnchoredPattern ABOUT_SEDATION =
      AnchoredPattern.compile("\\b(?:sedat|an(?:a)?esthe|intra-?serv)");

  private static final List<String> NUMBERS =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen");

  private static final List<String> TENS = List.of("twenty", "thirty", "forty", "fifty");

  /**
   * The first two times in words in sentence {@code i}, as a start and a stop, when the sentence is
   * about the sedation; null otherwise.
   */
  static Clock[] in(String f, int i, Sentence s) {
    if (!s.section().isSedation() && !ABOUT_SEDATION.finder(f).region(s.start(), s.end()).find()) {
      return null;
    }
    AnchoredPattern.Finder m = TIME.finder(f).region(s.contentStart(), s.end());
    if (!m.find()) {
      return null;
    }
    Clock start = clock(m, i, Clock.Role.START);
    if (!m.find()) {
      return null;
    }
    return new Clock[] {start, clock(m, i, Clock.Role.STOP)};
  }

  private static Clock clock(MatchResult m, int i, Clock.Role role) {
    boolean fromTheHour = m.group(1) == null;
    int h = NUMBERS.indexOf(fromTheHour ? m.group(6) : m.group(1));
    int min = fromTheHour ? pastOrTo(m.group(4), m.group(5)) : minutes(m.group(2));
    if (min < 0) {
      // "quarter to ten": the hour before
      h = h == 1 ? 12 : h - 1;
      min += 60;
    }
    String half = fromTheHour ? m.group(7) : m.group(3);
    if (half != null
        && (half.charAt(0) == 'p' || half.endsWith("afternoon") || half.endsWith("evening"))) {
      h = h < 12 ? h + 12 : h;
    } else if (half != null && h == 12) {
      h = 0;
    }
    return new Clock(h * 60 + min, role, i, m.start(), m.end());
  }

  /** Minutes from the hour: "half past" 30, "quarter to" -15. */
  private static int pastOrTo(String amount, String way) {
    int min =
        amount.startsWith("half")
            ? 30
            : amount.endsWith("quarter")
                ? 15
                : amount.startsWith("twenty")
                    ? (amount.length() > 6 ? 25 : 20)
                    : NUMBERS.indexOf(amount);
    return way.equals("to") ? -min : min;
  }

  private static int minutes(String words) {
    if (words.startsWith("o'") || words.startsWith("oc")) {
      return 0;
    }
    String w = words.startsWith("oh") ? words.substring(3) : words;
    String[] parts = w.split("[\\s-]");
    int tens = TENS.indexOf(parts[0]);
    if (tens >= 0) {
      return (tens + 2) * 10 + (parts.length > 1 ? NUMBERS.indexOf(parts[1]) : 0);
    }
    return NUMBERS.indexOf(parts[0]);
  }
}
