package org.stomacds.engine.narrative;

/**
 * A fixed set of words that answers "is text[from, to) one of us?" without making a String: the cue
 * and filler tables are asked this for almost every token of a note.
 */
final class WordSet {

  private final String[] table;
  private final int mask;

  /**
   * A bit per length (up to 63) and per first character (a bit per low six bits of it) of the
   * words: most words of a note are in no set, and these say so before any hashing.
   */
  private final long lengths;

  private final long firsts;

  private WordSet(String... words) {
    int size = Integer.highestOneBit(Math.max(4, words.length * 3)) << 1;
    table = new String[size];
    mask = size - 1;
    long l = 0;
    long fc = 0;
    for (String w : words) {
      l |= 1L << Math.min(w.length(), 63);
      fc |= 1L << (w.isEmpty() ? 0 : w.charAt(0) & 63);
    }
    lengths = l;
    firsts = fc;
    for (String w : words) {
      int slot = hash(w, 0, w.length()) & mask;
      while (table[slot] != null && !table[slot].equals(w)) {
        slot = (slot + 1) & mask;
      }
      table[slot] = w;
    }
  }

  static WordSet of(String... words) {
    return new WordSet(words);
  }

  boolean contains(String word) {
    return word != null && contains(word, 0, word.length());
  }

  boolean contains(String text, int from, int to) {
    return mayContain(text, from, to) && contains(text, from, to, hash(text, from, to));
  }

  /** False when no word of the set has this length and first character: no need to hash. */
  boolean mayContain(String text, int from, int to) {
    int len = to - from;
    return len > 0
        && (lengths & (1L << Math.min(len, 63))) != 0
        && (firsts & (1L << (text.charAt(from) & 63))) != 0;
  }

  /** As {@link #contains(String, int, int)}, with the range's {@link #hash} already known. */
  boolean contains(String text, int from, int to, int hash) {
    int slot = hash & mask;
    int len = to - from;
    for (String w = table[slot]; w != null; w = table[slot]) {
      if (w.length() == len && text.regionMatches(from, w, 0, len)) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
    return false;
  }

  static int hash(String text, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + text.charAt(i);
    }
    return h ^ (h >>> 16);
  }
}
