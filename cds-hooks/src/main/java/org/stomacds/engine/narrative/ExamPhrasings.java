package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.EXTENT_OF_EXAM;
import static org.stomacds.engine.documentation.DocumentationElement.FLUOROSCOPY;
import static org.stomacds.engine.documentation.DocumentationElement.INCREASED_WORK;
import static org.stomacds.engine.narrative.Feature.ANASTOMOSIS;
import static org.stomacds.engine.narrative.Feature.BEYOND;
import static org.stomacds.engine.narrative.Feature.BLOOD_LOSS;
import static org.stomacds.engine.narrative.Feature.COMPLICATION_EVENT;
import static org.stomacds.engine.narrative.Feature.PREP;
import static org.stomacds.engine.narrative.Feature.PROCEDURE;
import static org.stomacds.engine.narrative.Feature.STOPPED;
import static org.stomacds.engine.narrative.Feature.WORK;
import static org.stomacds.engine.narrative.Feature.WORK_OBJECT;

import java.util.EnumSet;
import java.util.Set;

/**
 * How notes say how the exam went: its extent (and a stop), complications, fluoroscopy and the
 * extra work behind modifier 22.
 */
final class ExamPhrasings {

  private static final Set<Section> NOT_THIS_PROCEDURE = Lexicon.NOT_THIS_PROCEDURE;

  private ExamPhrasings() {}

  static void addTo(Lexicon lx) {
    extent(lx);
    complications(lx);
    fluoroscopy(lx);
    increasedWork(lx);
  }

  private static void extent(Lexicon lx) {
    Set<Section> notHere =
        EnumSet.of(Section.INDICATION, Section.HISTORY, Section.PLAN, Section.CONSENT);
    lx.t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:ca?ecum|ca?ecal\\s+(?:base|pole|landmarks?|strap))\\s+(?:was\\s+|were\\s+|is\\s+)?"
                + "(?:[a-z'-]+\\s+){0,2}?(?:reached|identified|visualized|visualised|intubated|seen"
                + "|entered|attained|achieved|examined|confirmed|documented|photographed"
                + "|photo-?documented)\\b")
        .anchors("cecum", "caecum", "cecal", "caecal")
        .hypothetical();
    lx.t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b(?:ca?ecum|ca?ecal\\s+(?:base|pole))\\b")
        .anchors("cecum", "caecum", "cecal", "caecal")
        .guard(Guards::reachedIt)
        .hypothetical();
    lx.t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE_LANDMARK,
            "\\bca?ecal\\s+intubation\\b|\\b(?:appendiceal\\s+orifice|ileoca?ecal\\s+valve)\\b")
        .anchors("cecal", "caecal", "appendiceal", "ileocecal", "ileocaecal")
        .skip(notHere)
        .hypothetical();
    lx.t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:neo-?)?terminal\\s+ileum\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+){0,2}?"
                + "(?:intubated|reached|entered|examined|visualized|evaluated|inspected)\\b")
        .anchors("neo", "terminal")
        .skip(notHere)
        .hypothetical();
    lx.t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\bti\\s+(?:was\\s+|were\\s+)?(?:[a-z'-]+\\s+)?(?:intubated|reached|entered|examined"
                + "|visualized)\\b")
        .anchors("ti")
        .skip(notHere)
        .hypothetical();
    lx.t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b(?:(?:neo-?)?terminal\\s+ileum|ti)\\b")
        .anchors("neo", "terminal", "ti")
        .guard(Guards::reachedIt)
        .skip(notHere)
        .hypothetical();
    lx.t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b{ANAST}?anastomosis\\b")
        .anchors("ileo", "colo", "entero", "small", "colon", "anastomosis")
        .all(ANASTOMOSIS)
        .guard(Guards::reachedIt)
        .skip(notHere)
        .hypothetical();
    lx.t(
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
    lx.t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\bcomplete\\s+(?:colonoscopy|exam(?:ination)?|study|evaluation)\\b"
                + "|\\b(?:entire|whole)\\s+(?:residual\\s+|remaining\\s+)?colon\\s+(?:was\\s+)?"
                + "(?:examined|visualized|evaluated|inspected|surveyed)\\b"
                + "|\\bcolonoscopy\\s+(?:was\\s+)?completed?\\s+to\\b")
        .anchors("complete", "entire", "whole", "colonoscopy")
        .skip(notHere)
        .hypothetical();
    // The far end of a defunctioned segment: through a colostomy's distal limb or a Hartmann
    // pouch, the rectum, anal canal or dentate line is as far as the exam can go.
    lx.t(EXTENT_OF_EXAM, Tag.COMPLETE, "\\b(?:{DISTAL_END})\\b")
        .anchors("rectum", "rectal", "anal", "dentate", "anus")
        .guard(Guards::reachedIt)
        .skip(notHere)
        .hypothetical();
    lx.t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:{DISTAL_END})\\s+(?:was\\s+)?(?:[a-z'-]+\\s+)?(?:reached|intubated|entered"
                + "|examined|visualized|visualised)\\b|\\brectum\\s+to\\s+(?:the\\s+)?dentate\\s+line\\b"
                + "|\\b(?:exam(?:ination)?|colonoscopy|study)\\s+(?:was\\s+)?completed\\s+to\\b")
        .anchors("rectum", "rectal", "anal", "dentate", "anus", "exam", "colonoscopy", "study")
        .skip(notHere)
        .hypothetical();
    // A length of bowel examined: through an ileostomy (or a limb) that is the whole exam.
    lx.t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:examined|inspected|intubated|advanced|passed|evaluated|visualized|visualised|went"
                + "|carried|looked|continued|exam)\\b(?:[\\s,]+[a-z'-]+){0,8}?[\\s,]+(?:up\\s+)?to\\s+"
                + "{APPROX}\\d{1,3}\\s*{CM}(?!\\s*(?:from|proximal|distal|above|below)\\b)"
                + "|\\b(?:reach(?:ed|ing)?|advanced|passed|examined|inspected|intubated|traversed)\\s+"
                + "{APPROX}\\d{1,3}\\s*{CM}\\s+(?:(?:beyond|further|more)\\s+)?(?:of|into)\\b")
        .anchors("examined", "inspected", "intubated", "advanced", "passed", "evaluated")
        .anchors("visualized", "visualised", "went", "carried", "looked", "continued", "reach")
        .anchors("traversed", "exam")
        .skip(notHere)
        .hypothetical();
    lx.t(
            EXTENT_OF_EXAM,
            Tag.COMPLETE,
            "\\b(?:{LIMB})(?::\\s*|\\s+)(?:was\\s+)?(?:examined|inspected|intubated|evaluated|seen"
                + "|visualized|visualised|viewed)\\s+(?:(?:up\\s+)?to\\s+|for\\s+)?{APPROX}\\d{1,3}\\s*{CM}"
                + "|\\b(?:{LIMB})(?::\\s*|\\s+)(?:(?:up\\s+)?to\\s+)?{APPROX}\\d{1,3}\\s*{CM}"
                + "(?!\\s*(?:from|proximal|distal|above|below|beyond|long|in\\s+length)\\b)")
        .anchors("ileum", "small bowel", "afferent", "limb", "neo")
        .skip(notHere)
        .hypothetical();
    lx.t(
            EXTENT_OF_EXAM,
            Tag.EXTENT_LABEL,
            "\\bextent(?:\\s+of\\s+(?:the\\s+)?(?:exam(?:ination)?|procedure|colonoscopy|study"
                + "|intubation))?\\s*(?::|-|=|was|reached)")
        .anchors("extent")
        .noInnerNegation();
    lx.t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_STRONG,
            "\\bincomplete\\s+(?:colonoscopy|exam(?:ination)?|study|procedure|evaluation"
                + "|colonic\\s+evaluation)\\b")
        .anchors("incomplete")
        .noInnerNegation()
        .skip(Section.HISTORY, Section.PLAN, Section.CONSENT)
        .hypothetical();
    lx.t(
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
        .guard(Guards::stopIsAStop);
    lx.t(
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
    lx.t(
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
    lx.t(
            EXTENT_OF_EXAM,
            Tag.INCOMPLETE_WEAK,
            "\\b(?:examined|advanced|reached|visualized|evaluated|inspected|seen|intubated)\\s+"
                + "(?:only\\s+)?(?:up\\s+)?to\\s+(?:the\\s+)?(?:level\\s+of\\s+(?:the\\s+)?)?"
                + "(?:{SEGMENT}|\\d{1,3}\\s*cm)\\b|\\blimited\\s+(?:exam(?:ination)?|study"
                + "|colonoscopy|evaluation)\\b|\\b(?:could|was\\s+able\\s+to)\\s+only\\s+(?:see|examine"
                + "|advance|reach|get|go|pass|visuali[sz]e|intubate)\\b")
        .anchors("examined", "advanced", "reached", "visualized", "evaluated", "inspected")
        .anchors("seen", "intubated", "limited", "could", "was")
        .skip(notHere)
        .hypothetical();
    lx.t(EXTENT_OF_EXAM, Tag.NEG_ONLY, "\\bextent\\b").anchors("extent");
  }

  private static void complications(Lexicon lx) {
    lx.t(
            COMPLICATIONS,
            Tag.COMP_GENERIC,
            "\\b(?:complications?|adverse\\s+(?:events?|reactions?|outcomes?)"
                + "|untoward\\s+(?:events?|effects?)|cx|comps)\\b")
        .anchors("complication", "adverse", "untoward", "cx", "comps")
        .hypothetical()
        .skip(Section.HISTORY, Section.CONSENT, Section.INDICATION);
    lx.t(
            COMPLICATIONS,
            Tag.COMP_NONE,
            "\\buncomplicated\\b|\\bwithout\\s+(?:any\\s+)?(?:incident|problems?|issues?)\\b")
        .anchors("uncomplicated", "without")
        .noInnerNegation()
        .skip(NOT_THIS_PROCEDURE);
    lx.t(
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
    lx.t(COMPLICATIONS, Tag.COMP_EBL, "\\b(?:ebl|estimated\\s+blood\\s+loss|blood\\s+loss)\\b")
        .anchors("ebl", "estimated", "blood loss")
        .all(BLOOD_LOSS)
        .skip(Section.HISTORY, Section.CONSENT, Section.INDICATION);
  }

  private static void fluoroscopy(Lexicon lx) {
    lx.t(
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

  private static void increasedWork(Lexicon lx) {
    lx.t(
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
        .guard(Guards::isAboutTheProcedure);
  }
}
