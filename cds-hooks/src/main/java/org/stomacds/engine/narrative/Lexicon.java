package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * The phrasings of every element, compiled once with their anchors: the rows of the phrase tables
 * ({@code narrative/phrases/<element>.yaml}, read by {@link PhraseTables}), with the words of every
 * feature ({@code narrative/features.yaml}) in one anchor automaton. Every pattern reads folded
 * (lower-case) text, and every repetition in it is bounded or anchored on a literal word, so a
 * match attempt costs a bounded amount of work whatever the input: reading stays linear in the
 * length of the note.
 *
 * <p>The numbers (balloon sizes, lumen sizes, inflation counts and durations, sedation minutes and
 * clock times) are read by {@link Quantities}; the tables have their "not recorded" phrasings.
 */
final class Lexicon {

  private static final Map<String, String> MACROS =
      Map.ofEntries(
          Map.entry("{STOMA}", "(?:colostomy|ileostomy|ostomy|enterostomy|stoma)"),
          Map.entry(
              "{POSS}", "(?:(?:the|a|an|his|her|their|this|patient's|pt's|patients|pts)\\s+){0,2}"),
          Map.entry("{W}", "[a-z'/-]+"),
          Map.entry("{STRICT}", "(?:strictures?|stenos[ie]s|narrowings?|stenotic\\s+segment)"),
          Map.entry(
              "{ANAST}",
              "(?:(?:ileo-?colic|ileo-?colonic|colo-?colonic|colo-?colic|colo-?rectal|ileo-?rectal"
                  + "|ileo-?transverse|ileo-?sigmoid|entero-?colic|ileo-?ca?ecal|colo-?ileal"
                  + "|small[- ]bowel[- ]colon(?:ic)?|colon(?:ic)?[- ](?:to[- ])?small[- ]"
                  + "(?:bowel|intestine))\\s*)"),
          Map.entry(
              "{SEGMENT}",
              "(?:splenic\\s+flex(?:ure)?|hepatic\\s+flex(?:ure)?|(?:mid-?|proximal\\s+|distal\\s+)?"
                  + "transverse(?:\\s+colon)?|descending\\s+colon|ascending\\s+colon"
                  + "|sigmoid(?:\\s+colon)?|rectum|rectosigmoid)"),
          Map.entry(
              "{DISTAL_END}",
              "rectum|rectal\\s+stump|anal\\s+canal|anal\\s+verge|dentate\\s+line|anus"),
          Map.entry(
              "{LIMB}",
              "(?:neo-?terminal\\s+|afferent\\s+|proximal\\s+|distal\\s+)?ileum|small\\s+bowel"
                  + "|afferent\\s+(?:limb|loop)|ileal\\s+limb"),
          Map.entry(
              "{LIMB_SIDE}",
              "(?:proximal|distal|prox|dist|afferent|efferent|functioning|defunctioned"
                  + "|defunctionalized|upstream|downstream|oral|aboral)"),
          Map.entry("{CM}", "(?:cm|centimet(?:er|re)s?)\\b"),
          Map.entry(
              "{APPROX}", "(?:approximately\\s+|approx\\.?\\s+|about\\s+|around\\s+|~\\s*)?"));

  /** Sections in which risks, history and plans are discussed rather than events reported. */
  static final Set<Section> NOT_THIS_PROCEDURE =
      EnumSet.of(Section.INDICATION, Section.HISTORY, Section.CONSENT, Section.PLAN);

  /** Declared after the tables above: static fields are set in order, and it reads them. */
  static final Lexicon INSTANCE = new Lexicon();

  private final List<Builder> builders = new ArrayList<>();
  private final Map<String, Integer> anchorIds = new LinkedHashMap<>();
  private final Set<String> inWordAnchors = new HashSet<>();
  final List<Trigger> triggers;
  final AnchorScanner scanner;

  /** For each anchor id, the triggers that may start at a word holding it. */
  final int[][] triggersByAnchor;

  /** For each anchor id, the features it belongs to (a bit per {@link Feature}). */
  final long[] featuresByAnchor;

  /** Triggers with no anchors: candidates in every sentence. */
  final int[] unanchored;

  /**
   * For each anchor id, whether a match is tried only where the anchor starts its word ("per" in
   * "per stoma", not in "upper"); anchors written "~x" are also tried inside a word ("stom" in
   * "colostomy"). Features see every occurrence either way.
   */
  final boolean[] anchorStartsWord;

  private Lexicon() {
    Features features = Features.INSTANCE;
    CarePhrasings.addTo(this);
    for (PhraseRow row : PhraseTables.load()) {
      builders.add(Builder.of(row, features));
    }
    for (int f = 0; f < features.size(); f++) {
      for (String a : features.words(f)) {
        anchorIds.putIfAbsent(a, anchorIds.size());
      }
    }
    for (Builder b : builders) {
      for (String a : b.anchors) {
        anchorIds.putIfAbsent(a, anchorIds.size());
      }
      inWordAnchors.addAll(b.inWord);
    }
    scanner = new AnchorScanner(new ArrayList<>(anchorIds.keySet()));
    anchorStartsWord = new boolean[anchorIds.size()];
    for (Map.Entry<String, Integer> e : anchorIds.entrySet()) {
      anchorStartsWord[e.getValue()] = !inWordAnchors.contains(e.getKey());
    }
    featuresByAnchor = new long[anchorIds.size()];
    for (int f = 0; f < features.size(); f++) {
      for (String a : features.words(f)) {
        featuresByAnchor[anchorIds.get(a)] |= 1L << f;
      }
    }
    triggers = builders.stream().map(this::build).toList();
    List<List<Integer>> byAnchor = new ArrayList<>();
    for (int id = 0; id < anchorIds.size(); id++) {
      byAnchor.add(new ArrayList<>());
    }
    List<Integer> none = new ArrayList<>();
    for (int k = 0; k < builders.size(); k++) {
      if (builders.get(k).anchors.isEmpty()) {
        none.add(k);
      }
      for (String a : builders.get(k).anchors) {
        byAnchor.get(anchorIds.get(a)).add(k);
      }
    }
    triggersByAnchor =
        byAnchor.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    unanchored = none.stream().mapToInt(Integer::intValue).toArray();
  }

  static long bit(Feature feature) {
    return 1L << feature.ordinal();
  }

  private Trigger build(Builder b) {
    long all = b.requires;
    for (Feature f : b.all) {
      all |= bit(f);
    }
    if (b.tag == Tag.NEG_ONLY || b.tag == Tag.LUMEN_NEG_ONLY || b.tag == Tag.SED_GENERIC) {
      // Such a phrase only counts when said missing or absent ("sedation: none"): with no cue
      // word in the sentence there is nothing to do.
      all |= bit(Feature.NEGATIVE_CUE);
    }
    return new Trigger(
        b.element,
        b.tag,
        Rx.compile(b.regex),
        b.anchors.isEmpty()
            ? null
            : scanner.bits(b.anchors.stream().mapToInt(anchorIds::get).toArray()),
        all,
        b.innerNegation,
        b.hypotheticalDrops,
        b.skipIn.stream().mapToInt(section -> 1 << section.ordinal()).reduce(0, (x, y) -> x | y),
        b.guard,
        b.leading && !b.anchors.isEmpty(),
        b.source);
  }

  // ---- building ----

  /** Adds a phrasing to the table; the tables call this while the lexicon is being built. */
  Builder t(DocumentationElement element, Tag tag, String regex) {
    Builder b = new Builder(element, tag, expand(regex));
    builders.add(b);
    return b;
  }

  private static String expand(String regex) {
    String r = regex;
    for (Map.Entry<String, String> e : MACROS.entrySet()) {
      r = r.replace(e.getKey(), e.getValue());
    }
    return r;
  }

  /** Collects one trigger's settings; built when the table is complete. */
  static final class Builder {
    private final DocumentationElement element;
    private final Tag tag;
    private final String regex;
    private final Set<String> anchors = new LinkedHashSet<>();
    private final Set<String> inWord = new HashSet<>();
    private final List<Feature> all = new ArrayList<>();
    private boolean innerNegation = true;
    private boolean hypotheticalDrops;
    private Set<Section> skipIn = EnumSet.noneOf(Section.class);
    private Trigger.Guard guard;
    private boolean leading = true;
    private long requires;
    private String source = "";

    /** A row of a phrase table, its anchors derived from its pattern. */
    static Builder of(PhraseRow row, Features features) {
      Builder b = new Builder(row.element(), row.tag(), row.pattern());
      b.anchors.addAll(row.anchors());
      for (String name : row.requires()) {
        b.requires |= 1L << features.index(name).orElseThrow();
      }
      b.innerNegation = row.innerNegation();
      b.hypotheticalDrops = row.hypothetical();
      b.skipIn = EnumSet.noneOf(Section.class);
      b.skipIn.addAll(row.skip());
      b.guard = row.guard();
      b.leading = !row.floating();
      b.source = row.source();
      return b;
    }

    Builder(DocumentationElement element, Tag tag, String regex) {
      this.element = element;
      this.tag = tag;
      this.regex = regex;
    }

    /**
     * The sentence must hold one of these anchors (or of those given by other calls); a match is
     * tried at the start of the word that holds it. "~x" lets {@code x} sit inside its word.
     */
    Builder anchors(String... words) {
      for (String w : words) {
        if (w.startsWith("~")) {
          inWord.add(w.substring(1));
          anchors.add(w.substring(1));
        } else {
          anchors.add(w);
        }
      }
      return this;
    }

    /** The sentence must hold an anchor of one of these features (or of other calls). */
    Builder any(Feature... features) {
      for (Feature f : features) {
        anchors.addAll(List.of(f.anchors()));
      }
      return this;
    }

    /** The sentence must hold an anchor of each of these features. */
    Builder all(Feature... features) {
      all.addAll(List.of(features));
      return this;
    }

    Builder noInnerNegation() {
      innerNegation = false;
      return this;
    }

    Builder hypothetical() {
      hypotheticalDrops = true;
      return this;
    }

    Builder skip(Section... sections) {
      skipIn = EnumSet.copyOf(skipIn);
      skipIn.addAll(List.of(sections));
      return this;
    }

    Builder skip(Set<Section> sections) {
      skipIn = EnumSet.copyOf(skipIn);
      skipIn.addAll(sections);
      return this;
    }

    Builder guard(Trigger.Guard g) {
      guard = g;
      return this;
    }

    /** The match may start away from the anchors: search the whole sentence. */
    Builder floating() {
      leading = false;
      return this;
    }
  }
}
