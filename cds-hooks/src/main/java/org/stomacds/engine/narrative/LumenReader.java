package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.POST_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.PRE_DILATION_LUMEN;

import java.util.ArrayList;
import java.util.List;

/**
 * The lumen before and after dilation: sizes and scope passage, each placed before or after the
 * dilation by the nearest time word of its sentence ("after dilation", "initially"), else by where
 * it stands in the note relative to the first sign of dilation.
 */
final class LumenReader {

  private final IndexedNote note;
  private final String f;
  private final List<Sentence> sentences;
  private final List<Hit> hits;
  private final List<Value> lumenSizes;
  private final int firstDilation;
  private final Mentions mentions;
  private final NoteReading.Builder out;

  LumenReader(IndexedNote note, List<Hit> hits, NumberFinder.Found numbers, Mentions mentions) {
    this.note = note;
    this.f = note.f;
    this.sentences = note.sentences;
    this.hits = hits;
    this.lumenSizes = numbers.lumenSizes();
    this.firstDilation = numbers.firstDilation();
    this.mentions = mentions;
    this.out = mentions.out;
  }

  void read() {
    lumen();
  }

  private void lumen() {
    for (Value v : lumenSizes) {
      boolean post = !v.flag() && isAfterDilation(v.sentence(), v.start());
      if (post) {
        if (out.postLumen == null) {
          out.postLumen = v.value();
        }
        mentions.mention(POST_DILATION_LUMEN, false, v);
      } else {
        if (out.preLumen == null) {
          out.preLumen = v.value();
        }
        mentions.mention(PRE_DILATION_LUMEN, false, v);
      }
    }
    for (Hit h : hits) {
      switch (h.tag()) {
        case LUMEN_PIN -> {
          if (h.polarity() != Polarity.UNRECORDED) {
            boolean post = temporal(h.sentence(), h.start()) > 0;
            mentions.mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_PASS_NEG -> {
          int when = temporal(h.sentence(), h.start());
          if (h.polarity() != Polarity.UNRECORDED && (when != 0 || aboutStricture(h))) {
            boolean post = when > 0 || (when == 0 && h.start() > firstDilation);
            mentions.mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_PASS_POS -> {
          if (h.polarity() != Polarity.AFFIRMED) {
            continue;
          }
          int when = temporal(h.sentence(), h.start());
          if (when < 0) {
            mentions.mention(PRE_DILATION_LUMEN, false, h);
          } else if (when > 0 || (aboutStricture(h) && h.start() > firstDilation)) {
            mentions.mention(POST_DILATION_LUMEN, false, h);
          }
        }
        case LUMEN_NEG_ONLY -> {
          if (h.polarity().isNegative()) {
            boolean post = f.startsWith("post", h.start());
            mentions.mention(post ? POST_DILATION_LUMEN : PRE_DILATION_LUMEN, true, h);
          }
        }
        default -> {
          // not a lumen phrase
        }
      }
    }
  }

  private boolean aboutStricture(Hit h) {
    return note.has(h.sentence(), Feature.STRICTURE, Feature.PINHOLE, Feature.LUMEN);
  }

  /** A lumen size is "after" when its sentence says so, or when the dilation came before it. */
  private boolean isAfterDilation(int sentence, int at) {
    int when = temporal(sentence, at);
    return when != 0 ? when > 0 : at > firstDilation;
  }

  /**
   * +1 when the nearest explicit time cue in the sentence says "after the dilation", -1 when it
   * says "before", 0 when there is none.
   */
  private int temporal(int sentence, int at) {
    Sentence s = sentences.get(sentence);
    int from = Math.max(s.start(), at - 160);
    int to = Math.min(s.end(), at + 160);
    List<String> words = new ArrayList<>(32);
    int[] starts = new int[64];
    int[] ends = new int[64];
    TokenCursor c = new TokenCursor(f, from, to, from);
    while (c.next() && words.size() < starts.length) {
      if (c.isWord()) {
        starts[words.size()] = c.start();
        ends[words.size()] = c.end();
        words.add(c.word());
      }
    }
    int best = 0;
    int bestDistance = Integer.MAX_VALUE;
    for (int k = 0; k < words.size(); k++) {
      int dir = cueDirection(words, k);
      if (dir != 0) {
        // The gap between the cue and the number: "predilatation 6 mm, postdilatation 14 mm".
        int d = starts[k] < at ? at - ends[k] : starts[k] - at;
        if (d < bestDistance) {
          bestDistance = d;
          best = dir;
        }
      }
    }
    return best;
  }

  private static int cueDirection(List<String> words, int k) {
    String w = words.get(k);
    int side = Quantities.dilationSide(w);
    if (side != 0) {
      // "pre-dil", "post-dilation"; a bare "pre"/"post" only as a label ("Pre ~7 mm", "post:
      // 15mm") or before a dilation word ("post balloon").
      boolean bare = w.equals("pre") || w.equals("post");
      if (bare) {
        return labelsANumber(words, k) || dilationWithin(words, k) ? side : 0;
      }
      return otherTimeWithin(words, k + 1, k + 4) ? 0 : side;
    }
    switch (w) {
      case "before", "prior" -> {
        return dilationWithin(words, k) || standsAlone(words, k) ? -1 : 0;
      }
      case "beforehand" -> {
        return -1;
      }
      case "after", "following", "status" -> {
        return dilationWithin(words, k) ? 1 : 0;
      }
      case "initially", "initial", "originally", "baseline" -> {
        return -1;
      }
      case "afterwards",
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
          "opened" -> {
        return 1;
      }
      case "dilated" -> {
        if (k > 0 && OTHER_TIME_BEFORE.contains(words.get(k - 1))) {
          // "the previously dilated stricture": dilated some other time, narrow again now.
          return 0;
        }
        if (k + 1 < words.size()) {
          String n = words.get(k + 1);
          if (n.startsWith("strictur")
              || n.equals("segment")
              || n.equals("area")
              || n.equals("site")
              || n.equals("lumen")
              || n.equals("region")
              || n.equals("portion")) {
            return 1;
          }
        }
        return 0;
      }
      default -> {
        return 0;
      }
    }
  }

  /**
   * "The lumen before was 10 mm", "it measured 10 mm before": an adverb of this procedure's time,
   * with a verb or nothing after it rather than the thing it precedes.
   */
  private static boolean standsAlone(List<String> words, int k) {
    if (k + 1 >= words.size()) {
      return true;
    }
    return switch (words.get(k + 1)) {
      case "was", "were", "is", "measured", "measuring", "it", "this" -> true;
      default -> false;
    };
  }

  /** "Pre 7mm", "post ~15 mm": the next word is a number (punctuation is not in the list). */
  private static boolean labelsANumber(List<String> words, int k) {
    return k + 1 < words.size() && Character.isDigit(words.get(k + 1).charAt(0));
  }

  /** Words right before "dilated" that put that dilation at another time. */
  private static final java.util.Set<String> OTHER_TIME_BEFORE =
      java.util.Set.of("previously", "prior", "recently", "earlier", "already", "formerly", "last");

  /** Words that put a dilation named near them at another time than this session. */
  private static final java.util.Set<String> OTHER_TIME =
      java.util.Set.of(
          "previous",
          "previously",
          "prior",
          "last",
          "earlier",
          "recent",
          "ago",
          "yesterday",
          "morning",
          "morning's",
          "afternoon",
          "week",
          "weeks",
          "month",
          "months",
          "year",
          "years");

  /**
   * Whether a dilation word follows word {@code k} closely, and that dilation is this session's:
   * "after the previous dilation", "after dilation 2 weeks ago" and "status post dilation this
   * morning" speak of another one.
   */
  private static boolean dilationWithin(List<String> words, int k) {
    int limit = Math.min(words.size(), k + 4);
    for (int j = k + 1; j < limit; j++) {
      String w = words.get(j);
      if (OTHER_TIME.contains(w)) {
        return false;
      }
      if (isDilationWord(w)) {
        return !otherTimeWithin(words, j + 1, j + 4);
      }
    }
    return false;
  }

  private static boolean otherTimeWithin(List<String> words, int from, int to) {
    for (int t = from; t < Math.min(words.size(), to); t++) {
      if (OTHER_TIME.contains(words.get(t))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDilationWord(String w) {
    return w.startsWith("dilat")
        || w.startsWith("inflat")
        || w.startsWith("balloon")
        || w.equals("treatment")
        || w.equals("therapy")
        || w.equals("intervention");
  }
}
