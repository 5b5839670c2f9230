package org.stomacds.engine.narrative;

/**
 * A fixed set of words that answers "is text[from, to) one of us?" without making a String: the cue
 * and filler tables are asked this for almost every token of a note.
 */
final class WordSet {

  private final String[] table;
  private final int mask;

  private WordSet(String... words) {
    int size = Integer.highestOneBit(Math.max(4, words.length * 3)) << 1;
    table = new String[size];
    mask = size - 1;
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
    return contains(text, from, to, hash(text, from, to));
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
