package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.POST_PROCEDURE_INSTRUCTIONS;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstructionsReadingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Discharge instructions were given.",
        "Resume diet as tolerated.",
        "Resume regular diet.",
        "Return if fever or bleeding.",
        "Post-procedure instructions given.",
        "PLAN:\n- clear liquids today\n- GI clinic in 2 weeks",
        "Disposition: home today; clear liquids tonight, regular diet tomorrow.",
        "d/c home, liquids today",
        "Present to the ED for vomiting or no output.",
        "Call the office for severe abdominal pain.",
        "Continue home medications."
      })
  void documentsPostProcedureInstructions(String note) {
    assertThat(Notes.documents(note, POST_PROCEDURE_INSTRUCTIONS)).isTrue();
  }

  /** Later care the clinician arranges, and where the patient went, are not aftercare. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Follow up in clinic in 6 weeks.",
        "F/u 4 wks.",
        "Plan: repeat dilation in 4 weeks.",
        "Disposition: PACU, then home same day.",
        "Plan: CT colonography in 3 months; reversal to be discussed. Parents informed.",
        "Disposition: Observation overnight, CBC in AM",
        "Disposition: Day ward, home this afternoon.",
        "PLAN: Monitor on ward overnight. Re-book under anaesthetic cover in 2 weeks.",
        "Plan: RTC 6 weeks for repeat dilation to 15 mm. Dr. *** to see in colorectal clinic.",
        "Plan:\n- Barium/gastrografin enema of distal colon to complete evaluation",
        "PLAN: AS ABOVE."
      })
  void laterCareAndDispositionAreNotInstructions(String note) {
    assertThat(Notes.documents(note, POST_PROCEDURE_INSTRUCTIONS)).as(note).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No discharge instructions documented.",
        "Post-procedure instructions: not documented",
        "Plan: none recorded"
      })
  void negatesInstructionsWhenMissing(String note) {
    assertThat(Notes.negated(note, POST_PROCEDURE_INSTRUCTIONS)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Indication: follow-up of a known stricture in the transverse colon.",
        "The return of bowel function was noted."
      })
  void doesNotMistakeOtherWordsForInstructions(String note) {
    assertThat(Notes.documents(note, POST_PROCEDURE_INSTRUCTIONS)).isFalse();
  }

  /**
   * Issue 14: where the patient went, and what becomes of the specimens, tell the patient nothing
   * to do (the corpus's golden readings: "Disposition: PACU" is no instruction).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Disposition: PACU",
        "Dispo: home",
        "DISPOSITION: Discharged home with escort.",
        "The patient was discharged home in stable condition.",
        "Plan: biopsies to pathology.",
        "Recommendation:\n- Await pathology results.",
        "The fellow was present for the entire case."
      })
  void aDispositionOrTheResultsAloneAreNoInstructions(String note) {
    assertThat(Notes.documents(note, POST_PROCEDURE_INSTRUCTIONS)).as(note).isFalse();
  }
}
