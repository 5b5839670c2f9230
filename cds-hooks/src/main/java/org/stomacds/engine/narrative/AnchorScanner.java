package org.stomacds.engine.narrative;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds which {@link Feature}s a stretch of folded text holds, in one pass whatever the number of
 * anchors (an Aho-Corasick automaton over ASCII, built once). Characters outside ASCII restart the
 * automaton, which only means an anchor spelled with them is not found.
 */
final class AnchorScanner {

  private static final int ALPHABET = 128;
  static final AnchorScanner INSTANCE = new AnchorScanner();

  private final int[] delta;
  private final long[] out;

  private AnchorScanner() {
    if (Feature.values().length > Long.SIZE) {
      throw new IllegalStateException("more features than bits in a mask");
    }
    List<int[]> next = new ArrayList<>();
    List<Long> outputs = new ArrayList<>();
    next.add(newRow());
    outputs.add(0L);
    for (Feature f : Feature.values()) {
      for (String anchor : f.anchors()) {
        int state = 0;
        for (int i = 0; i < anchor.length(); i++) {
          char c = anchor.charAt(i);
          if (c >= ALPHABET) {
            throw new IllegalStateException("anchor outside ASCII: " + anchor);
          }
          int to = next.get(state)[c];
          if (to < 0) {
            to = next.size();
            next.get(state)[c] = to;
            next.add(newRow());
            outputs.add(0L);
          }
          state = to;
        }
        outputs.set(state, outputs.get(state) | f.bit());
      }
    }
    int states = next.size();
    int[] fail = new int[states];
    delta = new int[states * ALPHABET];
    out = new long[states];
    for (int s = 0; s < states; s++) {
      out[s] = outputs.get(s);
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int to = next.get(0)[c];
      if (to > 0) {
        fail[to] = 0;
        delta[c] = to;
        queue.add(to);
      } else {
        delta[c] = 0;
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out[s] |= out[fail[s]];
      for (int c = 0; c < ALPHABET; c++) {
        int to = next.get(s)[c];
        if (to > 0) {
          fail[to] = delta[fail[s] * ALPHABET + c];
          delta[s * ALPHABET + c] = to;
          queue.add(to);
        } else {
          delta[s * ALPHABET + c] = delta[fail[s] * ALPHABET + c];
        }
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }

  /** The features whose anchors occur in {@code text[from, to)}. */
  long scan(String text, int from, int to) {
    int state = 0;
    long mask = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      state = c < ALPHABET ? delta[state * ALPHABET + c] : 0;
      mask |= out[state];
    }
    return mask;
  }
}
