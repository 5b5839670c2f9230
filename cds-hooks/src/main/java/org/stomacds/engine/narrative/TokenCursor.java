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
  private int wordStart;
  private int wordEnd;
  private String word;
  private int hash;
  private boolean hashed;
  private char punct;

  /** A cursor sitting at {@code at}, able to move within {@code [min, max)}. */
  TokenCursor(String s, int min, int max, int at) {
    this.s = s;
    this.min = min;
    this.max = max;
    this.start = at;
    this.end = at;
    this.wordStart = -1;
  }

  /** A cursor at the same place, to look ahead or back without moving this one. */
  TokenCursor copy() {
    TokenCursor c = new TokenCursor(s, min, max, start);
    c.start = start;
    c.end = end;
    c.wordStart = wordStart;
    c.wordEnd = wordEnd;
    c.word = word;
    c.hash = hash;
    c.hashed = hashed;
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
    wordStart = -1;
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
    word = null;
    hashed = false;
    if (tb == te) {
      wordStart = -1;
      punct = s.charAt(b);
    } else {
      wordStart = tb;
      wordEnd = te;
      punct = 0;
    }
    return true;
  }

  /** Whether the current token is a word (not punctuation). */
  boolean isWord() {
    return wordStart >= 0;
  }

  /** Whether the current word is one of {@code words} (made no String to ask). */
  boolean in(WordSet words) {
    if (wordStart < 0) {
      return false;
    }
    if (!hashed) {
      hash = WordSet.hash(s, wordStart, wordEnd);
      hashed = true;
    }
    return words.contains(s, wordStart, wordEnd, hash);
  }

  /** Whether the current word is exactly {@code w}. */
  boolean is(String w) {
    return wordStart >= 0
        && wordEnd - wordStart == w.length()
        && s.regionMatches(wordStart, w, 0, w.length());
  }

  /** Whether the current word starts with {@code prefix}. */
  boolean startsWith(String prefix) {
    return wordStart >= 0
        && wordEnd - wordStart >= prefix.length()
        && s.regionMatches(wordStart, prefix, 0, prefix.length());
  }

  /** Whether the current word ends with {@code suffix}. */
  boolean endsWith(String suffix) {
    return wordStart >= 0
        && wordEnd - wordStart >= suffix.length()
        && s.regionMatches(wordEnd - suffix.length(), suffix, 0, suffix.length());
  }

  /** The current word, or null when the current token is punctuation. */
  String word() {
    if (word == null && wordStart >= 0) {
      word = s.substring(wordStart, wordEnd);
    }
    return word;
  }

  /** The current punctuation character, or 0 when the current token is a word. */
  char punct() {
    return punct;
  }

  boolean isNumber() {
    return wordStart >= 0 && Character.isDigit(s.charAt(wordStart));
  }

  /**
   * Whether the current word is the whole part of a decimal ("0" of "0.1 mg/kg"): a dose, not the
   * "0" of "EBL: 0".
   */
  boolean startsDecimal() {
    return wordStart >= 0
        && wordEnd + 1 < s.length()
        && s.charAt(wordEnd) == '.'
        && Character.isDigit(s.charAt(wordEnd + 1));
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
