package org.stomacds.engine.narrative;

import java.util.List;
import java.util.regex.Pattern;
import org.stomacds.engine.narrative.RegexTokens.Kind;
import org.stomacds.engine.narrative.RegexTokens.Token;

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
    List<Token> tokens = RegexTokens.of(regex);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      out.append(t.text());
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (next == null || !greedyRun(next)) {
        continue;
      }
      boolean space = t.is(Kind.ESCAPE) && t.text().equals("\\s");
      boolean run =
          t.is(Kind.CLASS)
              && (next.end() >= regex.length()
                  || !Character.isLetterOrDigit(regex.charAt(next.end())));
      if (space || run) {
        out.append(next.text()).append('+');
        i++;
      }
    }
    return out.toString();
  }

  /** A greedy + or * (not already lazy or possessive). */
  private static boolean greedyRun(Token t) {
    return t.is(Kind.QUANTIFIER) && (t.text().equals("+") || t.text().equals("*"));
  }
}
