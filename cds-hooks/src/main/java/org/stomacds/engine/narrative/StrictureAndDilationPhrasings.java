package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.DISTINCT_STRICTURE;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_COUNT;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_DURATION;
import static org.stomacds.engine.documentation.DocumentationElement.PRE_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;
import static org.stomacds.engine.documentation.DocumentationElement.STRICTURE_LOCATION;
import static org.stomacds.engine.narrative.Feature.BALLOON_WORD;
import static org.stomacds.engine.narrative.Feature.CM;
import static org.stomacds.engine.narrative.Feature.DIGIT;
import static org.stomacds.engine.narrative.Feature.DILATION_TALK;
import static org.stomacds.engine.narrative.Feature.LOCATION;
import static org.stomacds.engine.narrative.Feature.LUMEN_OR_SIZE;
import static org.stomacds.engine.narrative.Feature.PASSAGE;
import static org.stomacds.engine.narrative.Feature.PLURAL_STRICTURE;
import static org.stomacds.engine.narrative.Feature.SCOPE_CONTEXT;
import static org.stomacds.engine.narrative.Feature.STOMA;
import static org.stomacds.engine.narrative.Feature.STRICTURE;
import static org.stomacds.engine.narrative.Feature.STRICTURE_NOUN;
import static org.stomacds.engine.narrative.Feature.STRICTURE_TALK;

import java.util.EnumSet;
import java.util.Set;

/**
 * How notes say where the scope went and what was dilated: the route through the stoma, the
 * stricture's place and lumen, distinct strictures, and the "not recorded" phrasings of the
 * dilation's numbers (the numbers themselves are read by {@link Quantities}).
 */
final class StrictureAndDilationPhrasings {

  private StrictureAndDilationPhrasings() {}

  static void addTo(Lexicon lx) {
    route(lx);
    dilationNotRecorded(lx);
    strictureLocation(lx);
    lumen(lx);
    distinctStricture(lx);
  }

  private static void route(Lexicon lx) {
    Set<Section> notHere = EnumSet.of(Section.INDICATION, Section.HISTORY, Section.PLAN);
    lx.t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:through|thru|via|per|by\\s+way\\s+of)\\s+{POSS}(?:{W}\\s+){0,6}?{STOMA}\\b")
        .anchors("through", "thru", "via", "per", "by way of")
        .all(STOMA, SCOPE_CONTEXT)
        .skip(notHere);
    lx.t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:insert|introduc|advanc|pass|plac|put)[a-z]*\\s+(?:{W}\\s+){0,4}?(?:into|in)\\s+{POSS}"
                + "(?:{W}\\s+){0,6}?{STOMA}\\b")
        .anchors("insert", "introduc", "advanc", "pass", "plac", "put")
        .all(STOMA)
        .skip(notHere);
    // A loop stoma has two openings and an end stoma may come with a mucous fistula: notes name
    // the limb the scope went into ("via the efferent (distal) limb", "thru prox limb").
    lx.t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:through|thru|via|into|in\\s+through)\\s+{POSS}(?:{W}\\s+){0,2}?{LIMB_SIDE}\\s+"
                + "(?:\\([a-z]+\\)\\s+)?(?:limb|opening|loop|stoma|colostomy|ileostomy)\\b"
                + "|\\b(?:through|thru|via|into)\\s+{POSS}(?:{W}\\s+){0,2}?mucous\\s+fistula\\b")
        .anchors("through", "thru", "via", "into")
        .all(SCOPE_CONTEXT)
        .skip(notHere);
    lx.t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b(?:scope|colonoscope|gastroscope|endoscope|gif|pcf|cf|ped\\s+scope)\\s+(?:was\\s+)?"
                + "(?:into|through|thru|via)\\s+{POSS}(?:{W}\\s+){0,2}?{STOMA}\\b")
        .anchors("scope", "colonoscope", "gastroscope", "endoscope", "gif", "pcf", "cf", "ped")
        .all(STOMA)
        .skip(notHere);
    lx.t(ROUTE_THROUGH_STOMA, Tag.PLAIN, "\\btrans-?\\s?(?:stomal(?:ly)?|ostomy|stoma)\\b")
        .anchors("trans");
    lx.t(ROUTE_THROUGH_STOMA, Tag.PLAIN, "\\bintubat[a-z]*\\s+{POSS}(?:{W}\\s+){0,2}?{STOMA}\\b")
        .anchors("intubat")
        .all(STOMA);
    lx.t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\b{STOMA}\\s+(?:was|were)\\s+(?:[a-z]+\\s+)?intubated\\b"
                + "|\\b(?:stomal?|colostomy|ileostomy|ostomy)\\s+(?:colonoscopy|endoscopy|ileoscopy"
                + "|intubation|approach|route|scope|colonoscope)\\b")
        .anchors("~stom");
    lx.t(
            ROUTE_THROUGH_STOMA,
            Tag.PLAIN,
            "\\broute\\s*(?::|-|was|of\\s+entry)\\s*(?:{W}\\s+){0,3}?{STOMA}\\b")
        .anchors("route")
        .all(STOMA);
    lx.t(ROUTE_THROUGH_STOMA, Tag.NEG_ONLY, "\\broute\\b").anchors("route");
  }

  private static void dilationNotRecorded(Lexicon lx) {
    lx.t(
            BALLOON_DIAMETER,
            Tag.NEG_ONLY,
            "\\bballoon\\s+(?:size|diameter)s?\\b|\\b(?:size|diameter)\\s+of\\s+(?:the\\s+)?balloon\\b"
                + "|\\b(?:size|diameter)\\b|\\bballoon(?:\\s+dilat[a-z]*)?\\b")
        .anchors("balloon", "size", "diameter")
        .all(BALLOON_WORD);
    lx.t(
            INFLATION_COUNT,
            Tag.NEG_ONLY,
            "\\bnumber\\s+of\\s+(?:balloon\\s+)?(?:inflations|dilations|dilatations)\\b"
                + "|\\b(?:inflation|dilation)s?\\s+(?:count|number)\\b|#\\s*(?:of\\s+)?inflations\\b"
                + "|\\binflations\\b")
        .anchors("number", "inflation", "dilation", "#");
    lx.t(
            INFLATION_DURATION,
            Tag.NEG_ONLY,
            "\\b(?:inflation|dilation|balloon)\\s+(?:duration|time)s?\\b"
                + "|\\bduration\\s+of\\s+(?:the\\s+|each\\s+)?(?:balloon\\s+)?(?:inflations?|dilations?)\\b"
                + "|\\bduration\\b")
        .anchors("inflation", "dilation", "balloon", "duration")
        .all(DILATION_TALK);
    lx.t(
            SEDATION_TIMES,
            Tag.NEG_ONLY,
            "\\b(?:(?:sedation|anesthesia|anaesthesia|intra-?service)\\s+)?(?:start\\s*(?:and|/|&|-)?"
                + "\\s*(?:stop|end)|start|stop|end)\\s+times?\\b"
                + "|\\b(?:sedation|anesthesia|anaesthesia|intra-?service)\\s+(?:times?|duration)\\b")
        .anchors("sedation", "anesthesia", "anaesthesia", "intraservice", "intra-service", "start")
        .anchors("stop", "end");
  }

  private static void strictureLocation(Lexicon lx) {
    Set<Section> notHere = EnumSet.of(Section.HISTORY, Section.CONSENT, Section.PLAN);
    lx.t(
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
    lx.t(
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
        .guard(Guards::afterPlacePreposition)
        .skip(notHere);
    lx.t(
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
    lx.t(STRICTURE_LOCATION, Tag.PLAIN, "\\d{1,3}(?:\\.\\d)?\\s*cm\\b")
        .any(DIGIT)
        .all(CM, STRICTURE_TALK)
        .guard((f, s, a, b) -> "at".equals(Guards.previousWord(f, s, a, Guards.APPROXIMATELY)))
        .skip(notHere);
    lx.t(STRICTURE_LOCATION, Tag.NEG_ONLY, "\\b(?:stricture\\s+)?location\\b")
        .anchors("stricture", "location")
        .all(LOCATION);
  }

  private static void lumen(Lexicon lx) {
    lx.t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_PIN,
            "\\bpin-?\\s?(?:hole|point)\\b|\\bfiliform\\b|\\bthread-?like\\b"
                + "|\\bnear[- ](?:complete|total)\\s+(?:obstruction|occlusion|stenosis|closure)\\b")
        .anchors("pin", "filiform", "thread", "near")
        .noInnerNegation();
    lx.t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_PASS_NEG,
            "\\b(?:(?:could|would)\\s+not|couldn't|wouldn't|cannot|can't|unable\\s+to|failed\\s+to"
                + "|did\\s+not|didn't|not\\s+able\\s+to)\\s+(?:be\\s+)?(?:easily\\s+)?(?:pass(?:ed)?"
                + "|travers(?:e|ed)|negotiat(?:e|ed)|advanc(?:e|ed)|admit(?:ted)?|allow|permit|let"
                + "|cross(?:ed)?)\\b|\\btoo\\s+(?:narrow|tight)\\s+(?:to|for)\\b"
                + "|\\b(?:neither|none)\\s+(?:of\\s+(?:them|the\\s+[a-z]+)\\s+)?(?:would|could|did)"
                + "\\s+(?:let|allow|admit|permit|pass)\\b"
                + "|\\b(?:impassable|non-?traversable|not\\s+traversable)\\b"
                + "|\\b(?:admit(?:ted|s|ting)?|allow(?:ed|s)?)\\s+only\\b"
                + "|\\bonly\\s+(?:admit(?:ted|s)?|allow(?:ed|s)?)\\b")
        .anchors("could", "would", "cannot", "can't", "unable", "failed", "did", "not", "too")
        .anchors("couldn't", "wouldn't", "didn't")
        .anchors("impassable", "non", "admit", "allow", "only", "neither", "none")
        .all(PASSAGE)
        .noInnerNegation();
    lx.t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_PASS_POS,
            "\\b(?:pass(?:ed|es)?|travers(?:ed|es)|negotiat(?:ed|es)|admit(?:ted|s)"
                + "|allow(?:ed|s)\\s+(?:easy\\s+|free\\s+|the\\s+)?passage"
                + "|advanced\\s+(?:easily\\s+|freely\\s+|without\\s+(?:difficulty|resistance)\\s+)?"
                + "(?:through|across|beyond|past|to|into))\\b")
        .anchors("pass", "travers", "negotiat", "admit", "allow", "advanced")
        .guard(Guards::theScopeNotADevice);
    lx.t(
            PRE_DILATION_LUMEN,
            Tag.LUMEN_NEG_ONLY,
            "\\b(?:(?:pre|post)-?\\s?(?:dil(?:at[a-z]*)?\\.?|balloon)\\s+)?(?:lumen|luminal\\s+diameter"
                + "|stricture\\s+(?:diameter|size|caliber))\\b")
        .anchors("pre", "post", "lumen", "luminal", "stricture")
        .all(LUMEN_OR_SIZE);
  }

  private static void distinctStricture(Lexicon lx) {
    Set<Section> notHere = EnumSet.of(Section.HISTORY, Section.CONSENT, Section.PLAN);
    lx.t(
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
    lx.t(
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
    lx.t(
            DISTINCT_STRICTURE,
            Tag.DIST_LOCATIONS,
            "\\b(?:strictures|stenoses)\\s+(?:were\\s+)?(?:[a-z'-]+\\s+){0,2}?at\\s+{APPROX}"
                + "(\\d{1,3})\\s*(?:cm\\s*)?(?:and|,|&)\\s*(?:at\\s+)?(\\d{1,3})\\s*cm\\b")
        .anchors("strictures", "stenoses")
        .all(DIGIT)
        .hypothetical()
        .skip(notHere);
    lx.t(
            DISTINCT_STRICTURE,
            Tag.DIST_SINGLE,
            "\\b(?:single|solitary|one|isolated|lone|unifocal|only\\s+one)\\s+(?:[a-z'-]+\\s+)?"
                + "(?:stricture|stenosis|narrowing)\\b|\\bonly\\s+(?:a\\s+)?(?:single\\s+)?"
                + "(?:stricture|stenosis)\\b")
        .anchors("single", "solitary", "one", "isolated", "lone", "unifocal", "only")
        .all(STRICTURE_NOUN)
        .noInnerNegation()
        .skip(notHere);
    lx.t(
            DISTINCT_STRICTURE,
            Tag.DIST_BASE,
            "\\b(?:strictures?|stenos[ie]s|stenotic|narrowing|narrowed)\\b")
        .anchors("strictur", "stenos", "stenotic", "narrowing", "narrowed")
        .hypothetical()
        .skip(notHere);
  }
}
