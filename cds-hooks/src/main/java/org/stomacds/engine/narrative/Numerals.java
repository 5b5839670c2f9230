package org.stomacds.engine.narrative;

/**
 * Reads a number and its unit by index in the folded text, without a regex: where a number (digits,
 * a decimal, a number in words) ends, whether a unit of size or of time follows it, and the spaces
 * and hyphens between. {@link NumberFinder} asks here first and falls back to the {@link
 * QuantityPatterns} only when a number is not plain (a list of sizes, a number in words).
 */
final class Numerals {

  private final String f;

  /** Where the unit read by {@link #sizeUnitEnd} or {@link #durationUnitEnd} starts. */
  private int unitStart;

  Numerals(String f) {
    this.f = f;
  }

  /**
   * Where the unit last read by {@link #sizeUnitEnd}, {@link #durationUnitEnd} or {@link #unitAt}
   * starts.
   */
  int unitStart() {
    return unitStart;
  }

  /** The end of the number (digits, a decimal, or a number word) starting at {@code at}. */
  int numberEnd(int at, int limit) {
    int e = at;
    if (Character.isDigit(f.charAt(at))) {
      while (e < limit && Character.isDigit(f.charAt(e)) && e - at < 8) {
        e++;
      }
      if (e + 1 < limit && f.charAt(e) == '.' && Character.isDigit(f.charAt(e + 1))) {
        e++;
        while (e < limit && Character.isDigit(f.charAt(e)) && e - at < 12) {
          e++;
        }
      }
      return e;
    }
    while (e < limit && Character.isLetter(f.charAt(e)) && e - at < 20) {
      e++;
    }
    int unitEnd = compoundUnitEnd(at, e, limit);
    return unitEnd > 0 ? unitEnd : e;
  }

  /**
   * Where "five" ends in "forty-five" / "forty five" when the tens word spans [at,e): a number in
   * words is one number, not "forty" and then "five seconds". -1 when it is not such a pair.
   */
  private int compoundUnitEnd(int at, int e, int limit) {
    if (e >= limit || (f.charAt(e) != '-' && f.charAt(e) != ' ')) {
      return -1;
    }
    if (!NumberWords.TENS.contains(f.substring(at, e))) {
      return -1;
    }
    int u = e + 1;
    int ue = u;
    while (ue < limit && Character.isLetter(f.charAt(ue)) && ue - u < 6) {
      ue++;
    }
    return ue > u && NumberWords.UNITS.contains(f.substring(u, ue)) ? ue : -1;
  }

  /** Whether the number word at {@code at} is the "five" of "forty-five". */
  boolean unitOfACompound(int at, int lineStart) {
    if (at - 2 < lineStart || (f.charAt(at - 1) != '-' && f.charAt(at - 1) != ' ')) {
      return false;
    }
    int b = at - 1;
    int a = b;
    while (a > lineStart && Character.isLetter(f.charAt(a - 1)) && b - a < 8) {
      a--;
    }
    return a < b && NumberWords.TENS.contains(f.substring(a, b));
  }

  int skipSpaces(int at, int limit) {
    int j = at;
    while (j < limit && j - at < 8 && (f.charAt(j) == ' ' || f.charAt(j) == '\n')) {
      j++;
    }
    return j;
  }

  int skipSpaceAndHyphen(int at, int limit) {
    int j = at;
    while (j < limit
        && j - at < 8
        && (f.charAt(j) == ' ' || f.charAt(j) == '-' || f.charAt(j) == '\n')) {
      j++;
    }
    return j;
  }

  static final String[] SIZE_UNITS = {
    "mm",
    "millimeters",
    "millimeter",
    "millimetres",
    "millimetre",
    "cm",
    "centimeters",
    "centimeter",
    "centimetres",
    "centimetre",
    // spoken British and Australian millimetres: "a lumen of roughly seven mil"
    "mils",
    "mil"
  };

  /**
   * The units of {@link QuantityPatterns#DURATION}, in the order (and with the optional "s") it
   * tries.
   */
  private static final String[] DURATION_UNITS = {
    "seconds", "second", "secs", "sec", "s", "minutes", "minute", "mins", "min", "hours", "hour",
    "hrs", "hr"
  };

  /**
   * The end of the number at {@code start} as the digit form of {@link QuantityPatterns#NUM} reads
   * it (one to three digits, one or two decimals, no digit right after, no word character or point
   * right before), or -1 when it is not such a number: then the caller asks the pattern.
   */
  int plainNumberEnd(int start, int limit) {
    if (start > 0) {
      char before = f.charAt(start - 1);
      if (before == '.' || before == '_' || isAsciiLetterOrDigit(before)) {
        return -1;
      }
    }
    int e = start;
    while (e < limit && isAsciiDigit(f.charAt(e)) && e - start < 4) {
      e++;
    }
    if (e - start < 1 || e - start > 3) {
      return -1;
    }
    if (e + 1 < limit && f.charAt(e) == '.' && isAsciiDigit(f.charAt(e + 1))) {
      int d = e + 1;
      while (d < limit && isAsciiDigit(f.charAt(d)) && d - e <= 3) {
        d++;
      }
      if (d - e - 1 > 2) {
        return -1;
      }
      e = d;
    }
    return e < f.length() && isAsciiDigit(f.charAt(e)) ? -1 : e;
  }

  /**
   * After a plain number: the end of a unit of size right after it ("15 mm", "15-mm", "15mm"),
   * setting {@link #unitStart}; -1 when something else follows (a list goes on, no unit).
   */
  int sizeUnitEnd(int at, int limit) {
    int u = skipSpaceHyphenSpace(at, limit);
    char c = u < limit ? f.charAt(u) : ' ';
    if (c != 'm' && c != 'c') {
      // A list separator or anything else: the pattern decides.
      return -1;
    }
    return unitAt(u, limit, SIZE_UNITS);
  }

  /** As {@link #sizeUnitEnd} for French, a catheter's gauge ("12 Fr", "10-french", "8Fr"). */
  int frenchUnitEnd(int at, int limit) {
    return unitAt(skipSpaceHyphenSpace(at, limit), limit, FRENCH_UNITS);
  }

  private static final String[] FRENCH_UNITS = {"french", "fr"};

  /** As {@link #sizeUnitEnd} for a duration unit ("45 sec", "60-second", "1 min"). */
  int durationUnitEnd(int at, int limit) {
    return unitAt(skipSpaceHyphenSpace(at, limit), limit, DURATION_UNITS);
  }

  /** The first of {@code units} written at {@code u} and ending a word; -1 when none. */
  int unitAt(int u, int limit, String[] units) {
    for (String unit : units) {
      int end = u + unit.length();
      if (end <= limit && f.startsWith(unit, u) && !isWordCharAt(end)) {
        unitStart = u;
        return end;
      }
    }
    return -1;
  }

  /** {@code \s*-?\s*} of the patterns: spaces, one optional hyphen, spaces. */
  private int skipSpaceHyphenSpace(int at, int limit) {
    int j = at;
    while (j < limit && (f.charAt(j) == ' ' || f.charAt(j) == '\n')) {
      j++;
    }
    if (j < limit && f.charAt(j) == '-') {
      j++;
      while (j < limit && (f.charAt(j) == ' ' || f.charAt(j) == '\n')) {
        j++;
      }
    }
    return j;
  }

  /** Whether a regex word boundary would see a word character at {@code i} (none past the end). */
  private boolean isWordCharAt(int i) {
    if (i >= f.length()) {
      return false;
    }
    char c = f.charAt(i);
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
