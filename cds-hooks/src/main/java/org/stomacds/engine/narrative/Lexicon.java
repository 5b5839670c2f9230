package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrasings of every element, compiled once with their anchors: the rows of the phrase tables
 * ({@code narrative/phrases/<element>.yaml}, read by {@link PhraseTables}), with the words of every
 * feature ({@code narrative/features.yaml}) in one anchor automaton. Every pattern reads folded
 * (lower-case) text, and every repetition in it is bounded or anchored on a literal word, so a
 * match attempt costs a bounded amount of work whatever the input: reading stays linear in the
 * length of the note.
 *
 * <p>The numbers (balloon sizes, lumen sizes, inflation counts and durations, sedation minutes and
 * clock times) are read by {@link NumberFinder}; the tables have their "not recorded" phrasings.
 */
final class Lexicon {

  static final Lexicon INSTANCE =
      new Lexicon(PhraseTables.load(), Features.INSTANCE, ServiceTables.get().gate().keys());

  final List<Trigger> triggers;
  final AnchorScanner scanner;

  /** For each anchor id, the triggers that may start at a word holding it. */
  final int[][] triggersByAnchor;

  /** For each anchor id, the features it belongs to (a bit per feature, see {@link Features}). */
  final long[] featuresByAnchor;

  /** Triggers with no anchors (floating rows): candidates in every sentence. */
  final int[] unanchored;

  /**
   * For each anchor id, the triggers one of whose required literals it is ({@link
   * RequiredLiterals}): every match of such a trigger holds one of them, so a trigger is not tried
   * in a sentence without one, nor at a start after the last.
   */
  final int[][] triggersHolding;

  /** Per trigger, whether it names required literals ({@link #triggersHolding}). */
  final boolean[] holds;

  /**
   * For each anchor id, the key of the service facts' {@link RowGate} it is (-1: none): the scanner
   * holds the gate's literals too, so one pass over a note serves both readings.
   */
  final int[] serviceKey;

  private Lexicon(List<PhraseRow> rows, Features features, List<String> serviceKeys) {
    Map<String, Integer> anchorIds = new LinkedHashMap<>();
    for (int f = 0; f < features.size(); f++) {
      for (String a : features.words(f)) {
        anchorIds.putIfAbsent(a, anchorIds.size());
      }
    }
    for (PhraseRow row : rows) {
      for (String a : row.anchors()) {
        anchorIds.putIfAbsent(a, anchorIds.size());
      }
    }
    // The anchors a trigger is tried at (and the feature words) come first; the literals after them
    // are only looked for (see AnchorScanner's primary anchors).
    int primary = anchorIds.size();
    List<java.util.Set<String>> required = new ArrayList<>();
    for (PhraseRow row : rows) {
      java.util.Set<String> literals = RequiredLiterals.of(row.pattern());
      required.add(literals);
      if (literals != null) {
        literals.forEach(l -> anchorIds.putIfAbsent(l, anchorIds.size()));
      }
    }
    serviceKeys.forEach(l -> anchorIds.putIfAbsent(l, anchorIds.size()));
    scanner = new AnchorScanner(new ArrayList<>(anchorIds.keySet()), primary);
    serviceKey = new int[anchorIds.size()];
    java.util.Arrays.fill(serviceKey, -1);
    for (int key = 0; key < serviceKeys.size(); key++) {
      serviceKey[anchorIds.get(serviceKeys.get(key))] = key;
    }
    featuresByAnchor = new long[anchorIds.size()];
    for (int f = 0; f < features.size(); f++) {
      for (String a : features.words(f)) {
        featuresByAnchor[anchorIds.get(a)] |= 1L << f;
      }
    }
    List<Trigger> built = new ArrayList<>();
    List<List<Integer>> byAnchor = new ArrayList<>();
    List<List<Integer>> holding = new ArrayList<>();
    for (int id = 0; id < anchorIds.size(); id++) {
      byAnchor.add(new ArrayList<>());
      holding.add(new ArrayList<>());
    }
    holds = new boolean[rows.size()];
    List<Integer> none = new ArrayList<>();
    for (PhraseRow row : rows) {
      int k = built.size();
      built.add(trigger(row, features, anchorIds));
      if (row.anchors().isEmpty()) {
        none.add(k);
      }
      for (String a : row.anchors()) {
        byAnchor.get(anchorIds.get(a)).add(k);
      }
      if (required.get(k) != null) {
        holds[k] = true;
        required.get(k).forEach(l -> holding.get(anchorIds.get(l)).add(k));
      }
    }
    triggers = List.copyOf(built);
    triggersByAnchor = ids(byAnchor);
    triggersHolding = ids(holding);
    unanchored = none.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[][] ids(List<List<Integer>> lists) {
    return lists.stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).distinct().toArray())
        .toArray(int[][]::new);
  }

  static long bit(Feature feature) {
    return 1L << feature.ordinal();
  }

  private Trigger trigger(PhraseRow row, Features features, Map<String, Integer> anchorIds) {
    long all = 0;
    for (String name : row.requires()) {
      all |= 1L << features.index(name).orElseThrow();
    }
    Tag tag = row.tag();
    if (tag == Tag.NEG_ONLY || tag == Tag.LUMEN_NEG_ONLY || tag == Tag.SED_GENERIC) {
      // Such a phrase only counts when said missing or absent ("sedation: none"): with no cue
      // word in the sentence there is nothing to do.
      all |= bit(Feature.NEGATIVE_CUE);
    }
    int skipIn = 0;
    for (Section s : row.skip()) {
      skipIn |= 1 << s.ordinal();
    }
    boolean anchored = !row.anchors().isEmpty();
    return new Trigger(
        row.element(),
        tag,
        Rx.compile(row.pattern()),
        anchored ? scanner.bits(row.anchors().stream().mapToInt(anchorIds::get).toArray()) : null,
        all,
        row.innerNegation(),
        row.hypothetical(),
        skipIn,
        row.guard(),
        !row.floating() && anchored,
        row.source());
  }
}
