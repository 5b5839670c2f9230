package org.stomacds.engine.narrative;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which lines of a plan are instructions to the patient. A plan section holds them ("Plan: clear
 * liquids today; call for fever"), but also lines that tell the patient nothing to do after this
 * procedure: where the patient went ("Disposition: PACU, then home", "Admitted overnight to the
 * ward"), what happens to the specimens or the results ("Biopsies to pathology"), the clinician's
 * plans for later care ("repeat dilation in 4 weeks", "CT colonography", "clinic follow-up 2
 * weeks", "consider surgical revision", "ileostomy closure once the enema is clear") and who was
 * told ("Parents informed"). A line is read clause by clause (at ";", ",", a full stop): it may
 * instruct when one of its clauses is none of these.
 */
final class PlanContent {

  private PlanContent() {}

  /** Where the patient goes, or stays: "discharged home", "to PACU", "admit", "observe 2 h". */
  private static final String DISPOSITION =
      "(?:(?:patient|pt|child|baby|infant|she|he)\\s+(?:was\\s+|is\\s+|will\\s+be\\s+|to\\s+be\\s+)?)?"
          + "(?:(?:then|discharged?|discharging|d/c|released|transferred|sent|returned|return|back|to)"
          + "\\s+)*"
          + "(?:(?:the|a)\\s+)?(?:home(?!\\s+(?:irrigation|dilat|care|health|dilator))|pacu|recovery|floor|ward|icu|nicu|picu|day\\s+(?:unit|case)"
          + "|admit(?:ted)?|admission|inpatient|observ(?:e|ed|ation)|obs|step-?down|extubated|awake"
          // "recover, home": where the patient goes first
          + "|recover(?:s|ed)?|day\\s+(?:surgery|procedure|stay|ward|bed)(?:\\s+unit)?|dsu|sdu"
          // "Monitor on ward overnight": where the patient stays, watched by the staff
          + "|monitor(?:ed|ing)?\\s+(?:(?:on|in)\\s+(?:the\\s+)?(?:ward|unit|recovery|pacu|hospital)|overnight)"
          + "|(?:extended|prolonged|further|longer)\\s+(?:recovery|observation|obs|monitoring|stay)|overnight\\s+(?:admission|stay|observation)|stay\\s+overnight"
          + "|discharged?|discharge\\s+(?:home|when|once|after|criteria)|d/c\\s+home|dispo)\\b";

  /** A condition, which instructs nothing by itself: "if restenosis", "once recovered". */
  private static final String CONDITION = "(?:if|when|once|after|unless|until|pending)\\b";

  /** How or when a step is taken, as a clause of its own: "today", "with escort". */
  private static final String HOW =
      "(?:today|tonight|stable|same\\s+day|as\\s+needed|prn"
          + "|with\\s+(?:an?\\s+)?(?:escort|family|parents?|spouse|mother|father|husband|wife|daughter"
          + "|son|friend|driver|responsible\\s+adult|adult|carer|caregiver)"
          + "|w/\\s*(?:escort|family|spouse|wife|husband|adult)"
          + "|in\\s+(?:good|stable|satisfactory)\\s+condition)[^a-z0-9]*$";

  /** The specimens or the results: "await pathology", "biopsies to pathology". */
  private static final String RESULTS =
      "(?:(?:await|awaiting|follow\\s+up|f/u|pending|review)\\s+"
          // "call with biopsy results", "will phone the patient with path"
          + "|(?:will\\s+)?(?:call|phone|contact|letter|notify)\\s+(?:(?:the\\s+)?(?:patient|pt|family"
          + "|parents?)\\s+|him\\s+|her\\s+|them\\s+)?(?:with|re|regarding|about)\\s+)?"
          + "(?:the\\s+)?(?:pathology|path"
          + "|histology|biops(?:y|ies)|specimens?|results?|cultures?)\\b";

  /**
   * Care planned for later, which the clinician arranges: a repeat or another procedure, an
   * operation, imaging, a visit or a referral, a change of the long-term therapy.
   */
  private static final String LATER_CARE =
      "(?:(?:plan(?:ned)?|planning|we\\s+will|will|to\\s+be|consider(?:ing)?|possible|possibly"
          // "plan is to ...", "plan will be to discuss ...", "return to clinic"
          + "|(?:the|our)\\s+plan|(?:is|will\\s+be|would\\s+be)\\s+to|return(?:\\s+to)?|for"
          // "continue adalimumab", "target 18 mm", "in 6 weeks"
          + "|continue|maintain|stay\\s+on|remain\\s+on|target|aim(?:\\s+for)?|goal"
          + "|in\\s+\\d{1,2}(?:\\s*-\\s*\\d{1,2})?\\s*(?:days?|d|weeks?|wks?|months?|mos?|m)"
          + "|hold(?:ing)?\\s+off(?:\\s+on)?|defer(?:red)?|no|avoid"
          + "|probably|likely|may\\s+need|next|then|proceed\\s+with|arrange|book|schedule[ds]?"
          + "|re-?book|future)\\s+)*(?:(?:pediatric|paediatric|general|colorectal|gi|ibd|surgical"
          + "|outpatient|interval|elective|planned|further|another|a|an|the|to|barium"
          + "|water-?soluble|gastrogr?af+in|oral|stoma|second|third|fourth|subsequent|final)(?:\\s+|\\s*/\\s*))*"
          + "(?:repeat|redo|re-?check|re-?assess[a-z]*|re-?evaluat[a-z]*|re-?look|re-?scope|re-?try|re-?attempt"
          + "|session|sitting|attempt|re-?dilat[a-z]*|dilat[a-z]*|dils?\\b|resched[a-z]*|re-?book(?:ed)?|rtc"
          + "|surveillance|clinic|office"
          // a blood test the staff take: "CBC in AM", "FBC before discharge", "check Hb"
          + "|(?:check\\s+)?(?:cbc|fbc|hb|hgb|h/h|bloods|labs|u\\s?&\\s?e|bmp|cmp|crp)"
          + "|follow[- ]?up|stud(?:y|ies)|loopogram"
          // a size alone: "repeat in 3 months, possibly 20 mm"
          + "|\\d{1,2}(?:\\.\\d)?\\s*mm"
          + "|(?:ostomy|stoma|stomal|woc|wound|enterostomal)\\s+(?:care\\s+)?(?:nurse|rn|team|clinic)"
          // British and Australian shorthand: outpatients ("OPD 6/52"), review ("rv 6/52"), to come
          // in ("TCI"), the multidisciplinary meeting, a repeat ("rpt")
          + "|opd|opc|outpatients?|rv|r/v|tci|mdt|rpt|pull-?through"
          // the letter to the family doctor: "Letter to GP", "copy to GP", "GP letter"
          + "|(?:letter|copy|cc|summary)\\s+(?:to\\s+)?(?:the\\s+)?(?:gp|lmo|family\\s+doctor|pcp)|gp\\s+letter"
          + "|f/u|fu|see\\b|review|referr?(?:al|ed)?|refer|consult(?:ation)?|opinion|surg(?:ery|eon"
          + "|ical)?|crs|oncology|(?:[a-z'/-]+\\s+){0,2}?(?:closure|take-?down|reversal|revision"
          + "|resection|strictur(?:e)?oplasty)"
          + "|ct\\b|mri|kub|x-?ray|imaging|contrast|colonography|enema|ultrasound|obtain|order"
          + "|request|discuss(?:ion|ed)?|increase\\s+(?:the\\s+)?(?:[a-z]+mab|dose|interval)"
          + "|escalat[a-z]*|optimi[sz][a-z]*|switch|dose|biologic|colonoscopy|ileoscopy"
          + "|ileocolonoscopy|endoscopy|pouchoscopy|sigmoidoscopy|flex(?:ible)?\\s+sig"
          // a biologic or an immunomodulator: the long-term therapy, not recovery
          + "|[a-z]+mab|azathioprine|mercaptopurine|6-?mp|methotrexate|tofacitinib|upadacitinib"
          // another service's evaluation: "anesthesia airway evaluation", "cardiology review"
          + "|(?:[a-z'/-]+\\s+){0,3}?(?:evaluation|eval|assessment|clearance|review|work-?up)\\b"
          + "(?!\\s+(?:of\\s+)?(?:the\\s+)?(?:warning|red|return|diet|instructions|precautions|signs"
          + "|stoma\\s+care|pouch|bag|appliance))|(?:endoscopic|balloon|tts)\\s+(?:balloon\\s+)?dilat[a-z]*"
          + "|procedure)\\b";

  /** Who was told: "parents informed", "they agree with the plan", "discussed with the family". */
  private static final String TOLD =
      "(?:(?:patient|pt|parents?|family|mother|father|wife|husband|spouse|daughter|son|sister"
          + "|brother|partner|caregivers?|guardians?|they|she|he)\\s+(?:was\\s+|were\\s+)?(?:informed|updated|aware|agree[sd]?|notified|told"
          + "|understands?)|(?:discussed|d/w|findings\\s+discussed)\\s+with)\\b";

  /**
   * A plan told elsewhere, or a colleague's visit: "Plan: as above", "Dr. *** to see in clinic".
   */
  private static final String ELSEWHERE =
      "(?:(?:otherwise\\s+|rest\\s+)?(?:as|see|per)\\s+(?:above|below|discussed|outlined|planned)"
          + "|(?:(?:dr|mr|ms|mrs|prof)\\.?\\s+)?\\S+\\s+(?:to|will)\\s+(?:see|review|follow)\\b"
          // a clause cut at the title's full stop ("Dr. *** to see"): the name goes on after it
          + "|(?:dr|mr|ms|mrs|prof)$)";

  /**
   * The stoma nurses teaching the patient (home dilation, irrigation, the pouch): aftercare; a
   * visit or review by them is later care (coding decision 5).
   */
  private static final AnchoredPattern STOMA_NURSE =
      AnchoredPattern.compile(
          "\\b(?:ostomy|stoma|stomal|woc|wound|enterostomal)\\s+(?:care\\s+)?(?:nurse|rn)s?\\s+"
              + "(?:to\\s+|will\\s+)?(?:teach|taught|instruct|show|showed|educat)[a-z]*\\b");

  /**
   * Earlier care, told beside a plan ("(prev dil 15mm x2 sessions"), or the clinician's own plan
   * ("will plan 10 mm balloon").
   */
  private static final String EARLIER =
      "\\(?\\s*(?:prev|prior|previous|previously|hx|history|known|last)\\b"
          + "|(?:we\\s+|i\\s+)?(?:will\\s+)?plan(?:ned|ning|s)?\\b";

  /** A clause that only goes on with the one before it: "with fluoroscopy available". */
  private static final Pattern GOES_ON =
      Rx.compile("[^a-z0-9]*(?:with|at|in|for|to|and|or|by|under|via|using|plus|w/)\\b");

  /** A clause that tells the patient nothing to do after this procedure. */
  private static final Pattern NOT_AN_INSTRUCTION =
      Rx.compile(
          "[^a-z0-9]*(?:"
              + DISPOSITION
              + "|"
              + CONDITION
              + "|"
              + HOW
              + "|"
              + RESULTS
              + "|"
              + LATER_CARE
              + "|"
              + TOLD
              + "|"
              + ELSEWHERE
              + "|"
              + EARLIER
              + ")");

  /** Where clauses end: ";", ",", a full stop before a space (not that of "Dr.", "St."). */
  private static final AnchoredPattern CLAUSE_END =
      AnchoredPattern.compile("[;,]|(?<![^a-z][a-z]{1,2})\\.(?=\\s|$)");

  /** Whether the content of plan line {@code s} may be an instruction to the patient. */
  static boolean mayInstruct(String f, Sentence s) {
    int from = s.contentStart();
    int to = s.end();
    if (STOMA_NURSE.finder(f).region(from, to).find()) {
      return true;
    }
    AnchoredPattern.Finder end = CLAUSE_END.finder(f).region(from, to);
    Matcher not = NOT_AN_INSTRUCTION.matcher(f);
    Matcher goesOn = GOES_ON.matcher(f);
    int a = from;
    boolean before = false;
    while (a < to) {
      int b = end.find() ? end.start() : to;
      if (hasText(f, a, b)) {
        boolean plan = not.region(a, b).lookingAt() || before && goesOn.region(a, b).lookingAt();
        if (!plan) {
          return true;
        }
        before = true;
      }
      a = b + 1;
    }
    return false;
  }

  private static boolean hasText(String f, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetter(f.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
