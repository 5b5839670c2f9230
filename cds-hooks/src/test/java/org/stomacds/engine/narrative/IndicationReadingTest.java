package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndicationReadingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Indication: stomal stenosis with obstructive symptoms.",
        "Indications: recurrent stricture.",
        "INDICATIONS:\n1. Stomal stenosis\n2. Difficulty with pouching",
        "The procedure was performed for stomal stenosis.",
        "Patient referred for stomal stenosis.",
        "Reason for procedure: obstructive symptoms at the stoma.",
        "The indication for the procedure was a colostomy stricture.",
        "Pre-procedure diagnosis: stomal stenosis",
        "Dx: stomal stenosis",
        "She presents with progressive difficulty evacuating through the colostomy.",
        "Colonoscopy for evaluation and dilation of a stomal stricture.",
        "Reason: stoma stenosis.",
        "Colonoscopy via ileostomy for stomal stenosis."
      })
  void documentsTheIndication(String note) {
    assertThat(Notes.documents(note, INDICATION)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Indication: not documented.", "Indication: unknown", "Indication: N/A"})
  void negatesTheIndicationWhenNotRecorded(String note) {
    assertThat(Notes.negated(note, INDICATION)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The colonoscope was inserted through the stoma.",
        "Post-procedure diagnosis: stomal stenosis, dilated.",
        "Indication:"
      })
  void findsNoIndicationWhereNoneIsGiven(String note) {
    assertThat(Notes.documents(note, INDICATION)).isFalse();
  }

  /** Issue 14: the reason stated in the patient's story, under short labels, or in a table. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ind: anast stricture, postprandial pain.",
        "Sx: distension, vomiting.",
        "Pre-op: stomal stenosis.",
        "Presenting complaint: ribbon output.",
        "He now has reduced stoma output and distension.",
        "This is the lady with the loop colostomy who has developed a parastomal stenosis.",
        "He has a parastomal stenosis at the level of the fascia, confirmed on CT.",
        "He has an end colostomy, and he's been getting obstructed, so we brought him in.",
        "History: 66F, end ileostomy (2021). Intermittent ileostomy blockage with cramping.",
        "76F, end desc colostomy. Distension, ribbon output.",
        "pt w end colostomy narrowing at fascia cant irrigate",
        "Crohns, diverting loop ileo, stricure at fascia -> obstructive sx"
      })
  void readsTheReasonFromThePatientsStory(String note) {
    assertThat(Notes.read(note).documents(INDICATION)).as(note).isTrue();
  }

  /** Told before the procedure's own account begins, without a label. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Patient has a loop colostomy; later ischemic stenosis at skin and fascia. Complains of"
            + " painful, infrequent output. The pediatric colonoscope was passed into the stoma.",
        "colo via end colostomy w/ balloon dil\nstricture desc colon, obstructive sx\nend colost"
            + " intubated w adult scope",
        "Pre: stomal stenosis end colostomy\nProc: colonoscopy via end colostomy + balloon"
            + " dilation\nColonoscope passed thru stoma after 18 mm TTS balloon dilation.",
        // the history brought to the present: "s/p APR 2021 ..., now c/o"
        "pt 72m, hx rectal ca s/p APR 2021 w end colost, now c/o obstipation\nscope thru colost",
        // a title that names the instrument only has not begun the account
        "stoma scope + dil\nhx CRC, stoma stricture\nconscious sed\nscope in stoma",
        // an image's dilated bowel is not this procedure's dilation
        "Patient: 12 y/o. Admitted with partial SBO, CT shows dilated loops to the stoma.\n"
            + "Through the end ileostomy: stricture at 4 cm.",
        "15-year-old. Now 2 months of cramping; 3 cm stricture without upstream dilatation >3 cm.\n"
            + "Scope: via end ileostomy."
      })
  void readsTheReasonToldBeforeTheProcedureBegins(String note) {
    assertThat(Notes.read(note).documents(INDICATION)).as(note).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Indication: See referral.",
        "Indications: See H&P.",
        "Reason: per GI clinic note"
      })
  void aReasonLeftToAnotherDocumentIsNotDocumentedHere(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(INDICATION)).as(note).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The scope was passed through the colostomy. A stricture was found at 10 cm.",
        "Procedure: dilation of stomal stenosis\nThe scope was passed through the colostomy."
      })
  void aStrictureFoundDuringTheProcedureOrNamedInTheTitleIsNoIndication(String note) {
    assertThat(Notes.read(note).documents(INDICATION)).as(note).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mild cramping during balloon inflation, resolved.",
        "Plan: call for distension or vomiting.",
        "The patient denies pain or distension.",
        "Complications: abdominal distension after the procedure."
      })
  void aSymptomDuringTheProcedureOrAWarningIsNoIndication(String note) {
    assertThat(Notes.read(note).documents(INDICATION)).as(note).isFalse();
  }

  /** Issue 14: the reason under a history heading, wherever it stands in the note. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "PROCEDURE: Colonoscopy through colostomy with balloon dilation.\nHISTORY: Hartmann end"
            + " colostomy 2021.\nCT: partial obstruction at the ileocolic anastomosis.\nTECHNIQUE:"
            + " Colonoscope passed through the colostomy; TTS balloon 15 mm.",
        "Colo via end colost + TTS dilation\nHx: s/p Hartmann's '21, stomal stenosis, cramping\n"
            + "Peds colo thru stoma.\nCRE 12-13.5-15 x3, 60s ea."
      })
  void readsTheReasonUnderAHistoryHeading(String note) {
    assertThat(Notes.read(note).documents(INDICATION)).as(note).isTrue();
  }

  /**
   * A dictation that opens by naming the procedure and its route ("colonoscopy via the stoma") has
   * not begun its account: the reason told after it is the indication.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Dictation, colonoscopy via end colostomy with balloon dilation. The patient is a 60 year"
            + " old woman with an end colostomy, now with a stricture and obstructive symptoms. I"
            + " passed the colonoscope through the colostomy.",
        "She is a 68 year old woman with an end colostomy who comes for colonoscopy via the stoma"
            + " with planned dilation of a stricture there. I inserted the scope through the"
            + " colostomy.",
        "The contrast enema showed a tight anastomosis, so she is here for dilation from above"
            + " through the stoma. I put the slim colonoscope into the distal limb of the loop"
            + " ileostomy."
      })
  void readsTheReasonAfterTheProcedureIsNamed(String note) {
    assertThat(Notes.read(note).documents(INDICATION)).as(note).isTrue();
  }

  /** "Prior dilation to 15 mm" dates a dilation to another session: the reason stands. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Pt with end colostomy, here for stoma stenosis with difficulty evacuating; prior dilation"
            + " to 15 mm 2 months ago helped.\nScope through colostomy; 18 mm balloon x2.",
        "Stoma now stenotic, with ribbon stool; previously Hegar dilated in clinic up to 12"
            + " without lasting effect.\nThe gastroscope was introduced through the colostomy."
      })
  void aDilationOfAnotherSessionInTheReasonIsHistory(String note) {
    assertThat(Notes.read(note).documents(INDICATION)).as(note).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "colonoscopy via transverse loop colostomy + dilation\nMAC 1420-1451\nstricture at"
            + " splenic flexure 12cm from stoma, lumen 8mm -> 15mm TTS x2, 45s ea",
        "Procedure: Neonatal gastroscope passed through the mucous fistula into the colon.\n"
            + "Stricture in the mid-transverse colon, lumen approx 3 mm."
      })
  void aStrictureFoundAfterATitleThatTellsThePassageIsNoIndication(String note) {
    assertThat(Notes.read(note).documents(INDICATION)).as(note).isFalse();
  }
}
