package org.stomacds.engine.narrative;

import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.POST_PROCEDURE_INSTRUCTIONS;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;
import static org.stomacds.engine.narrative.Feature.DIET;
import static org.stomacds.engine.narrative.Feature.INSTRUCT;
import static org.stomacds.engine.narrative.Feature.INSTRUCTION_OBJECT;
import static org.stomacds.engine.narrative.Feature.SEDATION;
import static org.stomacds.engine.narrative.Feature.STRICTURE;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How notes say why and how the patient was cared for: the indication, the sedation, and the
 * instructions after the procedure.
 */
final class CarePhrasings {

  private CarePhrasings() {}

  static void addTo(Lexicon lx) {
    indication(lx);
    indicationInProse(lx);
    sedation(lx);
    instructions(lx);
  }

  private static void indication(Lexicon lx) {
    lx.t(
            INDICATION,
            Tag.PLAIN,
            "\\bindications?\\s+(?:for\\s+(?:the\\s+|this\\s+)?(?:procedure|exam(?:ination)?|colonoscopy"
                + "|dilation|dilatation|study)\\s+)?(?:was|were|is|are|include[sd]?|being)\\b"
                + "|\\breason\\s+for\\s+(?:the\\s+|this\\s+)?(?:procedure|exam(?:ination)?"
                + "|colonoscopy|referral|visit|study|dilation)\\b")
        .anchors("indication", "reason")
        .guard(Guards::hasContentAfter);
    lx.t(
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
    lx.t(
            INDICATION,
            Tag.PLAIN,
            "\\b(?:colonoscopy|endoscopy|ileoscopy|dilat[a-z]*|procedure|exam(?:ination)?)\\b"
                + "(?:\\s+[a-z'/-]+){0,5}?\\s+for\\s+(?:[a-z'/-]+\\s+){0,4}?(?:strictures?|stenos[ie]s"
                + "|stenotic|narrowing|narrowed|obstruct[a-z]*|symptoms|dysfunction)\\b")
        .anchors("colonoscopy", "endoscopy", "ileoscopy", "dilat", "procedure", "exam")
        .all(STRICTURE);
    lx.t(
            INDICATION,
            Tag.PLAIN,
            "\\b(?:evaluation|management|treatment|dilat[a-z]*"
                + "|assessment|therapy)\\s+(?:and\\s+(?:[a-z]+\\s+)?(?:treatment|dilat[a-z]*|management"
                + "|therapy)\\s+)?of\\s+(?:[a-z'/-]+\\s+){0,4}?(?:strictures?|stenos[ie]s|narrowing"
                + "|obstruction|stoma)\\b")
        .anchors("evaluation", "management", "treatment", "dilat", "assessment", "therapy")
        .guard((f, s, a, b) -> "for".equals(Guards.previousWord(f, s, a, Guards.THE)));
  }

  /** What brings a patient with a stoma to dilation: the stricture or the symptoms it causes. */
  private static final String PROBLEM =
      "(?:strictures?|stenos[ie]s|stenotic|narrowing|narrowed|obstruct[a-z]*|distension|distention"
          + "|cramp[a-z]*|bloating|vomiting|pain|impaction|blockages?|difficult[a-z]*|output)";

  /** Symptoms that, said of the patient, are a reason for the exam wherever they stand. */
  private static final String SYMPTOM =
      "(?:(?:abdominal\\s+)?distension|distention|bloating|cramp(?:s|ing)|vomiting|(?:fecal\\s+)?"
          + "impaction|blockages?|ribbon(?:-like)?\\s+(?:output|stool)|obstructive\\s+(?:symptoms|sx"
          + "|episodes)|sbo\\s+(?:sx|symptoms)|(?:difficult|painful)\\s+(?:irrigation|emptying"
          + "|evacuation)|(?:cant|can't|cannot|unable\\s+to)\\s+irrigate|inability\\s+to\\s+irrigate)";

  private static void indicationInProse(Lexicon lx) {
    Set<Section> notHere = EnumSet.of(Section.PLAN, Section.CONSENT, Section.COMPLICATIONS);
    // "He now has a parastomal stenosis", "who has developed ...", "she's been getting obstructed"
    lx.t(
            INDICATION,
            Tag.PLAIN,
            "\\b(?:(?:now|currently|recently)\\s+(?:has|have|having|with|w/|developed|presents\\s+with"
                + "|complains\\s+of)|(?:who|he|she|pt|patient|child|they)\\s+(?:now\\s+|also\\s+)?"
                + "(?:has|have|developed|has\\s+developed|is\\s+having|complains\\s+of)"
                + "|(?:he's|she's|he\\s+is|she\\s+is|has|have)\\s+(?:now\\s+)?(?:been\\s+)?"
                + "(?:having|getting|experiencing))\\b(?:[\\s,]+[a-z'/-]+){0,6}?[\\s,]+"
                + PROBLEM
                + "\\b")
        .anchors("now", "currently", "recently", "who", "he", "she", "pt", "patient", "child")
        .anchors("they", "he's", "she's", "has", "have")
        .skip(notHere)
        .hypothetical();
    lx.t(INDICATION, Tag.PLAIN, "\\b" + SYMPTOM + "\\b")
        .anchors("abdominal", "distension", "distention", "bloating", "cramp", "vomiting")
        .anchors("fecal", "impaction", "blockage", "ribbon", "obstructive", "sbo", "difficult")
        .anchors("painful", "cant", "can't", "cannot", "unable", "inability")
        .skip(EnumSet.of(Section.PLAN, Section.CONSENT, Section.COMPLICATIONS, Section.SEDATION))
        .guard(CarePhrasings::beforeTheProcedureIsDescribed)
        .hypothetical();
  }

  /**
   * A symptom is the reason for the exam where the note introduces the patient, not where it
   * describes the procedure ("mild cramping during inflation").
   */
  private static boolean beforeTheProcedureIsDescribed(String f, Sentence s, int a, int b) {
    if (DENIAL.matcher(f).region(s.start(), a).find()) {
      return false;
    }
    return s.section() == Section.INDICATION
        || s.section() == Section.HISTORY
        || !PROCEDURE_EVENT.matcher(f).region(s.start(), s.end()).find();
  }

  /** A symptom denied ("denies pain or distension") is a review of systems, not a reason. */
  private static final Pattern DENIAL =
      Rx.compile("\\b(?:no|denies|denied|deny|without|not|negative\\s+for|resolved)\\b");

  private static final Pattern PROCEDURE_EVENT =
      Rx.compile(
          "\\b(?:during|inflat[a-z]*|balloon|dilat[a-z]*|scope|colonoscope|gastroscope|withdraw[a-z]*"
              + "|insufflat[a-z]*|after|post|recovery|tolerated|complicat[a-z]*)\\b");

  private static void sedation(Lexicon lx) {
    Set<Section> notHere = EnumSet.of(Section.HISTORY, Section.CONSENT, Section.PLAN);
    lx.t(
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
    lx.t(
            SEDATION_TYPE,
            Tag.SED_MAC,
            "\\b(?:an(?:a)?esthesia|an(?:a)?esthesiolog[a-z]*|an(?:a)?esthetist|crna)\\b")
        .anchors("anesth", "anaesth", "crna")
        .hypothetical()
        .skip(notHere)
        .guard(
            (f, s, a, b) -> {
              String w = Guards.previousWord(f, s, a, Guards.THE);
              return "by".equals(w) || "per".equals(w) || "from".equals(w);
            });
    lx.t(
            SEDATION_TYPE,
            Tag.SED_MODERATE,
            // "mod" and "mod." are how terse notes write moderate ("Mod sedation by me").
            "\\bmod(?:erate|\\.)?[\\s-]*(?:\\(?conscious\\)?\\s+|iv\\s+)?sedation\\b"
                + "|\\bconscious\\s+sedation\\b"
                + "|\\bprocedural\\s+sedation\\b|\\b(?:iv|intravenous)\\s+(?:conscious\\s+)?sedation\\b"
                + "|\\bmod(?:erate|\\.)?\\s*/\\s*conscious\\b"
                + "|\\bsedation\\s*(?:level|type)?\\s*(?::|-|=|was)?\\s*(?:moderate|conscious|mod\\b)")
        .anchors("mod", "conscious", "procedural", "iv", "intravenous", "sedation")
        .all(SEDATION)
        .hypothetical()
        .skip(notHere);
    lx.t(
            SEDATION_TYPE,
            Tag.SED_NONE,
            "\\bunsedated\\b|\\b(?:topical|local)\\s+(?:an(?:a)?esthe[a-z]*\\s+|lidocaine\\s+"
                + "|xylocaine\\s+|lignocaine\\s+)?only\\b|\\ban(?:a)?esthesia\\s*(?::|-)\\s*(?:none|local"
                + "|topical)\\b|\\bdeclined\\s+sedation\\b|\\bwithout\\s+(?:any\\s+)?(?:iv\\s+)?sedation\\b")
        .anchors("unsedated", "topical", "local", "anesth", "anaesth", "declined", "without")
        .all(SEDATION)
        .noInnerNegation()
        .skip(notHere);
    lx.t(SEDATION_TYPE, Tag.SED_GENERIC, "\\bsedation\\b|\\bsedated\\b")
        .anchors("sedat")
        .hypothetical()
        .skip(notHere);
    lx.t(SEDATION_TYPE, Tag.SED_DRUG_MAC, "\\b(?:propofol|diprivan)\\b")
        .anchors("propofol", "diprivan")
        .hypothetical()
        .skip(notHere);
    lx.t(
            SEDATION_TYPE,
            Tag.SED_DRUG_MODERATE,
            "\\b(?:midazolam|versed|fentanyl|sublimaze|meperidine|demerol|diazepam|valium"
                + "|remimazolam|byfavo)\\b")
        .anchors("midazolam", "versed", "fentanyl", "sublimaze", "meperidine", "demerol")
        .anchors("diazepam", "valium", "remimazolam", "byfavo")
        .hypothetical()
        .skip(notHere);
  }

  private static void instructions(Lexicon lx) {
    Set<Section> notHere = EnumSet.of(Section.INDICATION, Section.HISTORY);
    lx.t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.INSTR_EXPLICIT,
            "\\b(?:discharge|post-?\\s?(?:procedure|procedural|op|operative|dilation|dilatation)"
                + "|aftercare|after-care|home(?:-going)?|written|verbal|follow-?up)\\s+instructions?\\b"
                + "|\\binstructions?\\s+(?:were\\s+|was\\s+|have\\s+been\\s+)?(?:given|provided|reviewed"
                + "|discussed|explained)\\b|\\binstructed\\s+to\\b")
        .anchors("discharge", "post", "aftercare", "after-care", "home", "written", "verbal")
        .anchors("follow", "instruct")
        .all(INSTRUCT);
    lx.t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:resume|advance|continue|restart|start)\\s+(?:[a-z'-]+\\s+){0,2}?(?:diet"
                + "|medications?|meds|activit(?:y|ies)|anticoagula[a-z]*|aspirin|clopidogrel|plavix"
                + "|warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto)\\b")
        .anchors("resume", "advance", "continue", "restart", "start")
        .all(INSTRUCTION_OBJECT)
        .skip(notHere);
    lx.t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:follow[- ]?up|f/u)\\s+(?:[a-z'-]+\\s+){0,3}?(?:in|with|at|after|\\d{1,2})\\b"
                + "|\\b(?:follow[- ]?up|f/u)\\s*:\\s*[a-z0-9]")
        .anchors("follow", "f/u")
        .skip(notHere)
        .guard((f, s, a, b) -> !Guards.precededBy(f, s, a, "for", "of", "routine", "the"));
    lx.t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:return|call|contact|present)\\s+(?:[a-z0-9'-]+\\s+){0,3}?(?:if|for|with|should"
                + "|in\\s+case|immediately)\\b|\\breturn\\s+(?:to\\s+)?(?:the\\s+)?(?:clinic|office|ed"
                + "|er|emergency|endoscopy)\\b")
        .anchors("return", "call", "contact", "present")
        .skip(notHere);
    lx.t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\b(?:clear\\s+liquids?|full\\s+liquids?|liquid|low[- ]residue|low[- ]fiber|soft|regular"
                + "|reg|normal|usual)\\s+diet\\b|\\bdiet\\s+as\\s+tolerated\\b"
                + "|\\bdiet\\s*:\\s*(?:[a-z'-]+\\s+)?(?:residue|fiber|soft|regular|reg|liquids?|fluids"
                + "|clear|normal|usual)\\b"
                + "|\\b(?:nothing\\s+by\\s+mouth|npo)\\s+(?:until|for)\\b")
        .anchors("clear", "full", "liquid", "low", "soft", "regular", "reg", "normal", "usual")
        .anchors("diet")
        .anchors("nothing", "npo")
        .all(DIET)
        .skip(notHere);
    lx.t(
            POST_PROCEDURE_INSTRUCTIONS,
            Tag.PLAIN,
            "\\brepeat\\s+(?:balloon\\s+)?(?:dilat[a-z]*|colonoscopy|endoscopy|procedure"
                + "|exam(?:ination)?|evaluation)\\s+(?:[a-z'-]+\\s+){0,3}?(?:in|if|as\\s+needed|prn"
                + "|at)\\b|\\b(?:discharged?|released)\\s+(?:[a-z'-]+\\s+){0,3}?(?:home|to\\s+home)\\b"
                + "|\\bd/c\\s+(?:[a-z'-]+\\s+){0,2}?(?:home|to\\s+home)\\b"
                + "|\\bstool\\s+softeners?\\b|\\bavoid\\s+(?:nsaids?|heavy\\s+lifting|lifting)\\b"
                + "|\\bwarning\\s+signs\\b")
        .anchors("repeat", "discharg", "released", "d/c", "stool", "avoid", "warning")
        .skip(notHere);
  }
}
