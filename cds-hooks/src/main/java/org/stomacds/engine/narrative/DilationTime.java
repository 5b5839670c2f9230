package org.stomacds.engine.narrative;

import java.util.List;

/**
 * Whether a size near a lumen's words is told as before or after the dilation, from the nearest
 * explicit time cue in its sentence ("pre-dilation 6 mm", "after dilation, 14 mm", "initially
 * pinpoint"). Reads offsets only: no word becomes a String. One per reading (it keeps the words of
 * the window it last read).
 */
final class DilationTime {

  private final String f;
  private final List<Sentence> sentences;

  DilationTime(String f, List<Sentence> sentences) {
    this.f = f;
    this.sentences = sentences;
  }

  /** The words of the window {@link #direction} reads: token and trimmed word bounds. */
  private final int[] starts = new int[MAX_WORDS];

  private final int[] ends = new int[MAX_WORDS];
  private final int[] wordStarts = new int[MAX_WORDS];
  private final int[] wordEnds = new int[MAX_WORDS];
  private int words;
  private static final int MAX_WORDS = 64;

  /**
   * +1 when the nearest explicit time cue in the sentence says "after the dilation", -1 when it
   * says "before", 0 when there is none. Reads offsets only: no word becomes a String.
   */
  int direction(int sentence, int at) {
    Sentence s = sentences.get(sentence);
    // Only the clause of the size: "pinpoint, could not be crossed; ... passed after dilation" and
    // "lumen 5 mm; after dilation 11 mm" date the other clause, not this one.
    int from = clauseStart(Math.max(s.start(), at - 160), at);
    int to = clauseEnd(Math.min(s.end(), at + 160), at);
    words = 0;
    TokenCursor c = new TokenCursor(f, from, to, from);
    while (c.next() && words < MAX_WORDS) {
      if (c.isWord()) {
        starts[words] = c.start();
        ends[words] = c.end();
        wordStarts[words] = c.wordStart();
        wordEnds[words] = c.wordEnd();
        words++;
      }
    }
    int best = 0;
    int bestDistance = Integer.MAX_VALUE;
    int contrast = 0;
    for (int k = 0; k < words; k++) {
      int dir = cueDirection(k, at);
      if (dir != 0 && starts[k] > at && labelsTheNextSize(k, at)) {
        // "The lumen measured 6 mm, after dilation 14 mm": the next size's cue, and by contrast
        // this one is the other side of the dilation (when nothing nearer says)
        if (contrast == 0 && Character.isDigit(f.charAt(at))) {
          contrast = -dir;
        }
        continue;
      }
      if (dir != 0) {
        // The gap between the cue and the number: "predilatation 6 mm, postdilatation 14 mm".
        int d = starts[k] < at ? at - ends[k] : starts[k] - at;
        if (d < bestDistance) {
          bestDistance = d;
          best = dir;
        }
      }
    }
    return best != 0 ? best : contrast;
  }

  /** After the last semicolon before {@code at}, not before {@code from}. */
  private int clauseStart(int from, int at) {
    int semi = f.lastIndexOf(';', at - 1);
    return semi >= from ? semi + 1 : from;
  }

  /** Before the first semicolon after {@code at}, not after {@code to}. */
  private int clauseEnd(int to, int at) {
    int semi = f.indexOf(';', at);
    return semi >= 0 && semi < to ? semi : to;
  }

  /**
   * "lumen 5 mm, after dilation 11 mm": a cue after the size, past a comma, with a size of its own
   * right after it, dates that size and not the one before it.
   */
  private boolean labelsTheNextSize(int k, int at) {
    if (f.indexOf(',', at) < 0 || f.indexOf(',', at) > starts[k]) {
      return false;
    }
    for (int j = k + 1; j < Math.min(words, k + 5); j++) {
      if (f.indexOf('.', ends[k]) >= 0 && f.indexOf('.', ends[k]) < wordStarts[j]) {
        return false;
      }
      if (Character.isDigit(f.charAt(wordStarts[j]))) {
        return SIZE.matcher(f)
            .region(wordStarts[j], Math.min(f.length(), wordStarts[j] + 12))
            .lookingAt();
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern SIZE =
      Rx.compile("\\d{1,2}(?:\\.\\d)?\\s*(?:mm|millimet)");

  private static final WordSet BEFORE_IF_DILATION = WordSet.of("before", "prior");
  private static final WordSet AFTER_IF_DILATION = WordSet.of("after", "following", "status");
  private static final WordSet BEFORE_ALWAYS =
      WordSet.of("initially", "initial", "originally", "baseline", "beforehand");

  /** After "before": a verb or a pronoun, so "before" says when ("the lumen before was 10 mm"). */
  private static final WordSet AFTER_A_LONE_BEFORE =
      WordSet.of("was", "were", "is", "measured", "measuring", "it", "this");

  private static final WordSet AFTER_ALWAYS =
      WordSet.of(
          "afterwards",
          "afterward",
          "thereafter",
          "subsequently",
          "resulting",
          "final",
          "finally",
          "achieved",
          "improved",
          "increased",
          "widened",
          "enlarged",
          "opened");

  /** What "dilated" names when followed by one of these: "the dilated stricture". */
  private static final WordSet DILATED_PLACE =
      WordSet.of("segment", "area", "site", "lumen", "region", "portion");

  /** Words right before "dilated" that put that dilation at another time. */
  private static final WordSet OTHER_TIME_BEFORE =
      WordSet.of("previously", "prior", "recently", "earlier", "already", "formerly", "last");

  /** A word that puts a dilation named near it at another time than this session. */
  private boolean otherTime(int k) {
    return Elsewhen.isAnotherTime(f, wordStarts[k], wordEnds[k]);
  }

  private static final WordSet DILATION_NOUNS = WordSet.of("treatment", "therapy", "intervention");

  private boolean in(int k, WordSet set) {
    return set.contains(f, wordStarts[k], wordEnds[k]);
  }

  private boolean is(int k, String w) {
    return wordEnds[k] - wordStarts[k] == w.length() && f.startsWith(w, wordStarts[k]);
  }

  private boolean startsWith(int k, String prefix) {
    return wordEnds[k] - wordStarts[k] >= prefix.length() && f.startsWith(prefix, wordStarts[k]);
  }

  private int cueDirection(int k, int at) {
    int side = SizeCues.dilationSide(f, wordStarts[k], wordEnds[k]);
    if (side != 0) {
      // "pre-dil", "post-dilation"; a bare "pre"/"post" only as a label ("Pre ~7 mm", "post:
      // 15mm") or before a dilation word ("post balloon").
      boolean bare = is(k, "pre") || is(k, "post");
      if (bare) {
        if (wordEnds[k] < f.length() && f.charAt(wordEnds[k]) == ':' && !labelsANumber(k)) {
          // "Post: admits the pediatric colonoscope": the label dates what it heads
          return side;
        }
        if (labelsANumber(k)) {
          // "pre ~6mm post ~11mm": a bare label dates only the number it labels
          return Math.abs(wordStarts[k + 1] - at) <= 2 ? side : 0;
        }
        return dilationWithin(k) ? side : 0;
      }
      return otherTimeWithin(k + 1, k + 4) ? 0 : side;
    }
    if (in(k, BEFORE_IF_DILATION)) {
      return dilationWithin(k) || standsAlone(k) ? -1 : 0;
    }
    if (in(k, AFTER_IF_DILATION)) {
      return dilationWithin(k) || (is(k, "after") && f.startsWith(":", wordEnds[k])) ? 1 : 0;
    }
    if (in(k, BEFORE_ALWAYS)) {
      return -1;
    }
    if (in(k, AFTER_ALWAYS)) {
      // not "by comparison to the opened biopsy forceps": the device's state, not a time
      return k + 1 < words && in(k + 1, SizeCues.OPENED_DEVICES) ? 0 : 1;
    }
    if (is(k, "dilated")) {
      if (k > 0 && in(k - 1, OTHER_TIME_BEFORE)) {
        // "the previously dilated stricture": dilated some other time, narrow again now.
        return 0;
      }
      if (k + 1 < words && (startsWith(k + 1, "strictur") || in(k + 1, DILATED_PLACE))) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * "The lumen before was 10 mm", "it measured 10 mm before": an adverb of this procedure's time,
   * with a verb or nothing after it rather than the thing it precedes.
   */
  private boolean standsAlone(int k) {
    // or it ends a label: "Diameter before: approximately 9 mm"
    return k + 1 >= words || in(k + 1, AFTER_A_LONE_BEFORE) || f.startsWith(":", wordEnds[k]);
  }

  /** "Pre 7mm", "post ~15 mm": the next word is a number (punctuation is not a word). */
  private boolean labelsANumber(int k) {
    if (k + 1 >= words) {
      return false;
    }
    int at = wordStarts[k + 1];
    while (at < wordEnds[k + 1] && (f.charAt(at) == '~' || f.charAt(at) == '\u2248')) {
      at++;
    }
    return at < f.length() && Character.isDigit(f.charAt(at));
  }

  /**
   * Whether a dilation word follows word {@code k} closely, and that dilation is this session's:
   * "after the previous dilation", "after dilation 2 weeks ago" and "status post dilation this
   * morning" speak of another one.
   */
  private boolean dilationWithin(int k) {
    int limit = Math.min(words, k + 4);
    for (int j = k + 1; j < limit; j++) {
      if (otherTime(j)) {
        return false;
      }
      if (isDilationWord(j)) {
        return !otherTimeWithin(j + 1, j + 4);
      }
    }
    return false;
  }

  private boolean otherTimeWithin(int from, int to) {
    for (int t = from; t < Math.min(words, to); t++) {
      if (otherTime(t)) {
        return true;
      }
    }
    return false;
  }

  private boolean isDilationWord(int k) {
    // terse notes write "after dil", "post dil'd"
    return startsWith(k, "dilat")
        || is(k, "dil")
        || is(k, "dil'd")
        || is(k, "dild")
        || startsWith(k, "inflat")
        || startsWith(k, "balloon")
        || in(k, DILATION_NOUNS);
  }
}
