package org.stomacds.engine.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers with their units, as structured documentation writes them: a Quantity's UCUM code or unit
 * ({@code mm}, {@code cm}, {@code [Ch]}/{@code [French]}, {@code s}, {@code min}, {@code {count}},
 * {@code 1}), or a short text ("18 mm", "CRE 15-16.5-18 mm", "x3", "three", "60 sec"). Conversions
 * to the units the facts keep: millimetres (a French size is its circumference in mm, so Fr/3 is
 * the diameter), seconds, and counts.
 */
final class Amounts {

  /** A number and its unit, folded: mm, cm, fr, s, min, h, x (a count), or the word as written. */
  record Amount(double number, String unit) {}

  /** Texts longer than this are read in their first part only: a value, not a note. */
  static final int MAX_TEXT = 500;

  private static final Map<String, String> UNITS =
      Map.ofEntries(
          Map.entry("mm", "mm"),
          Map.entry("millimeter", "mm"),
          Map.entry("millimeters", "mm"),
          Map.entry("millimetre", "mm"),
          Map.entry("millimetres", "mm"),
          Map.entry("cm", "cm"),
          Map.entry("centimeter", "cm"),
          Map.entry("centimeters", "cm"),
          Map.entry("fr", "fr"),
          Map.entry("french", "fr"),
          Map.entry("ch", "fr"),
          Map.entry("s", "s"),
          Map.entry("sec", "s"),
          Map.entry("secs", "s"),
          Map.entry("second", "s"),
          Map.entry("seconds", "s"),
          Map.entry("min", "min"),
          Map.entry("mins", "min"),
          Map.entry("minute", "min"),
          Map.entry("minutes", "min"),
          Map.entry("h", "h"),
          Map.entry("hr", "h"),
          Map.entry("hour", "h"),
          Map.entry("hours", "h"),
          Map.entry("x", "x"),
          Map.entry("1", "x"),
          Map.entry("times", "x"));

  private static final List<String> NUMBER_WORDS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  private Amounts() {}

  /** A unit as written (UCUM code or text) folded to the short forms above. */
  static String unit(String written) {
    if (written == null) {
      return "";
    }
    String u = written.strip().toLowerCase(Locale.ROOT);
    if (u.startsWith("[") && u.endsWith("]") && u.length() > 2) {
      u = u.substring(1, u.length() - 1);
    }
    if (u.startsWith("{") && u.endsWith("}")) {
      return "x";
    }
    return UNITS.getOrDefault(u, u);
  }

  /** The unit a label names, as in "Balloon diameter (mm)" or "inflationTimeSec"; "" if none. */
  static String unitOfLabel(String label) {
    if (label == null) {
      return "";
    }
    for (String word : DocumentationLabels.words(label)) {
      String unit = UNITS.get(word);
      if (unit != null && !unit.equals("x")) {
        return unit;
      }
    }
    return "";
  }

  /** Millimetres of an amount (mm, cm, French, or no unit, taken as mm), or NaN. */
  static double millimetres(Amount amount) {
    return switch (amount.unit()) {
      case "mm", "" -> amount.number();
      case "cm" -> amount.number() * 10;
      case "fr" -> amount.number() / 3;
      default -> Double.NaN;
    };
  }

  /** Seconds of an amount (s, min, h, or no unit, taken as seconds), or NaN. */
  static double seconds(Amount amount) {
    return switch (amount.unit()) {
      case "s", "" -> amount.number();
      case "min" -> amount.number() * 60;
      case "h" -> amount.number() * 3600;
      default -> Double.NaN;
    };
  }

  /** Minutes of an amount (min, h, s, or no unit, taken as minutes), or NaN. */
  static double minutes(Amount amount) {
    return switch (amount.unit()) {
      case "min", "" -> amount.number();
      case "h" -> amount.number() * 60;
      case "s" -> amount.number() / 60;
      default -> Double.NaN;
    };
  }

  /** A whole count (no unit, {@code {count}}, {@code 1}, "x3", "3 inflations"), or -1. */
  static int count(Amount amount) {
    boolean dimension =
        switch (amount.unit()) {
          case "mm", "cm", "fr", "s", "min", "h" -> true;
          default -> false;
        };
    double n = amount.number();
    if (dimension || n != Math.rint(n) || n < 0 || n > 1_000) {
      return -1;
    }
    return (int) n;
  }

  /**
   * The amounts of a short text: each number or series of numbers ("15-16.5-18", "15/16.5/18", "15
   * to 18") with the unit that follows it (applied to the whole series), "x3" and "3x" as counts,
   * and the words one to ten. Linear in the text, which is cut at {@link #MAX_TEXT} characters.
   */
  static List<Amount> parse(String text) {
    List<Amount> out = new ArrayList<>(2);
    if (text == null) {
      return out;
    }
    String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      if (Character.isDigit(c)) {
        boolean timesBefore = i > 0 && (t.charAt(i - 1) == 'x' || t.charAt(i - 1) == 'X');
        List<Double> series = new ArrayList<>(3);
        int end = number(t, i, series);
        int next = separator(t, end);
        while (next > end && next < n && Character.isDigit(t.charAt(next))) {
          end = number(t, next, series);
          next = separator(t, end);
        }
        int at = end;
        while (at < n && t.charAt(at) == ' ') {
          at++;
        }
        int unitEnd = at;
        while (unitEnd < n
            && (Character.isLetter(t.charAt(unitEnd)) || "[]{}#".indexOf(t.charAt(unitEnd)) >= 0)) {
          unitEnd++;
        }
        String unit = timesBefore ? "x" : unit(t.substring(at, unitEnd));
        if (unitEnd == at && at < n && (t.charAt(at) == '"' || t.charAt(at) == '\'')) {
          unit = t.charAt(at) == '"' ? "s" : "min";
          unitEnd = at + 1;
        }
        for (double d : series) {
          out.add(new Amount(d, unit));
        }
        i = Math.max(unitEnd, end);
      } else if (Character.isLetter(c) && (i == 0 || !Character.isLetter(t.charAt(i - 1)))) {
        int end = i;
        while (end < n && Character.isLetter(t.charAt(end))) {
          end++;
        }
        int word = NUMBER_WORDS.indexOf(t.substring(i, end).toLowerCase(Locale.ROOT));
        if (word >= 0) {
          out.add(new Amount(word, ""));
        }
        i = end;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Reads digits with an optional decimal part from {@code from}; returns the end. */
  private static int number(String t, int from, List<Double> into) {
    int end = from;
    while (end < t.length() && end - from < 12 && Character.isDigit(t.charAt(end))) {
      end++;
    }
    if (end + 1 < t.length() && t.charAt(end) == '.' && Character.isDigit(t.charAt(end + 1))) {
      end++;
      int digits = 0;
      while (end < t.length() && digits < 6 && Character.isDigit(t.charAt(end))) {
        end++;
        digits++;
      }
    }
    into.add(Double.parseDouble(t.substring(from, end)));
    return end;
  }

  /** The start of the next number of a series after {@code at} ("-", "/", "–", " to "), or at. */
  private static int separator(String t, int at) {
    int i = at;
    while (i < t.length() && t.charAt(i) == ' ') {
      i++;
    }
    if (i < t.length() && "-/–".indexOf(t.charAt(i)) >= 0) {
      i++;
    } else if (t.startsWith("to ", i)) {
      i += 3;
    } else {
      return at;
    }
    while (i < t.length() && t.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
