package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * Keeps the inflation counts of this procedure: a number before a count noun ("three inflations",
 * "a single dilation"), "x3", "inflated twice", "Inflations: 2". A count is a whole number from 1
 * to 20; "one inflation at each size" is left to the sizes, and planned or earlier counts are left
 * out.
 */
final class CountFinder {

  private final IndexedNote note;
  private final String f;
  private final QuantityMatchers matchers;
  private final Elsewhen elsewhen;
  private final DilationSigns signs;
  private final PerSizeCounts perSizeCounts;
  final List<Value> counts = new ArrayList<>();

  CountFinder(IndexedNote note, QuantityMatchers matchers, Elsewhen elsewhen, DilationSigns signs) {
    this.note = note;
    this.f = note.f;
    this.matchers = matchers;
    this.elsewhen = elsewhen;
    this.signs = signs;
    this.perSizeCounts = new PerSizeCounts(note, elsewhen);
  }

  /**
   * A count that starts with the number at {@code start} (ending at {@code after}) and ends in a
   * count noun: "3 inflations", "two 60-second dilations". Kept in {@code found} until the
   * sentence's other counts are read.
   */
  void countNoun(int i, Sentence s, int start, int after, List<Value> found) {
    if (countNounAfter(i, s, after)) {
      Matcher m = matchers.get(QuantityMatchers.COUNT_NOUN).region(start, s.end());
      if (m.lookingAt()) {
        count(i, s, m, m.group(1), m.group(2), found);
        return;
      }
    }
    if (after < s.end() && (f.charAt(after) == 'x' || f.charAt(after) == ' ')) {
      // "15 mm balloon 3x, 60 s each", "CRE 12-15, 3x @ 15 only": the number before the "x"
      Matcher m = QuantityPatterns.N_TIMES.matcher(f).region(start, s.end());
      if (m.lookingAt()
          && !countsOtherThings(s, start, m.end())
          && (m.group(2) != null || talksOfDilation(i) || afterASize(s, start))) {
        count(i, s, m, m.group(1), null, found);
      }
    }
  }

  /** The counts that do not start with a number ("x3", "inflated twice", "Inflations: 2"). */
  void counts(int i, Sentence s, List<Value> found) {
    matchers.atAnchors(
        i,
        s,
        Lexicon.bit(Feature.TIMES_X),
        QuantityMatchers.COUNT_TIMES,
        m -> {
          // "PROC: colo via loop colost + dil x2": a title names the procedure, not its inflations
          if (!holds(s, "biops")
              && !countsOtherThings(s, m.start(), m.end())
              && (talksOfDilation(i)
                  || afterASize(s, m.start())
                  || afterADuration(s, m.start())
                  || perSizeCounts.eachOfAList(s, m))) {
            count(i, s, m, m.group(1), null, found);
          }
        });
    matchers.atAnchors(
        i,
        s,
        Lexicon.bit(Feature.COUNT_VERB),
        QuantityMatchers.COUNT_VERB,
        m -> {
          if (f.startsWith("times", m.start()) && countsOtherThings(s, m.start(), m.end())) {
            // "stricture times two": the strictures counted
            return;
          }
          if (m.group(m.groupCount()) != null && !talksOfDilation(i)) {
            // "this was done three times" of something else than the dilation
            return;
          }
          for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
              count(i, s, m, m.group(g), null, found);
              return;
            }
          }
        });
    matchers.atAnchors(
        i,
        s,
        Lexicon.bit(Feature.COUNT_LABEL),
        QuantityMatchers.COUNT_LABEL,
        m -> {
          // "Inflations: 2 inflations" (a column's heading before its cell) is one count
          if (!CountShapes.overlaps(found, m.start(), m.end())) {
            count(i, s, m, m.group(1), null, found);
          }
        });
    if (holdsAny(s, "inflation", "second", "third", "fourth", "nd ", "rd ")) {
      // "then a third inflation at 15 mm", "then a third with the 16.5 mm": at least that many
      AnchoredPattern.Finder m = CountShapes.ORDINAL.finder(f).region(s.start(), s.end());
      while (m.find()) {
        if (!elsewhen.at(i, s, m.start())) {
          found.add(new Value(CountShapes.ordinal(m), i, m.start(), m.end(), true));
        }
      }
    }
    if (holdsAny(
        s,
        "more",
        "additional",
        "once",
        "further",
        "twice",
        "thrice",
        "repeated",
        "inflated",
        "again")) {
      // "repeated once", "repeated two more times", "then two more inflations": one more than said
      AnchoredPattern.Finder m = CountShapes.REPEATED.finder(f).region(s.start(), s.end());
      while (m.find()) {
        String g = null;
        for (int k = 1; g == null && k <= m.groupCount(); k++) {
          g = m.group(k);
        }
        double n =
            g == null
                ? 1
                : switch (g) {
                  case "once" -> 1;
                  case "twice" -> 2;
                  case "thrice" -> 3;
                  default -> NumberWords.parse(g);
                };
        // "balloon re-inflated for 3 min tamponade": to stop bleeding, not to dilate
        if (n >= 1
            && n <= 10
            && !elsewhen.at(i, s, m.start())
            && !holdsAny(s, "tampon", "hemost")) {
          found.add(new Value(n + 1, i, m.start(), m.end(), true));
        }
      }
    }
    if (holds(s, "stage") || holds(s, "step") || holds(s, "increment")) {
      AnchoredPattern.Finder m = CountShapes.IN_STAGES.finder(f).region(s.start(), s.end());
      while (m.find()) {
        if (!CountShapes.overlaps(found, m.start(), m.end())) {
          count(i, s, m, m.group(1), null, found);
        }
      }
    }
    if (holds(s, "s")) {
      // "three 30-second inflations", "a single 60-second inflation", "2 x 60 s"
      AnchoredPattern.Finder m = CountShapes.TIMED_COUNT.finder(f).region(s.start(), s.end());
      while (m.find()) {
        if (!CountShapes.overlaps(found, m.start(), m.end())) {
          if (m.group(1) != null) {
            count(i, s, m, m.group(1), m.group(2), found);
          } else {
            count(i, s, m, m.group(3), null, found);
          }
        }
      }
    }
    if (s.section() != Section.TITLE && (holds(s, "dilat") || holds(s, "inflat"))) {
      // "inflated sequentially to 12, 13.5 and 15 mm": one inflation a size (a title names the
      // procedure, not its inflations)
      AnchoredPattern.Finder m = CountShapes.ACT_LIST.finder(f).region(s.start(), s.end());
      while (m.find()) {
        int n = CountShapes.sizesIn(f, m.start(1), m.end(1));
        if (n >= 2 && n <= 8 && !elsewhen.at(i, s, m.start())) {
          // "inflations to 18, 19 and 20 mm ... and the 20 mm inflation was repeated once": the
          // repeats come on top of the sizes listed
          int end = m.end();
          for (java.util.Iterator<Value> it = found.iterator(); it.hasNext(); ) {
            Value r = it.next();
            if (r.flag() && r.start() >= m.end() && isRepeat(r)) {
              n += (int) r.value() - 1;
              end = Math.max(end, r.end());
              it.remove();
            }
          }
          found.add(new Value(n, i, m.start(), end, true));
        }
      }
    }
    if (holdsAny(s, "mm", "millimet", "#", "strict", "more", "x")) {
      // "CRE 12-13.5-15: 13.5 x1, 15 x1": sizes with their counts, the unit left to the name
      CountShapes.summedAtSizes(f, elsewhen, i, s, found);
    }
    if ((holds(s, "total") || holds(s, " all") || holds(s, "altogether")) && talksOfDilation(i)) {
      // "two at 13.5 and one more at 15, so three altogether": the total told, its number alone
      AnchoredPattern.Finder m = CountShapes.TOTAL.finder(f).region(s.start(), s.end());
      while (m.find()) {
        int g = m.group(1) != null ? 1 : 2;
        double n = NumberWords.parse(m.group(g));
        if (n >= 1
            && n <= 20
            && !CountShapes.overlaps(found, m.start(g), m.end(g))
            && !elsewhen.at(i, s, m.start())) {
          found.add(new Value(n, i, m.start(g), m.end(g), false));
        }
      }
    }
    if (holds(s, "each") || holds(s, "ea") || holds(s, "apiece")) {
      perSizeCounts.eachSize(i, s, found);
    }
    if (holds(s, "infl") || holds(s, "dilation")) {
      CountShapes.numberedRows(f, elsewhen, i, s, found);
    }
    found.removeIf(v -> CountShapes.DATED_AFTER.matcher(f).region(v.end(), s.end()).lookingAt());
    found.sort(Comparator.comparingInt(Value::start));
    for (Value v : found) {
      this.counts.add(v);
      signs.add(i, v.start());
    }
  }

  /** Whether a flagged count is a repeat ("repeated once", "two more times"). */
  private boolean isRepeat(Value v) {
    return CountShapes.REPEATED.matcher(f).region(v.start(), v.end()).matches();
  }

  /**
   * Whether an "x2" counts something other than inflations: the strictures, sites or biopsies named
   * right before it ("strictures of the transverse colon x2", "bx x4") or after it ("x2 sites"),
   * with no dilation or size between.
   */
  private boolean countsOtherThings(Sentence s, int x, int end) {
    Matcher after = QuantityPatterns.OTHER_THINGS.matcher(f).region(end, s.end());
    if (after.lookingAt()) {
      return true;
    }
    boolean other = false;
    TokenCursor c = new TokenCursor(f, s.start(), x, x);
    for (int k = 0; k < 8 && c.prev(); k++) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == ',' || c.punct() == ';' || c.punct() == ':') {
          break;
        }
        continue;
      }
      if (w.startsWith("dilat")
          || w.startsWith("inflat")
          || w.startsWith("balloon")
          || w.equals("mm")
          || w.equals("cre")
          || w.equals("tts")
          || c.isNumber()) {
        // "inflated across the stricture x 2", "balloon dilation at the fascial level x3"
        return false;
      }
      other |= QuantityPatterns.OTHER_NOUNS.matcher(w).matches();
    }
    return other;
  }

  /** Whether a word of the sentence names the dilation ({@code DILATION_WORD}). */
  private boolean talksOfDilation(int i) {
    return note.hasWord(i, Feature.DILATION_WORD);
  }

  /** "today: 18mm x3 60s": a terse count right after a size in millimetres. */
  private boolean afterASize(Sentence s, int x) {
    TokenCursor c = new TokenCursor(f, s.start(), x, x);
    return c.prev() && c.word() != null && c.word().endsWith("mm");
  }

  /** "Held 45 seconds x 2": a hold said so many times, each an inflation. */
  private boolean afterADuration(Sentence s, int x) {
    TokenCursor c = new TokenCursor(f, s.start(), x, x);
    return c.prev()
        && c.word() != null
        && QuantityPatterns.HOLD_UNIT.matcher(c.word()).matches()
        && QuantityPatterns.HELD.finder(f).region(s.start(), x).find();
  }

  private void count(
      int i, Sentence s, MatchResult m, String number, String noun, List<Value> found) {
    double n = NumberWords.parse(CountShapes.oneSpace(number));
    // "3 inflation" is no count, but the terse "3 infl" is one.
    if (noun != null && !noun.endsWith("s") && !noun.equals("infl") && n != 1) {
      return;
    }
    Matcher perSizeWords = QuantityPatterns.PER_SIZE.matcher(f).region(m.end(), s.end());
    boolean toldPerSize = perSizeWords.lookingAt();
    Matcher each = QuantityPatterns.ONE_EACH.matcher(f).region(m.end(), s.end());
    boolean eachAfter = each.lookingAt();
    // "CRE 15-16.5-18, infl x1 @ each": at each size of the sentence's list ("60 s each" is
    // each inflation's, "2 inflations at each" after two strictures each stricture's)
    boolean atEach =
        eachAfter
            && each.group(1) != null
            && PerSizeCounts.longestList(f, s.start(), m.start()) >= 2;
    boolean perSize =
        toldPerSize
            || atEach
            || ((noun != null || n > 1 || perSizeCounts.sizesBefore(s, m.start()) >= 2)
                && eachAfter);
    if (perSize) {
      // "CRE 12-13.5-15, x2 each size", "CRE 10-11-12 x1 each": so many at every size of the
      // list right before ("Balloon 8 mm, then 10 mm, twice at each size": of the sentence);
      // "once at each of the three sizes": the sizes told; "one inflation at each size" with no
      // list there: the sizes count them
      int sizes = perSizeCounts.sizes(i, s, m.start(), perSizeWords, toldPerSize, atEach);
      if (sizes < 2 && n == 1) {
        return;
      }
      n *= Math.max(sizes, 1);
    }
    if (n >= 1 && n <= 20 && !elsewhen.at(i, s, m.start())) {
      found.add(new Value(n, i, m.start(), m.end(), false));
    }
  }

  /** Whether the sentence holds {@code word}; looks no further than the sentence. */
  boolean holds(Sentence s, String word) {
    return holdsFrom(s.start(), s.end(), word);
  }

  private boolean holdsAny(Sentence s, String... words) {
    for (String w : words) {
      if (holds(s, w)) {
        return true;
      }
    }
    return false;
  }

  private boolean holdsFrom(int from, int to, String word) {
    char first = word.charAt(0);
    for (int j = from; j + word.length() <= to; j++) {
      if (f.charAt(j) == first && f.startsWith(word, j)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a count noun ("inflations", "dilatations", "passes", "cycles") may follow the number
   * ending at {@code after}: its anchor stands later in the sentence. A cheap test before the count
   * pattern.
   */
  private boolean countNounAfter(int i, Sentence s, int after) {
    long nouns = Lexicon.bit(Feature.DILATE) | Lexicon.bit(Feature.PASSAGE);
    Ints occurrences = note.occurrences;
    for (int k = note.occurrencesFrom[i]; k < note.occurrencesFrom[i + 1]; k += 3) {
      if (occurrences.get(k + 1) >= after
          && (note.lexicon.featuresByAnchor[occurrences.get(k)] & nouns) != 0) {
        return true;
      }
    }
    return holdsFrom(after, s.end(), "cycles") || holdsFrom(after, s.end(), "infl");
  }
}
