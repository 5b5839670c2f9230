package org.stomacds.engine.narrative;

import java.util.regex.Pattern;

/**
 * Compiles our patterns with possessive white space and character-class runs. A run of spaces or of
 * letters in these patterns is always followed by something it cannot match, so giving characters
 * back could never produce a match: forbidding it changes no result and removes the backtracking
 * that made a long run of spaces quadratic ({@code \s*-?\s*} tried every split).
 */
final class Rx {

  private Rx() {}

  static Pattern compile(String regex) {
    return Pattern.compile(possessive(regex));
  }

  /**
   * Makes {@code \s+}, {@code \s*} and {@code [...]+}, {@code [...]*} possessive, unless a letter
   * or digit follows the class (as in {@code [a-z]+ly}, where the run must give back).
   */
  static String possessive(String regex) {
    StringBuilder out = new StringBuilder(regex.length() + 16);
    int n = regex.length();
    boolean inClass = false;
    for (int i = 0; i < n; i++) {
      char c = regex.charAt(i);
      out.append(c);
      if (c == '\\' && i + 1 < n) {
        char e = regex.charAt(++i);
        out.append(e);
        if (!inClass && e == 's' && quantifierAt(regex, i + 1)) {
          out.append(regex.charAt(++i)).append('+');
        }
        continue;
      }
      if (c == '[' && !inClass) {
        inClass = true;
      } else if (c == ']' && inClass) {
        inClass = false;
        if (quantifierAt(regex, i + 1)
            && (i + 2 >= n || !Character.isLetterOrDigit(regex.charAt(i + 2)))) {
          out.append(regex.charAt(++i)).append('+');
        }
      }
    }
    return out.toString();
  }

  /** A greedy + or * at {@code i} (not already lazy or possessive). */
  private static boolean quantifierAt(String regex, int i) {
    if (i >= regex.length()) {
      return false;
    }
    char q = regex.charAt(i);
    if (q != '+' && q != '*') {
      return false;
    }
    return i + 1 >= regex.length() || (regex.charAt(i + 1) != '?' && regex.charAt(i + 1) != '+');
  }
}
