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
      "(?:(?:then|discharged?|discharging|d/c|released|transferred|sent|returned|return|back|to)"
          + "\\s+)*"
          + "(?:(?:the|a)\\s+)?(?:home(?!\\s+(?:irrigation|dilat|care|health|dilator))|pacu|recovery|floor|ward|icu|nicu|picu|day\\s+(?:unit|case)"
          + "|admit(?:ted)?|admission|inpatient|observ(?:e|ed|ation)|step-?down|extubated|awake"
          + "|extended\\s+recovery|overnight\\s+(?:admission|stay|observation)|stay\\s+overnight"
          + "|discharged?|discharge\\s+(?:home|when|once|after|criteria)|d/c\\s+home|dispo)\\b";

  /** A condition, which instructs nothing by itself: "if restenosis", "once recovered". */
  private static final String CONDITION = "(?:if|when|once|after|unless|until|pending)\\b";

  /** How or when a step is taken, as a clause of its own: "today", "with escort". */
  private static final String HOW =
      "(?:today|tonight|stable|same\\s+day|as\\s+needed|prn"
          + "|with\\s+(?:an?\\s+)?(?:escort|family|parents?|spouse|mother|father|husband|wife|daughter"
          + "|son|friend|driver)|w/\\s*(?:escort|family|spouse|wife|husband)"
          + "|in\\s+(?:good|stable|satisfactory)\\s+condition)[^a-z0-9]*$";

  /** The specimens or the results: "await pathology", "biopsies to pathology". */
  private static final String RESULTS =
      "(?:(?:await|awaiting|follow\\s+up|f/u|pending|review)\\s+)?(?:the\\s+)?(?:pathology|path"
          + "|histology|biops(?:y|ies)|specimens?|results?|cultures?)\\b";

  /**
   * Care planned for later, which the clinician arranges: a repeat or another procedure, an
   * operation, imaging, a visit or a referral, a change of the long-term therapy.
   */
  private static final String LATER_CARE =
      "(?:(?:plan(?:ned)?|planning|we\\s+will|will|to\\s+be|consider(?:ing)?|possible|possibly"
          + "|probably|likely|may\\s+need|next|then|proceed\\s+with|arrange|book|schedule[ds]?"
          + "|re-?book|future)\\s+)*(?:(?:pediatric|paediatric|general|colorectal|gi|ibd|surgical"
          + "|outpatient|interval|elective|planned|further|another|a|an|the|to|barium"
          + "|water-?soluble|gastrografin|oral|stoma)\\s+)*"
          + "(?:repeat|redo|re-?dilat[a-z]*|reschedul[a-z]*|surveillance|clinic|office|follow[- ]?up"
          + "|f/u|fu|see\\b|review|referr?(?:al|ed)?|refer|consult(?:ation)?|opinion|surg(?:ery|eon"
          + "|ical)?|crs|oncology|(?:[a-z'/-]+\\s+){0,2}?(?:closure|take-?down|reversal|revision"
          + "|resection|strictur(?:e)?oplasty)"
          + "|ct\\b|mri|kub|x-?ray|imaging|contrast|colonography|enema|ultrasound|obtain|order"
          + "|request|discuss(?:ion|ed)?|increase\\s+(?:the\\s+)?(?:[a-z]+mab|dose|interval)"
          + "|escalat[a-z]*|optimi[sz][a-z]*|switch|dose|biologic|colonoscopy|ileoscopy"
          + "|ileocolonoscopy|endoscopy|(?:endoscopic|balloon|tts)\\s+(?:balloon\\s+)?dilat[a-z]*"
          + "|procedure)\\b";

  /** Who was told: "parents informed", "they agree with the plan", "discussed with the family". */
  private static final String TOLD =
      "(?:(?:patient|pt|parents?|family|mother|father|wife|husband|spouse|daughter|son|sister"
          + "|brother|partner|caregivers?|guardians?|they|she|he)\\s+(?:was\\s+|were\\s+)?(?:informed|updated|aware|agree[sd]?|notified|told"
          + "|understands?)|(?:discussed|d/w|findings\\s+discussed)\\s+with)\\b";

  /** Aftercare the nurses give the stoma is the patient's, even when it is a visit. */
  private static final Pattern STOMA_NURSE =
      Rx.compile("\\b(?:ostomy|stoma|stomal|woc|wound|enterostomal)\\s+(?:care\\s+)?(?:nurse|rn)");

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
              + ")");

  /** Where clauses end: ";", ",", a full stop before a space (not that of "Dr.", "St."). */
  private static final Pattern CLAUSE_END = Rx.compile("[;,]|(?<![^a-z][a-z]{1,2})\\.(?=\\s|$)");

  /** Whether the content of plan line {@code s} may be an instruction to the patient. */
  static boolean mayInstruct(String f, Sentence s) {
    int from = s.contentStart();
    int to = s.end();
    if (STOMA_NURSE.matcher(f).region(from, to).find()) {
      return true;
    }
    Matcher end = CLAUSE_END.matcher(f).region(from, to);
    Matcher not = NOT_AN_INSTRUCTION.matcher(f);
    int a = from;
    while (a < to) {
      int b = end.find() ? end.start() : to;
      if (hasText(f, a, b) && !not.region(a, b).lookingAt()) {
        return true;
      }
      a = b + 1;
    }
    return false;
  }

  private static boolean hasText(String f, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(f.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
