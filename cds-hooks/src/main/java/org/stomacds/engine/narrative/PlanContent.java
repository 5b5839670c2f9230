package org.stomacds.engine.narrative;

import java.util.regex.Pattern;

/**
 * Which lines of a plan are instructions to the patient. A plan section holds them ("Plan: clear
 * liquids today; call for fever"), but also lines that tell the patient nothing: where the patient
 * went ("Disposition: PACU", "Dispo: home", "Discharged home with escort"), and what happens to the
 * specimens or the results ("Biopsies to pathology", "Await pathology results", "Results discussed
 * with Dr. Okafor"). Those are not post-procedure instructions.
 */
final class PlanContent {

  private PlanContent() {}

  /** Where the patient goes: "discharged home", "to PACU", "admit". */
  private static final String STEP =
      "(?:(?:discharged?|d/c|released|transferred|sent|returned|to)\\s+)?(?:to\\s+)?(?:the\\s+)?"
          + "(?:home|pacu|recovery(?:\\s+room)?|floor|ward|icu|nicu|picu|day\\s+unit|admit(?:ted)?"
          + "|inpatient|observation)";

  /** How or when: "today", "with escort", "in stable condition". */
  private static final String HOW =
      "(?:today|tonight|stable|with\\s+(?:an?\\s+)?(?:escort|family|parents?|spouse|mother|father"
          + "|husband|wife)|in\\s+(?:good|stable|satisfactory)\\s+condition)";

  /** A line that only says where the patient went, and how or when. */
  private static final Pattern DISPOSITION_ONLY =
      Rx.compile("\\W*" + STEP + "(?:\\W+(?:then\\s+)?(?:" + STEP + "|" + HOW + "))*\\W*");

  /** A line about the specimens or the results, which tells the patient nothing to do. */
  private static final Pattern RESULTS_ONLY =
      Rx.compile(
          "\\W*(?:(?:await|awaiting|follow\\s+up|f/u|pending)\\s+)?(?:the\\s+)?(?:pathology|histology"
              + "|biops(?:y|ies)|specimens?|results?)\\b(?:\\s+(?:results?|pending|to\\s+pathology"
              + "|sent|discussed\\s+with\\b[^;]*))?\\W*");

  /** Whether the content of plan line {@code s} may be an instruction to the patient. */
  static boolean mayInstruct(String f, Sentence s) {
    return !DISPOSITION_ONLY.matcher(f).region(s.contentStart(), s.end()).matches()
        && !RESULTS_ONLY.matcher(f).region(s.contentStart(), s.end()).matches();
  }
}
