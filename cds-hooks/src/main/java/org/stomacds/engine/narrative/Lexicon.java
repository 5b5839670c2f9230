package org.stomacds.engine.narrative;

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
import static org.stomacds.engine.narrative.Feature.BALLOON;
import static org.stomacds.engine.narrative.Feature.CECUM;
import static org.stomacds.engine.narrative.Feature.COMPLICATION;
import static org.stomacds.engine.narrative.Feature.COUNT_WORD;
import static org.stomacds.engine.narrative.Feature.DIGIT;
import static org.stomacds.engine.narrative.Feature.DILATE;
import static org.stomacds.engine.narrative.Feature.DURATION_WORD;
import static org.stomacds.engine.narrative.Feature.INCOMPLETE;
import static org.stomacds.engine.narrative.Feature.INSTRUCTION;
import static org.stomacds.engine.narrative.Feature.LOCATION;
import static org.stomacds.engine.narrative.Feature.LUMEN;
import static org.stomacds.engine.narrative.Feature.ORDINAL;
import static org.stomacds.engine.narrative.Feature.PASSAGE;
import static org.stomacds.engine.narrative.Feature.PINHOLE;
import static org.stomacds.engine.narrative.Feature.PROCEDURE;
import static org.stomacds.engine.narrative.Feature.SCOPE_CONTEXT;
import static org.stomacds.engine.narrative.Feature.SEDATION;
import static org.stomacds.engine.narrative.Feature.SINGLE;
import static org.stomacds.engine.narrative.Feature.SIZE_WORD;
import static org.stomacds.engine.narrative.Feature.STOMA;
import static org.stomacds.engine.narrative.Feature.STRICTURE;
import static org.stomacds.engine.narrative.Feature.WORK;

import java.util.ArrayList;
import java.util.EnumSet;
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
              "{POSS}", "(?:(?:the|a|an|his|her|their|this|patient's|pt's|patients|pts)\\s+)?"),
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
      Pattern.compile(
          "\\b(?:due\\s+to|because|secondary\\s+to|owing\\s+to|early|prematurely|given|prior\\s+to"
              + "|before|after|at\\s+(?:this|that)\\s+point|as\\s+a\\s+result|for\\s+safety)\\b");

  /** Declared after the tables it reads, so they are set when it is built. */
  static final Lexicon INSTANCE = new Lexicon();

  private final List<Builder> builders = new ArrayList<>();
  final List<Trigger> triggers;

  private Lexicon() {
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
    triggers = builders.stream().map(Builder::build).toList();
  }

  private void route() {
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:through|thru|via|per|by\\s+way\\s+of)\\s+{POSS}(?:{W}\\s+){0,3}?{STOMA}\\b")
        .all(STOMA, SCOPE_CONTEXT)
        .skip(Section.INDICATION, Section.HISTORY, Section.PLAN);
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:insert|introduc|advanc|pass)[a-z]*\\s+(?:{W}\\s+){0,3}?into\\s+{POSS}"
                + "(?:{W}\\s+){0,3}?{STOMA}\\b")
        .all(STOMA)
        .skip(Section.INDICATION, Section.HISTORY, Section.PLAN);
    t(ROUTE_THROUGH_STOMA, Tag.PLAIN, "\\btrans-?\\s?(?:stomal(?:ly)?|ostomy|stoma)\\b").all(STOMA);
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\bintubat[a-z]*\\s+{POSS}(?:{W}\\s+){0,2}?{STOMA}\\b"
                + "|\\b{STOMA}\\s+(?:was|were)\\s+(?:[a-z]+\\s+)?intubated\\b")
        .all(STOMA);
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:stomal?|colostomy|ileostomy|ostomy)\\s+(?:colonoscopy|endoscopy|ileoscopy"
                + "|intubation|approach|route)\\b")
        .all(STOMA);
    t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\broute\\s*(?::|-|was|of\\s+entry)\\s*(?:{W}\\s+){0,3}?{STOMA}\\b")
        .all(STOMA, Feature.ROUTE);
    t(ROUTE_THROUGH_STOMA, Tag.NEG_ONLY, "\\broute\\b").all(Feature.ROUTE);
  }

  private void dilationNotRecorded() {
    t(
            DocumentationElement.BALLOON_DIAMETER,
            Tag.NEG_ONLY,
            "\\bballoon\\s+(?:size|diameter)s?\\b|\\b(?:size|diameter)\\s+of\\s+(?:the\\s+)?balloon\\b")
        .any(BALLOON);
    t(DocumentationElement.BALLOON_DIAMETER, Tag.NEG_ONLY, "\\b(?:size|diameter)\\b")
        .all(BALLOON, SIZE_WORD);
    t(DocumentationElement.BALLOON_DIAMETER, Tag.NEG_ONLY, "\\bballoon(?:\\s+dilat[a-z]*)?\\b")
        .all(BALLOON);
    t(
            INFLATION_COUNT,
            Tag.NEG_ONLY,
            "\\bnumber\\s+of\\s+(?:balloon\\s+)?(?:inflations|dilations|dilatations)\\b"
                + "|\\b(?:inflation|dilation)s?\\s+(?:count|number)\\b|#\\s*(?:of\\s+)?inflations\\b"
                + "|\\binflations\\b")
        .all(COUNT_WORD);
    t(
            INFLATION_DURATION,
            Tag.NEG_ONLY,
            "\\b(?:inflation|dilation|balloon)\\s+(?:duration|time)s?\\b"
                + "|\\bduration\\s+of\\s+(?:the\\s+|each\\s+)?(?:balloon\\s+)?(?:inflations?|dilations?)\\b"
                + "|\\bduration\\b")
        .any(DILATE, BALLOON)
        .all(DURATION_WORD);
    t(
            SEDATION_TIMES,
            Tag.NEG_ONLY,
            "\\b(?:(?:sedation|anesthesia|anaesthesia|intra-?service)\\s+)?(?:start\\s*(?:and|/|&|-)?"
                + "\\s*(?:stop|end)|start|stop|end)\\s+times?\\b"
                + "|\\b(?:sedation|anesthesia|anaesthesia|intra-?service)\\s+(?:times?|duration)\\b")
        .any(SEDATION, Feature.CLOCK);
  }

  private void strictureLocation() {
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
        .any(STRICTURE);
    t(
            STRICTURE_LOCATION,
            Tag.PLAIN,
            "\\b(?:at|in|of|near|involving|within|across|inside|beneath|below"
                + "|(?:just\\s+)?(?:proximal|distal|inside|beneath|below|above|beyond)(?:\\s+to)?)"
                + "\\s+(?:the\\s+)?(?:level\\s+of\\s+(?:the\\s+)?)?"
                + "(?:stoma|stomal\\s+(?:opening|orifice|os|site|level|aperture|outlet)|ostomy|colostomy"
                + "|ileostomy|(?:anterior\\s+)?(?:abdominal\\s+wall|fascia)|fascial\\s+level"
                + "|skin(?:\\s+level)?|mucocutaneous\\s+junction|{ANAST}?anastomosis"
                + "|(?:ascending|transverse|descending|sigmoid|proximal|distal|mid|right|left)\\s+colon"
                + "|(?:splenic|hepatic)\\s+flexure|sigmoid|ca?ecum|rectum|(?:neo-?)?terminal\\s+ileum)\\b")
        .any(STRICTURE, DILATE, PINHOLE);
    t(
            STRICTURE_LOCATION,
            Tag.PLAIN,
            "\\b(?:at\\s+)?{APPROX}\\d{1,3}(?:\\.\\d)?\\s*cm\\s+(?:from|proximal\\s+to|distal\\s+to|into"
                + "|above|beyond|inside|in\\s+from|deep\\s+to|in|within|past)\\s+(?:the\\s+)?"
                + "(?:stoma|ostomy|colostomy|ileostomy|skin|stomal|opening|orifice|os|mucocutaneous"
                + "|fascia|abdominal\\s+wall|anal\\s+verge)\\b")
        .any(STRICTURE, DILATE, PINHOLE)
        .all(DIGIT);
    t(
            STRICTURE_LOCATION,
            Tag.PLAIN,
            "\\bat\\s+{APPROX}\\d{1,3}(?:\\.\\d)?\\s*cm\\b"
                + "|\\b\\d{1,3}\\s*cm\\s+(?:in|inside|deep)\\b(?!\\s+(?:length|diameter|size|width))")
        .any(STRICTURE, DILATE, PINHOLE)
        .all(DIGIT);
    t(STRICTURE_LOCATION, Tag.NEG_ONLY, "\\b(?:stricture\\s+)?location\\b").all(LOCATION);
  }

  private void lumen() {
    t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_PIN,
            "\\bpin-?\\s?(?:hole|point)\\b|\\bfiliform\\b|\\bthread-?like\\b"
                + "|\\bnear[- ](?:complete|total)\\s+(?:obstruction|occlusion|stenosis|closure)\\b")
        .any(PINHOLE)
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
        .any(PASSAGE)
        .noInnerNegation();
    t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_PASS_POS,
            "\\b(?:pass(?:ed|es)?|travers(?:ed|es)|negotiat(?:ed|es)|admit(?:ted|s)"
                + "|allow(?:ed|s)\\s+(?:easy\\s+|free\\s+|the\\s+)?passage"
                + "|advanced\\s+(?:easily\\s+|freely\\s+|without\\s+(?:difficulty|resistance)\\s+)?"
                + "(?:through|across|beyond|past|to|into))\\b")
        .any(PASSAGE);
    t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_NEG_ONLY,
            "\\b(?:(?:pre|post)-?\\s?dilat[a-z]*\\s+)?(?:lumen|luminal\\s+diameter"
                + "|stricture\\s+(?:diameter|size|caliber))\\b")
        .any(LUMEN, SIZE_WORD);
  }

  private void extent() {
    String reachVerb =
        "(?:reach(?:ed|ing)?|advanc(?:e|ed|ing)|intubat(?:e|ed|ing)|pass(?:ed)?|to|into|up\\s+to"
            + "|until|as\\s+far\\s+as)\\s+(?:the\\s+)?(?:level\\s+of\\s+the\\s+)?";
    Trigger.Guard notBesideIt =
        (f, s, a, b) -> !precededBy(f, s, a, "distal", "proximal", "close", "adjacent", "next");
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:ca?ecum|ca?ecal\\s+(?:base|pole|landmarks?|strap))\\s+(?:was\\s+|were\\s+|is\\s+)?"
                + "(?:[a-z'-]+\\s+){0,2}?(?:reached|identified|visualized|visualised|intubated|seen"
                + "|entered|attained|achieved|examined|confirmed|documented|photographed"
                + "|photo-?documented)\\b")
        .any(CECUM);
    t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b" + reachVerb + "(?:ca?ecum|ca?ecal\\s+(?:base|pole))\\b")
        .any(CECUM)
        .guard(notBesideIt);
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE_LANDMARK,
            "\\bca?ecal\\s+intubation\\b|\\b(?:appendiceal\\s+orifice|ileoca?ecal\\s+valve)\\b")
        .any(CECUM)
        .skip(Section.INDICATION, Section.HISTORY, Section.PLAN, Section.CONSENT);
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:neo-?)?terminal\\s+ileum\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+){0,2}?"
                + "(?:intubated|reached|entered|examined|visualized|evaluated|inspected)\\b"
                + "|\\b(?:into|intubat(?:e|ed|ing)|reach(?:ed|ing)?|to|examined)\\s+(?:the\\s+)?"
                + "(?:neo-?)?terminal\\s+ileum\\b")
        .any(CECUM)
        .guard(notBesideIt)
        .skip(Section.INDICATION, Section.HISTORY, Section.PLAN, Section.CONSENT);
    t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b" + reachVerb + "{ANAST}?anastomosis\\b")
        .any(ANASTOMOSIS)
        .guard(notBesideIt)
        .skip(Section.INDICATION, Section.HISTORY, Section.PLAN, Section.CONSENT);
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b{ANAST}anastomosis\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+){0,2}?(?:reached"
                + "|identified|visualized|intubated|seen|traversed|examined)\\b"
                + "|\\banastomosis\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+)?(?:reached|intubated"
                + "|traversed)\\b")
        .any(ANASTOMOSIS)
        .skip(Section.INDICATION, Section.HISTORY, Section.PLAN, Section.CONSENT);
    t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\bcomplete\\s+(?:colonoscopy|exam(?:ination)?|study|evaluation)\\b"
                + "|\\b(?:entire|whole)\\s+(?:residual\\s+|remaining\\s+)?colon\\s+(?:was\\s+)?"
                + "(?:examined|visualized|evaluated|inspected|surveyed)\\b"
                + "|\\bcolonoscopy\\s+(?:was\\s+)?completed?\\s+to\\b")
        .any(CECUM)
        .skip(Section.INDICATION, Section.HISTORY, Section.PLAN, Section.CONSENT);
    t(
            EXTENT_OF_EXAM,
            Tag.EXTENT_LABEL,
            "\\bextent(?:\\s+of\\s+(?:the\\s+)?(?:exam(?:ination)?|procedure|colonoscopy|study"
                + "|intubation))?\\s*(?::|-|=|was|reached)")
        .any(CECUM)
        .noInnerNegation();
    t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_STRONG,
            "\\bincomplete\\s+(?:colonoscopy|exam(?:ination)?|study|procedure|evaluation"
                + "|colonic\\s+evaluation)\\b")
        .any(INCOMPLETE)
        .noInnerNegation()
        .skip(Section.HISTORY, Section.PLAN, Section.CONSENT);
    t(
            EXTENT_OF_EXAM,
            Tag.DISCONTINUED,
            "\\b(?:procedure|exam(?:ination)?|colonoscopy|study|case|endoscopy)\\s+(?:was\\s+|were\\s+"
                + "|had\\s+to\\s+be\\s+|had\\s+been\\s+)?(?:[a-z'-]+\\s+)?(?:aborted|terminated"
                + "|discontinued|abandoned|stopped|cancell?ed|halted)\\b"
                + "|\\b(?:abort(?:ed)?|terminat(?:e|ed)|discontinu(?:e|ed)|abandon(?:ed)?|stop(?:ped)?"
                + "|cancell?(?:ed)?|halt(?:ed)?)\\s+(?:the\\s+)?(?:procedure|exam(?:ination)?"
                + "|colonoscopy|study|case)\\b")
        .all(INCOMPLETE, PROCEDURE)
        .hypothetical()
        .skip(Section.HISTORY, Section.PLAN, Section.CONSENT, Section.INDICATION)
        .guard(Lexicon::stopIsAStop);
    t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_WEAK,
            "\\b(?:unable\\s+to|could\\s+not|couldn't|cannot|can't|failed\\s+to|not\\s+able\\s+to"
                + "|did\\s+not|didn't)\\s+(?:be\\s+)?(?:advance|advanced|pass|passed|traverse|traversed"
                + "|progress|proceed|go|get|intubate|reach|examine)\\b(?:\\s+[a-z0-9'-]+){0,5}?"
                + "\\s+(?:further|beyond|past|proximal(?:ly)?|more\\s+proximal(?:ly)?)\\b")
        .any(INCOMPLETE)
        .noInnerNegation()
        .skip(Section.HISTORY, Section.PLAN, Section.CONSENT, Section.INDICATION);
    t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_WEAK,
            "\\b(?:poor|inadequate|suboptimal|fair\\s+to\\s+poor|insufficient)\\s+(?:bowel\\s+)?"
                + "(?:prep|preparation|visualization)\\b|\\bprep(?:aration)?\\s+(?:was\\s+)?"
                + "(?:poor|inadequate)\\b")
        .any(INCOMPLETE)
        .noInnerNegation()
        .skip(Section.HISTORY, Section.PLAN, Section.CONSENT, Section.INDICATION);
    t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_WEAK,
            "\\b(?:examined|advanced|reached|visualized|evaluated|inspected|seen|intubated)\\s+"
                + "(?:only\\s+)?(?:up\\s+)?to\\s+(?:the\\s+)?(?:level\\s+of\\s+(?:the\\s+)?)?"
                + "(?:{SEGMENT}|\\d{1,3}\\s*cm)\\b|\\blimited\\s+(?:exam(?:ination)?|study"
                + "|colonoscopy|evaluation)\\b")
        .any(INCOMPLETE)
        .skip(Section.HISTORY, Section.PLAN, Section.CONSENT, Section.INDICATION);
    t(EXTENT_OF_EXAM, Tag.NEG_ONLY, "\\bextent\\b").any(CECUM);
  }

  private void complications() {
    Set<Section> notHere = NOT_THIS_PROCEDURE;
    t(
            COMPLICATIONS,
            Tag.COMP_GENERIC,
            "\\b(?:complications?|adverse\\s+(?:events?|reactions?|outcomes?)"
                + "|untoward\\s+(?:events?|effects?))\\b")
        .any(COMPLICATION)
        .hypothetical()
        .skip(Section.HISTORY, Section.CONSENT, Section.INDICATION);
    t(
            COMPLICATIONS,
            Tag.COMP_NONE,
            "\\buncomplicated\\b|\\bwithout\\s+(?:any\\s+)?(?:incident|problems?|issues?)\\b")
        .any(COMPLICATION)
        .noInnerNegation()
        .skip(notHere);
    t(
            COMPLICATIONS,
            Tag.COMP_EVENT,
            "\\b(?:bleed(?:ing|s)?|h(?:a)?emorrhag(?:e|ic)|ooz(?:e|ing|ed)|(?:micro-?)?perforat(?:ion|ions|ed)"
                + "|(?:mucosal\\s+|deep\\s+|full[- ]thickness\\s+|serosal\\s+)?(?:tears?|lacerations?"
                + "|injur(?:y|ies))|free\\s+air|pneumoperitoneum|extravasation|h(?:a)?ematoma"
                + "|complicated\\s+by)\\b")
        .any(COMPLICATION)
        .hypothetical()
        .skip(notHere);
    t(COMPLICATIONS, Tag.COMP_EBL, "\\b(?:ebl|estimated\\s+blood\\s+loss|blood\\s+loss)\\b")
        .any(COMPLICATION)
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
        .any(Feature.INDICATION)
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
        .any(Feature.INDICATION);
    t(
            INDICATION,
            Tag.PLAIN,
            "\\bfor\\s+(?:the\\s+)?(?:evaluation|management|treatment|dilat[a-z]*|assessment"
                + "|therapy)\\s+(?:and\\s+(?:[a-z]+\\s+)?(?:treatment|dilat[a-z]*|management"
                + "|therapy)\\s+)?of\\s+(?:[a-z'/-]+\\s+){0,4}?(?:strictures?|stenos[ie]s|narrowing"
                + "|obstruction|stoma)\\b")
        .any(Feature.INDICATION);
  }

  private void sedation() {
    Set<Section> notHere = EnumSet.of(Section.HISTORY, Section.CONSENT, Section.PLAN);
    t(
            SEDATION_TYPE,
            Tag.SED_MAC,
            "\\bmac\\b|\\bmonitored\\s+an(?:a)?esthesia(?:\\s+care)?\\b"
                + "|\\bgeneral\\s+(?:endotracheal\\s+)?an(?:a)?esthe[a-z]*|\\bgeta\\b|\\bdeep\\s+sedation\\b"
                + "|\\ban(?:a)?esthesia\\s+(?:team|service|services|staff|provider|personnel|department"
                + "|care\\s+team)\\b|\\b(?:by|per|from)\\s+(?:the\\s+)?(?:an(?:a)?esthesia"
                + "|an(?:a)?esthesiolog[a-z]*|an(?:a)?esthetist|crna)\\b|\\bcrna\\b"
                + "|\\ban(?:a)?esthesiologist\\b|\\ban(?:a)?esthetist\\b"
                + "|\\bunder\\s+(?:general\\s+)?an(?:a)?esthesia\\b|\\bendotracheal\\s+intubation\\b")
        .any(SEDATION)
        .hypothetical()
        .skip(notHere);
    t(
            SEDATION_TYPE,
            Tag.SED_MODERATE,
            "\\bmoderate\\s+(?:\\(?conscious\\)?\\s+|iv\\s+)?sedation\\b|\\bconscious\\s+sedation\\b"
                + "|\\bprocedural\\s+sedation\\b|\\b(?:iv|intravenous)\\s+(?:conscious\\s+)?sedation\\b"
                + "|\\bmoderate\\s*/\\s*conscious\\b|\\bsedation\\s+(?:level\\s*)?(?::|-)?\\s*moderate\\b")
        .any(SEDATION)
        .hypothetical()
        .skip(notHere);
    t(
            SEDATION_TYPE,
            Tag.SED_NONE,
            "\\bunsedated\\b|\\b(?:topical|local)\\s+(?:an(?:a)?esthe[a-z]*\\s+|lidocaine\\s+"
                + "|xylocaine\\s+|lignocaine\\s+)?only\\b|\\ban(?:a)?esthesia\\s*(?::|-)\\s*(?:none|local"
                + "|topical)\\b|\\bdeclined\\s+sedation\\b|\\bwithout\\s+(?:any\\s+)?(?:iv\\s+)?sedation\\b")
        .any(SEDATION)
        .noInnerNegation()
        .skip(notHere);
    t(SEDATION_TYPE, Tag.SED_GENERIC, "\\bsedation\\b|\\bsedated\\b")
        .any(SEDATION)
        .hypothetical()
        .skip(notHere);
    t(SEDATION_TYPE, Tag.SED_DRUG_MAC, "\\b(?:propofol|diprivan)\\b")
        .any(SEDATION)
        .hypothetical()
        .skip(notHere);
    t(
            SEDATION_TYPE,
            Tag.SED_DRUG_MODERATE,
            "\\b(?:midazolam|versed|fentanyl|sublimaze|meperidine|demerol|diazepam|valium"
                + "|remimazolam|byfavo)\\b")
        .any(SEDATION)
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
        .any(INSTRUCTION);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:resume|advance|continue|restart|start)\\s+(?:[a-z'-]+\\s+){0,2}?(?:diet"
                + "|medications?|meds|activit(?:y|ies)|anticoagula[a-z]*|aspirin|clopidogrel|plavix"
                + "|warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto)\\b")
        .any(INSTRUCTION)
        .skip(notHere);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:follow[- ]?up|f/u)\\s+(?:[a-z'-]+\\s+){0,3}?(?:in|with|at|after|\\d{1,2})\\b"
                + "|\\b(?:follow[- ]?up|f/u)\\s*:\\s*[a-z0-9]")
        .any(INSTRUCTION)
        .skip(notHere)
        .guard((f, s, a, b) -> !precededBy(f, s, a, "for", "of", "routine", "the"));
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:return|call|contact|present)\\s+(?:[a-z'-]+\\s+){0,3}?(?:if|for|with|should"
                + "|in\\s+case|immediately)\\b|\\breturn\\s+(?:to\\s+)?(?:the\\s+)?(?:clinic|office|ed"
                + "|er|emergency|endoscopy)\\b")
        .any(INSTRUCTION)
        .skip(notHere);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:clear\\s+liquids?|full\\s+liquids?|liquid|low[- ]residue|low[- ]fiber|soft|regular"
                + "|normal|usual)\\s+diet\\b|\\bdiet\\s+as\\s+tolerated\\b"
                + "|\\b(?:nothing\\s+by\\s+mouth|npo)\\s+(?:until|for)\\b")
        .any(INSTRUCTION)
        .skip(notHere);
    t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\brepeat\\s+(?:balloon\\s+)?(?:dilat[a-z]*|colonoscopy|endoscopy|procedure"
                + "|exam(?:ination)?|evaluation)\\s+(?:[a-z'-]+\\s+){0,3}?(?:in|if|as\\s+needed|prn"
                + "|at)\\b|\\b(?:discharged?|released)\\s+(?:[a-z'-]+\\s+){0,3}?(?:home|to\\s+home)\\b"
                + "|\\bstool\\s+softeners?\\b|\\bavoid\\s+(?:nsaids?|heavy\\s+lifting|lifting)\\b"
                + "|\\bwarning\\s+signs\\b")
        .any(INSTRUCTION)
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
        .any(Feature.FLUOROSCOPY)
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
        .any(ORDINAL)
        .hypothetical()
        .skip(notHere);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_ORDINAL,
            "\\b(second|third|fourth|2nd|3rd|4th|another|additional|separate|distinct|other)\\b"
                + "[\\s,]+(?:[a-z'-]+[\\s,]+){0,2}?(?:strictures?|stenos[ie]s|narrowings?"
                + "|stenotic\\s+(?:segments?|areas?|regions?)|webs?|sites?|lesions?)\\b")
        .any(ORDINAL)
        .hypothetical()
        .skip(notHere);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_LOCATIONS,
            "\\b(?:strictures|stenoses)\\s+(?:were\\s+)?(?:[a-z'-]+\\s+){0,2}?at\\s+{APPROX}"
                + "(\\d{1,3})\\s*(?:cm\\s*)?(?:and|,|&)\\s*(?:at\\s+)?(\\d{1,3})\\s*cm\\b")
        .any(ORDINAL)
        .all(DIGIT)
        .hypothetical()
        .skip(notHere);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_SINGLE,
            "\\b(?:single|solitary|one|isolated|lone|unifocal|only\\s+one)\\s+(?:[a-z'-]+\\s+)?"
                + "(?:stricture|stenosis|narrowing)\\b|\\bonly\\s+(?:a\\s+)?(?:single\\s+)?"
                + "(?:stricture|stenosis)\\b")
        .any(SINGLE)
        .noInnerNegation()
        .skip(notHere);
    t(
            DISTINCT_STRICTURE,
            Tag.DIST_BASE,
            "\\b(?:strictures?|stenos[ie]s|stenotic|narrowing|narrowed)\\b")
        .any(STRICTURE)
        .hypothetical()
        .skip(notHere);
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
    private long anyOf;
    private long allOf;
    private boolean innerNegation = true;
    private boolean hypotheticalDrops;
    private Set<Section> skipIn = EnumSet.noneOf(Section.class);
    private Trigger.Guard guard;

    Builder(DocumentationElement element, Tag tag, String regex) {
      this.element = element;
      this.tag = tag;
      this.regex = regex;
    }

    Builder any(Feature... features) {
      anyOf |= Feature.mask(features);
      return this;
    }

    Builder all(Feature... features) {
      allOf |= Feature.mask(features);
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

    Trigger build() {
      return new Trigger(
          element,
          tag,
          Pattern.compile(regex),
          anyOf,
          allOf,
          innerNegation,
          hypotheticalDrops,
          Set.copyOf(skipIn),
          guard);
    }
  }
}
