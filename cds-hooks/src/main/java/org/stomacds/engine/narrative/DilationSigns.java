package org.stomacds.engine.narrative;

import java.util.Arrays;
import java.util.List;

/**
 * Where this session's dilation shows in a note (a balloon size, an inflation count or duration,
 * "was dilated"): a lumen stated after the first sign is the lumen after dilation.
 */
final class DilationSigns {

  private final List<Sentence> sentences;
  private final Ints signs = new Ints(8);
  private int first = Integer.MAX_VALUE;

  DilationSigns(List<Sentence> sentences) {
    this.sentences = sentences;
  }

  /**
   * A sign of this session's dilation at {@code at} in sentence {@code i}. A title line names the
   * dilation without saying when it came, so it dates nothing.
   */
  void add(int i, int at) {
    if (sentences.get(i).section() != Section.TITLE) {
      first = Math.min(first, at);
      signs.add(at);
    }
  }

  /** Offset of the first sign, {@code Integer.MAX_VALUE} when there is none. */
  int first() {
    return first;
  }

  /** Offsets of every sign, in note order. */
  int[] inOrder() {
    int[] out = signs.toArray();
    Arrays.sort(out);
    return out;
  }
}
