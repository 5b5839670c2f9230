package org.stomacds.engine.narrative;

import java.util.Map;
import java.util.Set;

/** The value of a number as a note writes it: digits, words ("forty-five"), "twice", "a single". */
final class NumberWords {

  /** The tens of a number in words ("forty" of "forty-five"). */
  static final Set<String> TENS =
      Set.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

  /** The units a tens word takes ("five" of "forty-five"). */
  static final Set<String> UNITS =
      Set.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine");

  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90),
          Map.entry("single", 1),
          Map.entry("a single", 1),
          Map.entry("once", 1),
          Map.entry("twice", 2),
          Map.entry("thrice", 3),
          Map.entry("a", 1),
          Map.entry("an", 1),
          Map.entry("multiple", 2),
          Map.entry("several", 2),
          Map.entry("numerous", 2),
          Map.entry("second", 2),
          Map.entry("2nd", 2),
          Map.entry("third", 3),
          Map.entry("3rd", 3),
          Map.entry("fourth", 4),
          Map.entry("4th", 4),
          Map.entry("another", 2),
          Map.entry("additional", 2),
          Map.entry("separate", 2),
          Map.entry("distinct", 2),
          Map.entry("other", 2));

  private NumberWords() {}

  /** A number as written: "16.5", "fifteen", "forty-five", "twice". NaN when not one. */
  static double parse(String token) {
    String t = token.trim();
    if (t.isEmpty()) {
      return Double.NaN;
    }
    Integer whole = WORDS.get(t);
    if (whole == null && Character.isDigit(t.charAt(0))) {
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    if (whole != null) {
      return whole;
    }
    // "sixteen and a half", "sixteen point five"
    int half = t.indexOf(" and a half");
    if (half > 0) {
      return parse(t.substring(0, half)) + 0.5;
    }
    int point = t.indexOf(" point ");
    if (point > 0) {
      Integer tenth = WORDS.get(t.substring(point + 7).trim());
      return tenth == null || tenth > 9 ? Double.NaN : parse(t.substring(0, point)) + tenth / 10.0;
    }
    int sep = Math.max(t.indexOf('-'), t.indexOf(' '));
    if (sep > 0) {
      Integer tens = WORDS.get(t.substring(0, sep));
      Integer unit = WORDS.get(t.substring(sep + 1).trim());
      if (tens != null && unit != null) {
        return tens + unit;
      }
    }
    return Double.NaN;
  }
}
