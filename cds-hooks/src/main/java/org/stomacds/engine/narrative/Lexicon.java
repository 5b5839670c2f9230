package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.DISTINCT_STRICTURE;
import static org.stomacds.engine.documentation.DocumentationElement.EXTENT_OF_EXAM;
import static org.stomacds.engine.documentation.DocumentationElement.FLUOROSCOPY;
import static org.stomacds.engine.documentation.DocumentationElement.INCREASED_WORK;
import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_COUNT;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_DURATION;
import static org.stomacds.engine.documentation.DocumentationElement.POST_PROCEDURE_INSTRUCTIONS;
import static org.stomacds.engine.documentation.DocumentationElement.PRE_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;
import static org.stomacds.engine.documentation.DocumentationElement.STRICTURE_LOCATION;
import static org.stomacds.engine.narrative.Feature.ANASTOMOSIS;
import static org.stomacds.engine.narrative.Feature.BALLOON_WORD;
import static org.stomacds.engine.narrative.Feature.BEYOND;
import static org.stomacds.engine.narrative.Feature.BLOOD_LOSS;
import static org.stomacds.engine.narrative.Feature.CM;
import static org.stomacds.engine.narrative.Feature.COMPLICATION_EVENT;
import static org.stomacds.engine.narrative.Feature.DIET;
import static org.stomacds.engine.narrative.Feature.DIGIT;
import static org.stomacds.engine.narrative.Feature.DILATION_TALK;
import static org.stomacds.engine.narrative.Feature.INSTRUCT;
import static org.stomacds.engine.narrative.Feature.INSTRUCTION_OBJECT;
import static org.stomacds.engine.narrative.Feature.LOCATION;
import static org.stomacds.engine.narrative.Feature.LUMEN_OR_SIZE;
import static org.stomacds.engine.narrative.Feature.PASSAGE;
import static org.stomacds.engine.narrative.Feature.PLURAL_STRICTURE;
import static org.stomacds.engine.narrative.Feature.PREP;
import static org.stomacds.engine.narrative.Feature.PROCEDURE;
import static org.stomacds.engine.narrative.Feature.SCOPE_CONTEXT;
import static org.stomacds.engine.narrative.Feature.SEDATION;
import static org.stomacds.engine.narrative.Feature.STOMA;
import static org.stomacds.engine.narrative.Feature.STOPPED;
import static org.stomacds.engine.narrative.Feature.STRICTURE;
import static org.stomacds.engine.narrative.Feature.STRICTURE_NOUN;
import static org.stomacds.engine.narrative.Feature.STRICTURE_TALK;
import static org.stomacds.engine.narrative.Feature.WORK;
import static org.stomacds.engine.narrative.Feature.WORK_OBJECT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.stomacds.engine.documentation.DocumentationElement;

/**
 * The tables of phrasings, element by element. Every pattern reads folded (lower-case) text, and
 * every repetition in it is bounded or anchored on a literal word, so a match attempt costs a
 * bounded amount of work whatever the input: reading stays linear in the length of the note.
 *
 * <p>The numbers (balloon sizes, lumen sizes, inflation counts and durations, sedation minutes and
 * clock times) are read by {@link Quantities}; this table has their "not recorded" phrasings.
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
              "(?:splenic\\s+flexure|hepatic\\s+flexure|(?:mid-?|proximal\\s+|distal\\s+)?"
                  + "transverse(?:\\s+colon)?|descending\\s+colon|ascending\\s+colon"
                  + "|sigmoid(?:\\s+colon)?|rectum|rectosigmoid)"),
          Map.entry(
              "{APPROX}", "(?:approximately\\s+|approx\\.?\\s+|about\\s+|around\\s+|~\\s*)?"));

  /** Sections in which risks, history and plans are discussed rather than events reported. */
  private static final Set<Section> NOT_THIS_PROCEDURE =
      EnumSet.of(Section.INDICATION, Section.HISTORY, Section.CONSENT, Section.PLAN);

  private static final Pattern STOP_REASON =
      Rx.compile(
          "\\b(?:due\\s+to|because|secondary\\s+to|owing\\s+to|early|prematurely|given|prior\\s+to"
              + "|before|after|at\\s+(?:this|that)\\s+point|as\\s+a\\s+result|for\\s+safety)\\b");

  /** Declared after the tables it reads, so they are set when it is built. */
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
    if (Feature.values().length > Long.SIZE) {
      throw new IllegalStateException("more features than bits in a mask");
    }
    route();
    dilationNotRecorded();
    strictureLocation();
    lumen();
    extent();
    complications();
    indication();
    sedation();
    instructions();
    fluoroscopy();
    increasedWork();
    distinctStricture();
    for (Feature f : Feature.values()) {
      for (String a : f.anchors()) {
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
    for (Feature f : Feature.values()) {
      for (String a : f.anchors()) {
        featuresByAnchor[anchorIds.get(a)] |= bit(f);
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
    long all = 0;
    for (Feature f : b.all) {
      all |= bit(f);
    }
    if (b.tag == Tag.NEG_ONLY || b.tag == Tag.LUMEN_NEG_ONLY) {
      // Such a phrase only counts when said missing: no cue word in the sentence, nothing to do.
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
        b.leading && !b.anchors.isEmpty());
  }

  private void route() {
    Set<Section> notHere = EnumSet.of(Section.INDICATION, Section.HISTORY, Section.PLAN);
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:through|thru|via|per|by\\s+way\\s+of)\\s+{POSS}(?:{W}\\s+){0,4}?{STOMA}\\b")
        .anchors("through", "thru", "via", "per", "by way of")
        .all(STOMA, SCOPE_CONTEXT)
        .skip(notHere);
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:insert|introduc|advanc|pass)[a-z]*\\s+(?:{W}\\s+){0,3}?into\\s+{POSS}"
                + "(?:{W}\\s+){0,3}?{STOMA}\\b")
        .anchors("insert", "introduc", "advanc", "pass")
        .all(STOMA)
        .skip(notHere);
    t(ROUTE_THROUGH_STOMA, Tag.PLAIN, "\\btrans-?\\s?(?:stomal(?:ly)?|ostomy|stoma)\\b")
        .anchors("trans");
    t(ROUTE_THROUGH_STOMA, Tag.PLAIN, "\\bintubat[a-z]*\\s+{POSS}(?:{W}\\s+){0,2}?{STOMA}\\b")
        .anchors("intubat")
        .all(STOMA);
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b{STOMA}\\s+(?:was|were)\\s+(?:[a-z]+\\s+)?intubated\\b"
                + "|\\b(?:stomal?|colostomy|ileostomy|ostomy)\\s+(?:colonoscopy|endoscopy|ileoscopy"
                + "|intubation|approach|route)\\b")
        .anchors("~stom");
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\broute\\s*(?::|-|was|of\\s+entry)\\s*(?:{W}\\s+){0,3}?{STOMA}\\b")
        .anchors("route")
        .all(STOMA);
    t(ROUTE_THROUGH_STOMA, Tag.NEG_ONLY, "\\broute\\b").anchors("route");
  }

  private void dilationNotRecorded() {
    t(
            BALLOON_DIAMETER,
            Tag.NEG_ONLY,
            "\\bballoon\\s+(?:size|diameter)s?\\b|\\b(?:size|diameter)\\s+of\\s+(?:the\\s+)?balloon\\b"
                + "|\\b(?:size|diameter)\\b|\\bballoon(?:\\s+dilat[a-z]*)?\\b")
        .anchors("balloon", "size", "diameter")
        .all(BALLOON_WORD);
    t(
            INFLATION_COUNT,
            Tag.NEG_ONLY,
            "\\bnumber\\s+of\\s+(?:balloon\\s+)?(?:inflations|dilations|dilatations)\\b"
                + "|\\b(?:inflation|dilation)s?\\s+(?:count|number)\\b|#\\s*(?:of\\s+)?inflations\\b"
                + "|\\binflations\\b")
        .anchors("number", "inflation", "dilation", "#");
    t(
            INFLATION_DURATION,
            Tag.NEG_ONLY,
            "\\b(?:inflation|dilation|balloon)\\s+(?:duration|time)s?\\b"
                + "|\\bduration\\s+of\\s+(?:the\\s+|each\\s+)?(?:balloon\\s+)?(?:inflations?|dilations?)\\b"
                + "|\\bduration\\b")
        .anchors("inflation", "dilation", "balloon", "duration")
        .all(DILATION_TALK);
    t(
            SEDATION_TIMES,
            Tag.NEG_ONLY,
            "\\b(?:(?:sedation|anesthesia|anaesthesia|intra-?service)\\s+)?(?:start\\s*(?:and|/|&|-)?"
                + "\\s*(?:stop|end)|start|stop|end)\\s+times?\\b"
                + "|\\b(?:sedation|anesthesia|anaesthesia|intra-?service)\\s+(?:times?|duration)\\b")
        .anchors("sedation", "anesthesia", "anaesthesia", "intraservice", "intra-service", "start")
        .anchors("stop", "end");
  }

  private void strictureLocation() {
    Set<Section> notHere = EnumSet.of(Section.HISTORY, Section.CONSENT, Section.PLAN);
    t(
            STRICTURE_LOCATION,
            Tag.PLAIN,
            "\\b(?:(?:peri|para)-?)?stomal?\\s+(?:strictures?|stenos[ie]s|narrowing|stenotic\\s+segment)\\b"
                + "|\\b(?:ostomy|colostomy|ileostomy)\\s+(?:strictures?|stenos[ie]s|narrowing)\\b"
                + "|\\banastomotic\\s+(?:strictures?|stenos[ie]s|narrowing)\\b"
                + "|\\bfascial(?:[- ]level)?\\s+(?:strictures?|stenos[ie]s|narrowing)\\b"
                + "|\\b(?:ascending|transverse|descending|sigmoid|rectosigmoid)\\s+(?:colon(?:ic)?\\s+)?"
                + "(?:strictures?|stenos[ie]s|narrowing)\\b"
                + "|\\b(?:hepatic|splenic)\\s+flexure\\s+(?:strictures?|stenos[ie]s)\\b")
        .anchors("~stom", "para", "peri", "fascial", "ascending", "transverse", "descending")
        .anchors("sigmoid", "hepatic", "splenic")
        .all(STRICTURE)
        .skip(notHere);
    // The match is the place; the guard checks the preposition before it.
    t(
            STRICTURE_LOCATION,
            Tag.PLAIN,
            "(?:stoma|stomal\\s+(?:opening|orifice|os|site|level|aperture|outlet)|ostomy|colostomy"
                + "|ileostomy|(?:anterior\\s+)?(?:abdominal\\s+wall|fascia)|fascial\\s+level"
                + "|skin(?:\\s+level)?|mucocutaneous\\s+junction|{ANAST}?anastomosis"
                + "|(?:ascending|transverse|descending|sigmoid|proximal|distal|mid|right|left)\\s+colon"
                + "|(?:splenic|hepatic)\\s+flexure|sigmoid|ca?ecum|rectum|(?:neo-?)?terminal\\s+ileum)\\b")
        .anchors(
            "~stom", "anterior", "abdominal", "fascia", "skin", "mucocutaneous", "ileo", "colo")
        .anchors("entero", "small", "anastomosis", "ascending", "transverse", "descending")
        .anchors("sigmoid", "proximal", "distal", "mid", "right", "left", "splenic", "hepatic")
        .anchors("cecum", "caecum", "rectum", "neo", "terminal")
        .all(STRICTURE_TALK)
        .guard(Lexicon::afterPlacePreposition)
        .skip(notHere);
    t(
            STRICTURE_LOCATION,
            Tag.PLAIN,
            "\\d{1,3}(?:\\.\\d)?\\s*cm\\s+(?:from|proximal\\s+to|distal\\s+to|into|above|beyond|inside"
                + "|in\\s+from|deep\\s+to|in|within|past)\\s+(?:the\\s+)?(?:stoma|ostomy|colostomy"
                + "|ileostomy|skin|stomal|opening|orifice|os|mucocutaneous|fascia|abdominal\\s+wall"
                + "|anal\\s+verge)\\b"
                + "|\\d{1,3}\\s*cm\\s+(?:in|inside|deep)\\b(?!\\s+(?:length|diameter|size|width))")
        .any(DIGIT)
        .all(CM, STRICTURE_TALK)
        .skip(notHere);
    t(STRICTURE_LOCATION, Tag.PLAIN, "\\d{1,3}(?:\\.\\d)?\\s*cm\\b")
        .any(DIGIT)
        .all(CM, STRICTURE_TALK)
        .guard((f, s, a, b) -> "at".equals(previousWord(f, s, a, APPROXIMATELY)))
        .skip(notHere);
    t(STRICTURE_LOCATION, Tag.NEG_ONLY, "\\b(?:stricture\\s+)?location\\b")
        .anchors("stricture", "location")
        .all(LOCATION);
  }

  private void lumen() {
    t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_PIN,
            "\\bpin-?\\s?(?:hole|point)\\b|\\bfiliform\\b|\\bthread-?like\\b"
                + "|\\bnear[- ](?:complete|total)\\s+(?:obstruction|occlusion|stenosis|closure)\\b")
        .anchors("pin", "filiform", "thread", "near")
        .noInnerNegation();
    t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_PASS_NEG,
            "\\b(?:(?:could|would)\\s+not|couldn't|wouldn't|cannot|can't|unable\\s+to|failed\\s+to"
                + "|did\\s+not|didn't|not\\s+able\\s+to)\\s+(?:be\\s+)?(?:easily\\s+)?(?:pass(?:ed)?"
                + "|travers(?:e|ed)|negotiat(?:e|ed)|advanc(?:e|ed)|admit(?:ted)?|allow|permit"
                + "|cross(?:ed)?)\\b|\\btoo\\s+(?:narrow|tight)\\s+(?:to|for)\\b"
                + "|\\b(?:impassable|non-?traversable|not\\s+traversable)\\b"
                + "|\\b(?:admit(?:ted|s|ting)?|allow(?:ed|s)?)\\s+only\\b"
                + "|\\bonly\\s+(?:admit(?:ted|s)?|allow(?:ed|s)?)\\b")
        .anchors("could", "would", "cannot", "can't", "unable", "failed", "did", "not", "too")
        .anchors("couldn't", "wouldn't", "didn't")
        .anchors("impassable", "non", "admit", "allow", "only")
        .all(PASSAGE)
        .noInnerNegation();
    t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_PASS_POS,
            "\\b(?:pass(?:ed|es)?|travers(?:ed|es)|negotiat(?:ed|es)|admit(?:ted|s)"
                + "|allow(?:ed|s)\\s+(?:easy\\s+|free\\s+|the\\s+)?passage"
                + "|advanced\\s+(?:easily\\s+|freely\\s+|without\\s+(?:difficulty|resistance)\\s+)?"
                + "(?:through|across|beyond|past|to|into))\\b")
        .anchors("pass", "travers", "negotiat", "admit", "allow", "advanced");
    t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_NEG_ONLY,
            "\\b(?:(?:pre|post)-?\\s?dilat[a-z]*\\s+)?(?:lumen|luminal\\s+diameter"
                + "|stricture\\s+(?:diameter|size|caliber))\\b")
        .anchors("pre", "post", "lumen", "luminal", "stricture")
        .all(LUMEN_OR_SIZE);
  }

  private void extent() {
    Set<Section> notHere =
        EnumSet.of(Section.INDICATION, Section.HISTORY, Section.PLAN, Section.CONSENT);
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:ca?ecum|ca?ecal\\s+(?:base|pole|landmarks?|strap))\\s+(?:was\\s+|were\\s+|is\\s+)?"
                + "(?:[a-z'-]+\\s+){0,2}?(?:reached|identified|visualized|visualised|intubated|seen"
                + "|entered|attained|achieved|examined|confirmed|documented|photographed"
                + "|photo-?documented)\\b")
        .anchors("cecum", "caecum", "cecal", "caecal")
        .hypothetical();
    t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b(?:ca?ecum|ca?ecal\\s+(?:base|pole))\\b")
        .anchors("cecum", "caecum", "cecal", "caecal")
        .guard(Lexicon::reachedIt)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE_LANDMARK,
            "\\bca?ecal\\s+intubation\\b|\\b(?:appendiceal\\s+orifice|ileoca?ecal\\s+valve)\\b")
        .anchors("cecal", "caecal", "appendiceal", "ileocecal", "ileocaecal")
        .skip(notHere)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:neo-?)?terminal\\s+ileum\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+){0,2}?"
                + "(?:intubated|reached|entered|examined|visualized|evaluated|inspected)\\b")
        .anchors("neo", "terminal")
        .skip(notHere)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\bti\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+)?(?:intubated|reached|entered|examined"
                + "|visualized)\\b")
        .anchors("ti")
        .skip(notHere)
        .hypothetical();
    t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b(?:(?:neo-?)?terminal\\s+ileum|ti)\\b")
        .anchors("neo", "terminal", "ti")
        .guard(Lexicon::reachedIt)
        .skip(notHere)
        .hypothetical();
    t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b{ANAST}?anastomosis\\b")
        .anchors("ileo", "colo", "entero", "small", "colon", "anastomosis")
        .all(ANASTOMOSIS)
        .guard(Lexicon::reachedIt)
        .skip(notHere)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b{ANAST}anastomosis\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+){0,2}?(?:reached"
                + "|identified|visualized|intubated|seen|traversed|examined)\\b"
                + "|\\banastomosis\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+)?(?:reached|intubated"
                + "|traversed)\\b")
        .anchors("ileo", "colo", "entero", "small", "colon", "anastomosis")
        .all(ANASTOMOSIS)
        .skip(notHere)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\bcomplete\\s+(?:colonoscopy|exam(?:ination)?|study|evaluation)\\b"
                + "|\\b(?:entire|whole)\\s+(?:residual\\s+|remaining\\s+)?colon\\s+(?:was\\s+)?"
                + "(?:examined|visualized|evaluated|inspected|surveyed)\\b"
                + "|\\bcolonoscopy\\s+(?:was\\s+)?completed?\\s+to\\b")
        .anchors("complete", "entire", "whole", "colonoscopy")
        .skip(notHere)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.EXTENT_LABEL,
            "\\bextent(?:\\s+of\\s+(?:the\\s+)?(?:exam(?:ination)?|procedure|colonoscopy|study"
                + "|intubation))?\\s*(?::|-|=|was|reached)")
        .anchors("extent")
        .noInnerNegation();
    t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_STRONG,
            "\\bincomplete\\s+(?:colonoscopy|exam(?:ination)?|study|procedure|evaluation"
                + "|colonic\\s+evaluation)\\b")
        .anchors("incomplete")
        .noInnerNegation()
        .skip(Section.HISTORY, Section.PLAN, Section.CONSENT)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.DISCONTINUED,
            "\\b(?:procedure|exam(?:ination)?|colonoscopy|study|case|endoscopy)\\s+(?:was\\s+|were\\s+"
                + "|had\\s+to\\s+be\\s+|had\\s+been\\s+)?(?:[a-z'-]+\\s+)?(?:aborted|terminated"
                + "|discontinued|abandoned|stopped|cancell?ed|halted)\\b"
                + "|\\b(?:abort(?:ed)?|terminat(?:e|ed)|discontinu(?:e|ed)|abandon(?:ed)?|stop(?:ped)?"
                + "|cancell?(?:ed)?|halt(?:ed)?)\\s+(?:the\\s+)?(?:procedure|exam(?:ination)?"
                + "|colonoscopy|study|case)\\b")
        .anchors("procedure", "exam", "colonoscopy", "study", "case", "endoscopy", "abort")
        .anchors("terminat", "discontinu", "abandon", "stop", "cancel", "halt")
        .all(STOPPED, PROCEDURE)
        .hypothetical()
        .skip(notHere)
        .guard(Lexicon::stopIsAStop);
    t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_WEAK,
            "\\b(?:unable\\s+to|could\\s+not|couldn't|cannot|can't|failed\\s+to|not\\s+able\\s+to"
                + "|did\\s+not|didn't)\\s+(?:be\\s+)?(?:advance|advanced|pass|passed|traverse|traversed"
                + "|progress|proceed|go|get|intubate|reach|examine)\\b(?:\\s+[a-z0-9'-]+){0,5}?"
                + "\\s+(?:further|beyond|past|proximal(?:ly)?|more\\s+proximal(?:ly)?)\\b")
        .anchors("unable", "could", "cannot", "can't", "failed", "not", "did")
        .all(BEYOND)
        .noInnerNegation()
        .skip(notHere)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_WEAK,
            "\\b(?:poor|inadequate|suboptimal|fair\\s+to\\s+poor|insufficient)\\s+(?:bowel\\s+)?"
                + "(?:prep|preparation|visualization)\\b|\\bprep(?:aration)?\\s+(?:was\\s+)?"
                + "(?:poor|inadequate)\\b")
        .anchors("poor", "inadequate", "suboptimal", "fair", "insufficient", "prep")
        .all(PREP)
        .noInnerNegation()
        .skip(notHere)
        .hypothetical();
    t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_WEAK,
            "\\b(?:examined|advanced|reached|visualized|evaluated|inspected|seen|intubated)\\s+"
                + "(?:only\\s+)?(?:up\\s+)?to\\s+(?:the\\s+)?(?:level\\s+of\\s+(?:the\\s+)?)?"
                + "(?:{SEGMENT}|\\d{1,3}\\s*cm)\\b|\\blimited\\s+(?:exam(?:ination)?|study"
                + "|colonoscopy|evaluation)\\b")
        .anchors("examined", "advanced", "reached", "visualized", "evaluated", "inspected")
        .anchors("seen", "intubated", "limited")
        .skip(notHere)
        .hypothetical();
    t(EXTENT_OF_EXAM, Tag.NEG_ONLY, "\\bextent\\b").anchors("extent");
  }

  private void complications() {
    t(
            COMPLICATIONS,
            Tag.COMP_GENERIC,
            "\\b(?:complications?|adverse\\s+(?:events?|reactions?|outcomes?)"
                + "|untoward\\s+(?:events?|effects?))\\b")
        .anchors("complication", "adverse", "untoward")
        .hypothetical()
        .skip(Section.HISTORY, Section.CONSENT, Section.INDICATION);
    t(
            COMPLICATIONS,
            Tag.COMP_NONE,
            "\\buncomplicated\\b|\\bwithout\\s+(?:any\\s+)?(?:incident|problems?|issues?)\\b")
        .anchors("uncomplicated", "without")
        .noInnerNegation()
        .skip(NOT_THIS_PROCEDURE);
    t(
            COMPLICATIONS,
            Tag.COMP_EVENT,
            "\\b(?:bleed(?:ing|s)?|h(?:a)?emorrhag(?:e|ic)|ooz(?:e|ing|ed)"
                + "|(?:micro-?)?perforat(?:ion|ions|ed)|(?:mucosal\\s+|deep\\s+|full[- ]thickness\\s+"
                + "|serosal\\s+)?(?:tears?|lacerations?|injur(?:y|ies))|free\\s+air|pneumoperitoneum"
                + "|extravasation|h(?:a)?ematoma|complicated\\s+by)\\b")
        .anchors("bleed", "hemorrh", "haemorrh", "ooz", "perforat", "micro", "mucosal", "deep")
        .anchors("full", "serosal", "tear", "lacerat", "injur", "free air", "pneumoperitoneum")
        .anchors("extravasat", "hematoma", "haematoma", "complicated by")
        .all(COMPLICATION_EVENT)
        .hypothetical()
        .skip(NOT_THIS_PROCEDURE);
    t(COMPLICATIONS, Tag.COMP_EBL, "\\b(?:ebl|estimated\\s+blood\\s+loss|blood\\s+loss)\\b")
        .anchors("ebl", "estimated", "blood loss")
        .all(BLOOD_LOSS)
        .skip(Section.HISTORY, Section.CONSENT, Section.INDICATION);
  }

  private void indication() {
    t(
            INDICATION,
            Tag.PLAIN,
            "\\bindications?\\s+(?:for\\s+(?:the\\s+|this\\s+)?(?:procedure|exam(?:ination)?|colonoscopy"
                + "|dilation|dilatation|study)\\s+)?(?:was|were|is|are|include[sd]?|being)\\b"
                + "|\\breason\\s+for\\s+(?:the\\s+|this\\s+)?(?:procedure|exam(?:ination)?"
                + "|colonoscopy|referral|visit|study|dilation)\\b")
        .anchors("indication", "reason")
        .guard(Lexicon::hasContentAfter);
    t(
            INDICATION,
            Tag.PLAIN,
            "\\b(?:performed|undertaken|scheduled|booked|referred|presents?|presented|presenting"
                + "|admitted|underwent|undergoing|undergoes)\\s+(?:[a-z'-]+\\s+){0,3}?(?:for|with"
                + "|due\\s+to|because\\s+of|secondary\\s+to)\\s+(?:[a-z'/-]+\\s+){0,6}?"
                + "(?:strictures?|stenos[ie]s|stenotic|narrowing|narrowed|obstruct[a-z]*|difficult[a-z]*"
                + "|symptoms?|pain|distension|distention|bleeding|dysfunction|output|evaluation"
                + "|dilat[a-z]*|management|treatment|retraction|prolapse|constipation|cramping"
                + "|problems?|issues?|concerns?)\\b")
        .anchors("performed", "undertaken", "scheduled", "booked", "referred", "present")
        .anchors("admitted", "underw", "undergo");
    t(
            INDICATION,
            Tag.PLAIN,
            "\\b(?:colonoscopy|endoscopy|ileoscopy|dilat[a-z]*|procedure|exam(?:ination)?)\\b"
                + "(?:\\s+[a-z'/-]+){0,5}?\\s+for\\s+(?:[a-z'/-]+\\s+){0,4}?(?:strictures?|stenos[ie]s"
                + "|stenotic|narrowing|narrowed|obstruct[a-z]*|symptoms|dysfunction)\\b")
        .anchors("colonoscopy", "endoscopy", "ileoscopy", "dilat", "procedure", "exam")
        .all(STRICTURE);
    t(
            INDICATION,
            Tag.PLAIN,
            "\\b(?:evaluation|management|treatment|dilat[a-z]*"
                + "|assessment|therapy)\\s+(?:and\\s+(?:[a-z]+\\s+)?(?:treatment|dilat[a-z]*|management"
                + "|therapy)\\s+)?of\\s+(?:[a-z'/-]+\\s+){0,4}?(?:strictures?|stenos[ie]s|narrowing"
                + "|obstruction|stoma)\\b")
        .anchors("evaluation", "management", "treatment", "dilat", "assessment", "therapy")
        .guard((f, s, a, b) -> "for".equals(previousWord(f, s, a, THE)));
  }

  private void sedation() {
    Set<Section> notHere = EnumSet.of(Section.HISTORY, Section.CONSENT, Section.PLAN);
    t(
            SEDATION_TYPE,
            Tag.SED_MAC,
            "\\bmac\\b|\\bmonitored\\s+an(?:a)?esthesia(?:\\s+care)?\\b"
                + "|\\bgeneral\\s+(?:endotracheal\\s+)?an(?:a)?esthe[a-z]*|\\bgeta\\b|\\bdeep\\s+sedation\\b"
                + "|\\ban(?:a)?esthesia\\s+(?:team|service|services|staff|provider|personnel|department"
                + "|care\\s+team)\\b|\\bcrna\\b"
                + "|\\ban(?:a)?esthesiologist\\b|\\ban(?:a)?esthetist\\b"
                + "|\\bunder\\s+(?:general\\s+)?an(?:a)?esthesia\\b|\\bendotracheal\\s+intubation\\b"
                + "|\\ban(?:a)?esthesia(?:\\s+type)?\\s*(?::|-|=)\\s*(?:general|monitored|deep)\\b")
        .anchors("mac", "monitored", "general", "geta", "deep", "anesth", "anaesth", "crna")
        .anchors("under", "endotracheal")
        .all(SEDATION)
        .hypothetical()
        .skip(notHere);
    t(
            SEDATION_TYPE,
            Tag.SED_MAC,
            "\\b(?:an(?:a)?esthesia|an(?:a)?esthesiolog[a-z]*|an(?:a)?esthetist|crna)\\b")
        .anchors("anesth", "anaesth", "crna")
        .hypothetical()
        .skip(notHere)
        .guard(
            (f, s, a, b) -> {
              String w = previousWord(f, s, a, THE);
              return "by".equals(w) || "per".equals(w) || "from".equals(w);
            });
    t(
            SEDATION_TYPE,
            Tag.SED_MODERATE,
            "\\bmoderate\\s+(?:\\(?conscious\\)?\\s+|iv\\s+)?sedation\\b|\\bconscious\\s+sedation\\b"
                + "|\\bprocedural\\s+sedation\\b|\\b(?:iv|intravenous)\\s+(?:conscious\\s+)?sedation\\b"
                + "|\\bmoderate\\s*/\\s*conscious\\b"
                + "|\\bsedation\\s*(?:level|type)?\\s*(?::|-|=|was)?\\s*(?:moderate|conscious)\\b")
        .anchors("moderate", "conscious", "procedural", "iv", "intravenous", "sedation")
        .all(SEDATION)
        .hypothetical()
        .skip(notHere);
    t(
            SEDATION_TYPE,
            Tag.SED_NONE,
            "\\bunsedated\\b|\\b(?:topical|local)\\s+(?:an(?:a)?esthe[a-z]*\\s+|lidocaine\\s+"
                + "|xylocaine\\s+|lignocaine\\s+)?only\\b|\\ban(?:a)?esthesia\\s*(?::|-)\\s*(?:none|local"
                + "|topical)\\b|\\bdeclined\\s+sedation\\b|\\bwithout\\s+(?:any\\s+)?(?:iv\\s+)?sedation\\b")
        .anchors("unsedated", "topical", "local", "anesth", "anaesth", "declined", "without")
        .all(SEDATION)
        .noInnerNegation()
        .skip(notHere);
    t(SEDATION_TYPE, Tag.SED_GENERIC, "\\bsedation\\b|\\bsedated\\b")
        .anchors("sedat")
        .hypothetical()
        .skip(notHere);
    t(SEDATION_TYPE, Tag.SED_DRUG_MAC, "\\b(?:propofol|diprivan)\\b")
        .anchors("propofol", "diprivan")
        .hypothetical()
        .skip(notHere);
    t(
            SEDATION_TYPE,
            Tag.SED_DRUG_MODERATE,
            "\\b(?:midazolam|versed|fentanyl|sublimaze|meperidine|demerol|diazepam|valium"
                + "|remimazolam|byfavo)\\b")
        .anchors("midazolam", "versed", "fentanyl", "sublimaze", "meperidine", "demerol")
        .anchors("diazepam", "valium", "remimazolam", "byfavo")
        .hypothetical()
        .skip(notHere);
  }

  private void instructions() {
    Set<Section> notHere = EnumSet.of(Section.INDICATION, Section.HISTORY);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.INSTR_EXPLICIT,
            "\\b(?:discharge|post-?\\s?(?:procedure|procedural|op|operative|dilation|dilatation)"
                + "|aftercare|after-care|home(?:-going)?|written|verbal|follow-?up)\\s+instructions?\\b"
                + "|\\binstructions?\\s+(?:were\\s+|was\\s+|have\\s+been\\s+)?(?:given|provided|reviewed"
                + "|discussed|explained)\\b|\\binstructed\\s+to\\b")
        .anchors("discharge", "post", "aftercare", "after-care", "home", "written", "verbal")
        .anchors("follow", "instruct")
        .all(INSTRUCT);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:resume|advance|continue|restart|start)\\s+(?:[a-z'-]+\\s+){0,2}?(?:diet"
                + "|medications?|meds|activit(?:y|ies)|anticoagula[a-z]*|aspirin|clopidogrel|plavix"
                + "|warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto)\\b")
        .anchors("resume", "advance", "continue", "restart", "start")
        .all(INSTRUCTION_OBJECT)
        .skip(notHere);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:follow[- ]?up|f/u)\\s+(?:[a-z'-]+\\s+){0,3}?(?:in|with|at|after|\\d{1,2})\\b"
                + "|\\b(?:follow[- ]?up|f/u)\\s*:\\s*[a-z0-9]")
        .anchors("follow", "f/u")
        .skip(notHere)
        .guard((f, s, a, b) -> !precededBy(f, s, a, "for", "of", "routine", "the"));
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:return|call|contact|present)\\s+(?:[a-z0-9'-]+\\s+){0,3}?(?:if|for|with|should"
                + "|in\\s+case|immediately)\\b|\\breturn\\s+(?:to\\s+)?(?:the\\s+)?(?:clinic|office|ed"
                + "|er|emergency|endoscopy)\\b")
        .anchors("return", "call", "contact", "present")
        .skip(notHere);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:clear\\s+liquids?|full\\s+liquids?|liquid|low[- ]residue|low[- ]fiber|soft|regular"
                + "|normal|usual)\\s+diet\\b|\\bdiet\\s+as\\s+tolerated\\b"
                + "|\\b(?:nothing\\s+by\\s+mouth|npo)\\s+(?:until|for)\\b")
        .anchors("clear", "full", "liquid", "low", "soft", "regular", "normal", "usual", "diet")
        .anchors("nothing", "npo")
        .all(DIET)
        .skip(notHere);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\brepeat\\s+(?:balloon\\s+)?(?:dilat[a-z]*|colonoscopy|endoscopy|procedure"
                + "|exam(?:ination)?|evaluation)\\s+(?:[a-z'-]+\\s+){0,3}?(?:in|if|as\\s+needed|prn"
                + "|at)\\b|\\b(?:discharged?|released)\\s+(?:[a-z'-]+\\s+){0,3}?(?:home|to\\s+home)\\b"
                + "|\\bstool\\s+softeners?\\b|\\bavoid\\s+(?:nsaids?|heavy\\s+lifting|lifting)\\b"
                + "|\\bwarning\\s+signs\\b")
        .anchors("repeat", "discharg", "released", "stool", "avoid", "warning")
        .skip(notHere);
  }

  private void fluoroscopy() {
    t(
            FLUOROSCOPY,
            Tag.PLAIN,
            "\\bfluoro(?:scop(?:y|ic|ically))?\\b|\\bc-?\\s?arm\\b|\\bunder\\s+(?:x-?\\s?ray"
                + "|radiographic|radiologic)\\s+(?:guidance|control|visualization)\\b"
                + "|\\b(?:water-?soluble\\s+)?contrast\\s+(?:was\\s+)?(?:injected|instilled)\\b"
                + "|\\b(?:injection|instillation)\\s+of\\s+(?:water-?soluble\\s+)?contrast\\b")
        .anchors("fluoro", "c-arm", "c arm", "carm", "under", "water", "contrast", "injection")
        .anchors("instillation")
        .all(Feature.FLUOROSCOPY)
        .hypothetical()
        .skip(NOT_THIS_PROCEDURE);
  }

  private void increasedWork() {
    t(
            INCREASED_WORK,
            Tag.PLAIN,
            "\\b(?:twice|two\\s+times|three\\s+times|2x|3x|double|triple)\\s+(?:as\\s+long|the\\s+"
                + "(?:usual|normal|typical|expected|average|standard)\\s+(?:time|duration|length))\\b"
                + "|\\b(?:took|required|lasted|needed)\\s+(?:[a-z'-]+\\s+){0,3}?(?:twice|double|triple"
                + "|longer|additional|extra)\\b"
                + "|\\b(?:significantly|substantially|markedly|considerably|greatly|much|notably|far)\\s+"
                + "(?:increased|more|longer|greater|prolonged|difficult|challenging|complex|harder)\\b"
                + "|\\bincreased\\s+(?:[a-z'-]+\\s+){0,2}?(?:difficulty|complexity|time|effort|work"
                + "|intensity)\\b"
                + "|\\b(?:extremely|exceptionally|unusually|very|particularly|technically|markedly"
                + "|highly)\\s+(?:difficult|challenging|complex|demanding|arduous|laborious"
                + "|time-?consuming)\\b"
                + "|\\b(?:unusual|extraordinary|exceptional|substantial|significant|considerable)\\s+"
                + "(?:technical\\s+)?(?:difficulty|effort|time|work|complexity)\\b"
                + "|\\bprolonged\\s+(?:procedure|procedural\\s+time|case)\\b|\\bmodifier\\s*-?\\s*22\\b"
                + "|\\b(?:additional|extra)\\s+\\d{1,3}\\s+minutes?\\b|\\bmore\\s+than\\s+(?:double|twice)\\b"
                + "|\\bwell\\s+beyond\\s+(?:the\\s+)?(?:usual|typical|normal)\\b")
        .any(WORK)
        .all(WORK_OBJECT)
        .hypothetical()
        .skip(NOT_THIS_PROCEDURE)
        .guard(Lexicon::isAboutTheProcedure);
  }

  private void distinctStricture() {
    Set<Section> notHere = EnumSet.of(Section.HISTORY, Section.CONSENT, Section.PLAN);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_COUNT,
            "\\b(two|three|four|five|2|3|4|5|multiple|several|numerous)\\s+(?:[a-z,'-]+\\s+){0,2}?"
                + "(?:strictures|stenoses|stenotic\\s+(?:segments|areas|regions)|narrowings"
                + "|narrowed\\s+segments|webs|separate\\s+(?:sites|lesions)|distinct\\s+(?:sites"
                + "|lesions))\\b")
        .anchors("two", "three", "four", "five", "2", "3", "4", "5", "multiple", "several")
        .anchors("numerous")
        .all(PLURAL_STRICTURE)
        .hypothetical()
        .skip(notHere);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_ORDINAL,
            "\\b(second|third|fourth|2nd|3rd|4th|another|additional|separate|distinct|other)\\b"
                + "[\\s,]+(?:[a-z'-]+[\\s,]+){0,2}?(?:strictures?|stenos[ie]s|narrowings?"
                + "|stenotic\\s+(?:segments?|areas?|regions?)|webs?|sites?|lesions?)\\b")
        .anchors("second", "third", "fourth", "2nd", "3rd", "4th", "another", "additional")
        .anchors("separate", "distinct", "other")
        .all(STRICTURE_NOUN)
        .hypothetical()
        .skip(notHere);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_LOCATIONS,
            "\\b(?:strictures|stenoses)\\s+(?:were\\s+)?(?:[a-z'-]+\\s+){0,2}?at\\s+{APPROX}"
                + "(\\d{1,3})\\s*(?:cm\\s*)?(?:and|,|&)\\s*(?:at\\s+)?(\\d{1,3})\\s*cm\\b")
        .anchors("strictures", "stenoses")
        .all(DIGIT)
        .hypothetical()
        .skip(notHere);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_SINGLE,
            "\\b(?:single|solitary|one|isolated|lone|unifocal|only\\s+one)\\s+(?:[a-z'-]+\\s+)?"
                + "(?:stricture|stenosis|narrowing)\\b|\\bonly\\s+(?:a\\s+)?(?:single\\s+)?"
                + "(?:stricture|stenosis)\\b")
        .anchors("single", "solitary", "one", "isolated", "lone", "unifocal", "only")
        .all(STRICTURE_NOUN)
        .noInnerNegation()
        .skip(notHere);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_BASE,
            "\\b(?:strictures?|stenos[ie]s|stenotic|narrowing|narrowed)\\b")
        .anchors("strictur", "stenos", "stenotic", "narrowing", "narrowed")
        .hypothetical()
        .skip(notHere);
  }

  private static final Set<String> THE = Set.of("the");
  private static final Set<String> APPROXIMATELY =
      Set.of("approximately", "approx", "about", "around", "roughly", "~", ".");
  private static final Set<String> REACH_WORDS =
      Set.of(
          "reach",
          "reached",
          "reaching",
          "advance",
          "advanced",
          "advancing",
          "intubate",
          "intubated",
          "intubating",
          "pass",
          "passed",
          "to",
          "into",
          "until",
          "as",
          "examined");
  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of(
          "at",
          "in",
          "of",
          "near",
          "involving",
          "within",
          "across",
          "inside",
          "beneath",
          "below",
          "proximal",
          "distal",
          "above",
          "beyond");

  /**
   * The word before {@code at} in the sentence, skipping the words in {@code skip}; null when there
   * is none or it is punctuation.
   */
  static String previousWord(String f, Sentence s, int at, Set<String> skip) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    for (int i = 0; i < 6 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        if (c.punct() == '~') {
          continue;
        }
        return null;
      }
      if (!skip.contains(w)) {
        return w;
      }
    }
    return null;
  }

  /** "at the stoma", "at the level of the fascia", "just proximal to the anastomosis". */
  private static boolean afterPlacePreposition(String f, Sentence s, int a, int b) {
    TokenCursor c = new TokenCursor(f, s.start(), a, a);
    for (int i = 0; i < 6 && c.prev(); i++) {
      String w = c.word();
      if (w == null) {
        return false;
      }
      switch (w) {
        case "the" -> {
          continue;
        }
        case "of" -> {
          if (!"level".equals(peekBack(c))) {
            return true;
          }
          c.prev();
        }
        case "to" -> {
          String before = peekBack(c);
          return "proximal".equals(before) || "distal".equals(before);
        }
        default -> {
          return PLACE_PREPOSITIONS.contains(w);
        }
      }
    }
    return false;
  }

  private static String peekBack(TokenCursor c) {
    TokenCursor copy = c.copy();
    return copy.prev() ? copy.word() : null;
  }

  /** "advanced to the cecum", "reached the ileocolic anastomosis"; not "proximal to the cecum". */
  private static boolean reachedIt(String f, Sentence s, int a, int b) {
    String w = previousWord(f, s, a, Set.of("the", "level", "of", "far", "up"));
    return w != null && REACH_WORDS.contains(w) && notBesideIt(f, s, a, b);
  }

  /** "advanced to the cecum", not "a stricture proximal to the cecum". */
  private static boolean notBesideIt(String f, Sentence s, int a, int b) {
    TokenCursor c = new TokenCursor(f, s.start(), a, a);
    for (int i = 0; i < 5 && c.prev(); i++) {
      String w = c.word();
      if (w != null
          && (w.equals("distal")
              || w.equals("proximal")
              || w.equals("close")
              || w.equals("adjacent")
              || w.equals("next")
              || w.equals("near"))) {
        return false;
      }
    }
    return true;
  }

  // ---- guards ----

  /** Whether the word before {@code at} (in the sentence) is one of {@code words}. */
  static boolean precededBy(String f, Sentence s, int at, String... words) {
    TokenCursor c = new TokenCursor(f, s.start(), at, at);
    if (!c.prev() || c.word() == null) {
      return false;
    }
    for (String w : words) {
      if (w.equals(c.word())) {
        return true;
      }
    }
    return false;
  }

  /** "Indication was" must be followed by something. */
  private static boolean hasContentAfter(String f, Sentence s, int a, int b) {
    for (int i = b; i < s.end(); i++) {
      if (Character.isLetterOrDigit(f.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** "Terminated", "stopped" and "halted" also describe the normal end; ask for a reason. */
  private static boolean stopIsAStop(String f, Sentence s, int a, int b) {
    String m = f.substring(a, b);
    if (m.contains("abort")
        || m.contains("abandon")
        || m.contains("discontinu")
        || m.contains("cancel")) {
      return true;
    }
    return STOP_REASON.matcher(f).region(s.start(), s.end()).find();
  }

  /** "Increased difficulty passing stool" is a symptom, not extra work. */
  private static boolean isAboutTheProcedure(String f, Sentence s, int a, int b) {
    TokenCursor c = new TokenCursor(f, b, s.end(), b);
    for (int i = 0; i < 4 && c.next(); i++) {
      String w = c.word();
      if (w == null) {
        continue;
      }
      if (w.startsWith("pass")
          || w.startsWith("stool")
          || w.startsWith("evacuat")
          || w.startsWith("empty")
          || w.startsWith("emptying")
          || w.startsWith("appliance")
          || w.startsWith("pouch")
          || w.startsWith("breath")
          || w.startsWith("swallow")
          || w.startsWith("output")
          || w.startsWith("irrigat")) {
        return false;
      }
    }
    return true;
  }

  // ---- building ----

  private Builder t(DocumentationElement element, Tag tag, String regex) {
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
  private static final class Builder {
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
