package org.stomacds.engine.narrative;

/**
 * Steps over the words and punctuation of folded text, backwards or forwards, within bounds. A word
 * is a run of letters, digits, apostrophes, hyphens and slashes ("post-dilation", "didn't", "n/a");
 * anything else is a one-character punctuation token. Steps are bounded (a run of spaces or a
 * "word" longer than a few dozen characters ends the walk) so that no caller can turn a long
 * adversarial input into quadratic work.
 */
final class TokenCursor {

  private static final int MAX_TOKEN = 64;
  private static final int MAX_GAP = 64;

  private final String s;
  private final int min;
  private final int max;
  private int start;
  private int end;
  private String word;
  private char punct;

  /** A cursor sitting at {@code at}, able to move within {@code [min, max)}. */
  TokenCursor(String s, int min, int max, int at) {
    this.s = s;
    this.min = min;
    this.max = max;
    this.start = at;
    this.end = at;
  }

  /** A cursor at the same place, to look ahead or back without moving this one. */
  TokenCursor copy() {
    TokenCursor c = new TokenCursor(s, min, max, start);
    c.start = start;
    c.end = end;
    c.word = word;
    c.punct = punct;
    return c;
  }

  /** Moves to the token before the current one; false when there is none (or the walk gave up). */
  boolean prev() {
    int e = start;
    int gap = 0;
    while (e > min && isSpace(s.charAt(e - 1))) {
      e--;
      if (++gap > MAX_GAP) {
        return false;
      }
    }
    if (e <= min) {
      return false;
    }
    char c = s.charAt(e - 1);
    if (!isWordChar(c)) {
      return punctuation(e - 1);
    }
    int b = e;
    while (b > min && isWordChar(s.charAt(b - 1))) {
      b--;
      if (e - b > MAX_TOKEN) {
        return false;
      }
    }
    return word(b, e);
  }

  /** Moves to the token after the current one; false when there is none (or the walk gave up). */
  boolean next() {
    int b = end;
    int gap = 0;
    while (b < max && isSpace(s.charAt(b))) {
      b++;
      if (++gap > MAX_GAP) {
        return false;
      }
    }
    if (b >= max) {
      return false;
    }
    char c = s.charAt(b);
    if (!isWordChar(c)) {
      return punctuation(b);
    }
    int e = b;
    while (e < max && isWordChar(s.charAt(e))) {
      e++;
      if (e - b > MAX_TOKEN) {
        return false;
      }
    }
    return word(b, e);
  }

  private boolean punctuation(int at) {
    start = at;
    end = at + 1;
    word = null;
    punct = s.charAt(at);
    return true;
  }

  private boolean word(int b, int e) {
    start = b;
    end = e;
    int tb = b;
    int te = e;
    while (tb < te && isJoiner(s.charAt(tb))) {
      tb++;
    }
    while (te > tb && isJoiner(s.charAt(te - 1))) {
      te--;
    }
    if (tb == te) {
      word = null;
      punct = s.charAt(b);
    } else {
      word = s.substring(tb, te);
      punct = 0;
    }
    return true;
  }

  /** The current word, or null when the current token is punctuation. */
  String word() {
    return word;
  }

  /** The current punctuation character, or 0 when the current token is a word. */
  char punct() {
    return punct;
  }

  boolean isNumber() {
    return word != null && Character.isDigit(word.charAt(0));
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || isJoiner(c);
  }

  private static boolean isJoiner(char c) {
    return c == '\'' || c == '-' || c == '/';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n';
  }
}
