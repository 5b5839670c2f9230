package org.stomacds.cds.bodies;

/**
 * Bounds on every number we let a parser turn into a {@code BigDecimal}. A short text can stand for
 * an enormous value ({@code 1e999999999} is 11 characters): building the {@code BigDecimal} is
 * cheap, but {@code toPlainString()}, {@code setScale}, {@code add} to a value of another scale or
 * {@code stripTrailingZeros} then allocate one digit per unit of exponent (HAPI 8.8.0's JSON parser
 * calls {@code toPlainString()} on every JSON decimal). The check reads the text only; it never
 * builds the number.
 *
 * <p>Accepted: at most {@link #MAX_DIGITS} digits (numbers) or {@link #MAX_STRING_DIGITS} (text
 * that looks like a number), and a magnitude between 1e-{@value #MAX_EXPONENT} and 1e{@value
 * #MAX_EXPONENT} (or zero with a scale within the same range). Far beyond what a clinical value
 * needs (FHIR asks for 18 digits), far below what costs memory.
 */
public final class NumberBounds {

  /** Digits of a JSON number or query value. */
  public static final int MAX_DIGITS = 100;

  /** Digits of a text value in number syntax (an XML value attribute, a JSON string). */
  public static final int MAX_STRING_DIGITS = 1000;

  /** Largest decimal exponent of the value's leading digit, either sign. */
  public static final int MAX_EXPONENT = 200;

  private static final long EXPONENT_CAP = 1_000_000_000_000L;

  private NumberBounds() {}

  /**
   * Why a number text is refused, or null when it is within bounds or is not a number at all (FHIR
   * decimal syntax, with an optional leading {@code +}).
   *
   * @param maxDigits {@link #MAX_DIGITS} or {@link #MAX_STRING_DIGITS}
   */
  public static String violation(CharSequence text, int maxDigits) {
    int n = text.length();
    int i = 0;
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    int intStart = i;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
    }
    int intDigits = i - intStart;
    int fracStart = i;
    int fracDigits = 0;
    if (i < n && text.charAt(i) == '.') {
      fracStart = ++i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      fracDigits = i - fracStart;
    }
    if (intDigits + fracDigits == 0) {
      return null;
    }
    long exponent = 0;
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      boolean negative = false;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        negative = text.charAt(i) == '-';
        i++;
      }
      int expStart = i;
      while (i < n && isDigit(text.charAt(i))) {
        exponent = Math.min(EXPONENT_CAP, exponent * 10 + (text.charAt(i) - '0'));
        i++;
      }
      if (i == expStart) {
        return null;
      }
      exponent = negative ? -exponent : exponent;
    }
    if (i != n) {
      return null;
    }
    if (intDigits + fracDigits > maxDigits) {
      return "has " + (intDigits + fracDigits) + " digits (at most " + maxDigits + ")";
    }
    int leadingZeros = 0;
    int total = intDigits + fracDigits;
    while (leadingZeros < total
        && digitAt(text, intStart, intDigits, fracStart, leadingZeros) == '0') {
      leadingZeros++;
    }
    long scale = fracDigits - exponent;
    if (leadingZeros == total) {
      if (Math.abs(scale) > MAX_EXPONENT + maxDigits) {
        return "is a zero with an exponent out of range";
      }
      return null;
    }
    // The decimal exponent of the first significant digit.
    long leading = intDigits - leadingZeros - 1 + exponent;
    if (leading > MAX_EXPONENT || leading < -MAX_EXPONENT) {
      return "has an exponent out of range (magnitude between 1e-"
          + MAX_EXPONENT
          + " and 1e"
          + MAX_EXPONENT
          + " accepted)";
    }
    return null;
  }

  /** True when the text has FHIR decimal syntax with an exponent, or is a long digit run. */
  public static boolean worthChecking(CharSequence text) {
    int n = text.length();
    if (n == 0) {
      return false;
    }
    char first = text.charAt(0);
    if (!(isDigit(first) || first == '-' || first == '+' || first == '.')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        return true;
      }
    }
    return n > MAX_DIGITS;
  }

  private static char digitAt(
      CharSequence text, int intStart, int intDigits, int fracStart, int k) {
    return k < intDigits ? text.charAt(intStart + k) : text.charAt(fracStart + k - intDigits);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
