package org.stomacds.engine.narrative;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds which anchors (plain lower-case substrings) a stretch of folded text holds, in one pass
 * whatever their number: an Aho-Corasick automaton over ASCII, built once. Characters outside ASCII
 * restart the automaton, which only means an anchor spelled with them is not found.
 */
final class AnchorScanner {

  private static final int ALPHABET = 128;

  /** A transition's target state, in its low bits; {@link #REPORTS} marks one that has anchors. */
  private static final int STATE = 0x7FFF;

  private static final int REPORTS = 0x8000;

  private static final boolean[] ASCII_WORD = new boolean[ALPHABET];

  static {
    for (char c = 0; c < ALPHABET; c++) {
      ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }
  }

  /** Character classes: each character used by an anchor gets its own, all others share 0. */
  private final byte[] classOf = new byte[ALPHABET];

  private final int classes;

  /** Anchors from this id on are listed apart by {@link #scan}. */
  private final int primary;

  private final int words;
  private final int[] lengths;
  private final char[] delta;
  private final int[][] out;

  /**
   * An automaton for {@code anchors}; an anchor's id is its index in the list. A space in an anchor
   * also finds a line break (folded text has no other white space): "blood loss" is found across a
   * wrapped line.
   */
  AnchorScanner(List<String> given) {
    this(given, given.size());
  }

  /**
   * As {@link #AnchorScanner(List)}, where the anchors from id {@code primary} on are only looked
   * for, not tried at: {@link #scan} lists them apart, without their word starts.
   */
  AnchorScanner(List<String> given, int primary) {
    this.primary = primary;
    List<String> anchors = given.stream().map(a -> a.replace('\n', ' ')).toList();
    this.words = (anchors.size() + Long.SIZE - 1) / Long.SIZE;
    this.lengths = anchors.stream().mapToInt(String::length).toArray();
    int used = 1;
    for (String anchor : anchors) {
      for (int i = 0; i < anchor.length(); i++) {
        char c = anchor.charAt(i);
        if (c >= ALPHABET) {
          throw new IllegalStateException("anchor outside ASCII: " + anchor);
        }
        if (classOf[c] == 0) {
          classOf[c] = (byte) used++;
        }
      }
    }
    // A line break is a space to the automaton.
    classOf['\n'] = classOf[' '];
    this.classes = used;
    List<int[]> next = new ArrayList<>();
    List<List<Integer>> outputs = new ArrayList<>();
    next.add(newRow());
    outputs.add(new ArrayList<>());
    for (int id = 0; id < anchors.size(); id++) {
      String anchor = anchors.get(id);
      int state = 0;
      for (int i = 0; i < anchor.length(); i++) {
        int c = classOf[anchor.charAt(i)];
        int to = next.get(state)[c];
        if (to < 0) {
          to = next.size();
          next.get(state)[c] = to;
          next.add(newRow());
          outputs.add(new ArrayList<>());
        }
        state = to;
      }
      outputs.get(state).add(id);
    }
    int states = next.size();
    int[] fail = new int[states];
    if (states > Character.MAX_VALUE) {
      throw new IllegalStateException("too many anchor states: " + states);
    }
    delta = new char[states * classes];
    out = new int[states][];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 1; c < classes; c++) {
      int to = next.get(0)[c];
      delta[c] = (char) Math.max(to, 0);
      if (to > 0) {
        queue.add(to);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      // Everything the fail state reports is also found here (its anchors are suffixes of ours).
      outputs.get(s).addAll(outputs.get(fail[s]));
      for (int c = 1; c < classes; c++) {
        int to = next.get(s)[c];
        if (to > 0) {
          fail[to] = delta[fail[s] * classes + c];
          delta[s * classes + c] = (char) to;
          queue.add(to);
        } else {
          delta[s * classes + c] = delta[fail[s] * classes + c];
        }
      }
    }
    for (int s = 0; s < states; s++) {
      List<Integer> o = outputs.get(s);
      out[s] = o.isEmpty() ? null : o.stream().mapToInt(Integer::intValue).distinct().toArray();
    }
    renumberBreadthFirst(next, states);
  }

  /**
   * Numbers the states in breadth-first order (the root, then the states one character deep...) and
   * marks each transition into a state that reports anchors with {@link #REPORTS}. Text spends
   * nearly all its time in shallow states, so their rows sit together at the start of the table and
   * stay in cache; and a character that completes no anchor costs one table read.
   */
  private void renumberBreadthFirst(List<int[]> next, int states) {
    if (states > STATE) {
      throw new IllegalStateException("too many anchor states: " + states);
    }
    int[] order = new int[states];
    int[] newId = new int[states];
    int n = 0;
    order[n++] = 0;
    for (int head = 0; head < n; head++) {
      int[] row = next.get(order[head]);
      for (int c = 1; c < classes; c++) {
        if (row[c] > 0) {
          order[n++] = row[c];
        }
      }
    }
    for (int i = 0; i < states; i++) {
      newId[order[i]] = i;
    }
    char[] renumbered = new char[delta.length];
    int[][] outputs = new int[states][];
    for (int old = 0; old < states; old++) {
      int s = newId[old];
      outputs[s] = out[old];
      for (int c = 0; c < classes; c++) {
        int to = delta[old * classes + c];
        renumbered[s * classes + c] = (char) (newId[to] | (out[to] != null ? REPORTS : 0));
      }
    }
    System.arraycopy(renumbered, 0, delta, 0, delta.length);
    System.arraycopy(outputs, 0, out, 0, states);
  }

  private int[] newRow() {
    int[] row = new int[classes];
    Arrays.fill(row, -1);
    return row;
  }

  /** A bit set with the given anchor ids. */
  long[] bits(int... ids) {
    long[] b = new long[words];
    for (int id : ids) {
      b[id >>> 6] |= 1L << id;
    }
    return b;
  }

  /** How many word starts {@link #scan} remembers: more than any anchor spans. */
  private static final int RECENT = 32;

  /**
   * Appends every anchor occurrence in {@code text[from, to)} to {@code occurrences} as the triple
   * (id, start of the anchor, start of the word that holds the anchor's first character), in order
   * of their ends. Patterns are tried at that word start, so it is worked out here, in the same
   * pass: the scan remembers where the last words started, so an anchor that spans words ("blood
   * loss") or starts with a mark finds its word start without walking back.
   */
  void scan(String text, int from, int to, Ints occurrences) {
    scan(text, from, to, occurrences, occurrences);
  }

  /**
   * As {@link #scan(String, int, int, Ints)}, with the anchors from id {@code primary} on appended
   * to {@code apart} as pairs (id, start of the anchor), in order of their ends.
   */
  void scan(String text, int from, int to, Ints occurrences, Ints apart) {
    int state = 0;
    int wordStart = from;
    int[] starts = new int[RECENT];
    int words = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < ALPHABET) {
        if (!ASCII_WORD[c]) {
          wordStart = i + 1;
        } else if (i == wordStart) {
          starts[words++ & (RECENT - 1)] = i;
        }
        int move = delta[state * classes + classOf[c]];
        state = move & STATE;
        if (move < REPORTS) {
          continue;
        }
      } else {
        if (!Character.isLetterOrDigit(c)) {
          wordStart = i + 1;
        } else if (i == wordStart) {
          starts[words++ & (RECENT - 1)] = i;
        }
        // The root reports nothing.
        state = 0;
        continue;
      }
      int[] ids = out[state];
      if (ids != null) {
        for (int id : ids) {
          int anchorStart = i + 1 - lengths[id];
          if (id >= primary) {
            apart.add(id);
            apart.add(anchorStart);
            continue;
          }
          occurrences.add(id);
          occurrences.add(anchorStart);
          occurrences.add(
              anchorStart >= wordStart
                  ? wordStart
                  : wordStartBefore(text, anchorStart, from, starts, words));
        }
      }
    }
  }

  private static boolean isWordChar(char c) {
    return c < ALPHABET ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
  }

  /**
   * For an anchor that spans words ("blood loss") or starts with a mark: the start of the run of
   * word characters that ends at {@code at} ({@code at} itself when there is none), at most 64
   * characters back. {@code starts} holds the last word starts the scan saw, {@code words} of them
   * in all.
   */
  private static int wordStartBefore(String text, int at, int min, int[] starts, int words) {
    if (at <= min || !isWordChar(text.charAt(at - 1))) {
      return at;
    }
    for (int w = words - 1; w >= 0 && w >= words - RECENT; w--) {
      int start = starts[w & (RECENT - 1)];
      if (start < at) {
        // The run that holds at - 1 is the last one started before it.
        return Math.max(start, at - 64);
      }
    }
    int b = at;
    while (b > min && isWordChar(text.charAt(b - 1)) && at - b < 64) {
      b--;
    }
    return b;
  }

  static boolean has(long[] bits, int id) {
    return (bits[id >>> 6] & (1L << id)) != 0;
  }
}
