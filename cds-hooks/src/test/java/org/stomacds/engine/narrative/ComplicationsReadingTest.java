package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComplicationsReadingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "There were no complications.",
        "No immediate complications.",
        "Complications: none.",
        "COMPLICATIONS:\nNone",
        "No bleeding.",
        "No bleeding, perforation or tear.",
        "The patient tolerated the procedure well without complications.",
        "The procedure was uncomplicated.",
        "No evidence of perforation.",
        "The dilated segment was inspected for bleeding or perforation and none was seen.",
        "Adverse events: none"
      })
  void documentsTheAbsenceOfComplications(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).isTrue();
    assertThat(r.complicationsOccurred()).isFalse();
  }

  /** The blood loss is a field of its own: with nothing else, complications are not stated. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "EBL minimal.",
        "Estimated blood loss: none",
        "EBL: nil\nSpecimens: none",
        "EBL: 0\nComplications: -",
        "EBL: Trace",
        "Estimated blood loss: Negligible"
      })
  void bloodLossAloneDoesNotStateComplications(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).isFalse();
    assertThat(r.complicationsOccurred()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Perforation was identified and clips were placed.",
        "Bleeding requiring epinephrine injection occurred.",
        "Complications: small mucosal laceration.",
        "The procedure was complicated by a microperforation.",
        "After the last inflation there was brisk oozing from a tear, treated with two clips."
      })
  void readsAComplicationThatHappened(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).isTrue();
    assertThat(r.complicationsOccurred()).isTrue();
  }

  /**
   * Self-limited oozing is not an adverse event when the note itself judges so: it calls the oozing
   * expected, or says there were no complications.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Minimal oozing at the dilation site, stopped spontaneously. No complications.",
        "Complications: none. Minor oozing at the dilation site.",
        "Mild expected oozing at the stricture after dilation. No complications."
      })
  void documentsExpectedOozingWithoutAComplication(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).isTrue();
    assertThat(r.complicationsOccurred()).isFalse();
  }

  /**
   * The corpus brief's coding decision 4: a superficial tear, or oozing that stopped untreated,
   * told without a label is the intended effect of the dilation: no complication, nor a statement
   * that there were none; a separate "no perforation" still says none.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "A small mucosal tear with minimal oozing was noted.",
        "Trace oozing that stopped on its own.",
        "A little oozing from the ring, settled by itself.",
        "Superficial split at 3 o'clock, no active bleeding.",
        "Mild expected oozing at the stricture after dilation."
      })
  void anUntreatedExpectedEffectSaysNothingAboutComplications(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).as(note).isFalse();
    assertThat(r.complicationsOccurred()).as(note).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No perforation; there was minor oozing at the dilation site.",
        "Trace oozing that stopped on its own. No perforation."
      })
  void anUntreatedExpectedEffectBesideNoPerforationIsNone(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).as(note).isTrue();
    assertThat(r.complicationsOccurred()).as(note).isFalse();
  }

  /**
   * Coding decision 7: a bleed after discharge, told in a late entry, is a delayed complication
   * documented with the encounter that treats it; the note keeps what it said of the procedure.
   */
  @Test
  void anEventAfterDischargeToldInALateEntryIsNotThisProceduresComplication() {
    NoteReading r =
        Notes.read(
            "Complications: none. Home with his wife, soft diet.\n"
                + "Late entry, next day: he came back to the ED overnight with melena into the"
                + " bag; a second scope found oozing at the ring, which was clipped.");
    assertThat(r.documents(COMPLICATIONS)).isTrue();
    assertThat(r.complicationsOccurred()).isFalse();
  }

  @Test
  void anEventInRecoveryToldInAnAddendumIsStillOne() {
    NoteReading r =
        Notes.read(
            "No complications.\nAddendum: brisk bleeding from the stoma in recovery; two clips"
                + " were placed through a repeat scope.");
    assertThat(r.complicationsOccurred()).isTrue();
  }

  /**
   * Minor bleeding the note records without calling it expected or saying there were no
   * complications is the complication it reports ("no other complications" says so outright).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Some minor bleeding at the site, treated with epinephrine. No other complications.",
        "Complications: superficial mucosal split at the stomal edge, no bleeding.",
        "Cx: post-proc abd pain in PACU; KUB no free air; resolved."
      })
  void minorBleedingTheNoteDoesNotDismissIsAComplication(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).isTrue();
    assertThat(r.complicationsOccurred()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The patient had a Hartmann's procedure in 2022 for perforated diverticulitis.",
        "Ileocecal resection 4 months ago complicated by leak, diverting loop ileostomy.",
        "End transverse colostomy after resection of a perforated splenic flexure cancer.",
        "Sigmoid loop colostomy for fecal incontinence after obstetric injury."
      })
  void doesNotTakeAnEarlierEventOrADiagnosisForThisProceduresComplication(String note) {
    assertThat(Notes.read(note).complicationsOccurred()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Risks including bleeding and perforation were discussed.",
        "Informed consent was obtained after explaining the risk of perforation.",
        "Call if bleeding or fever.",
        "Indication: stomal bleeding.",
        "History of perforation in 2019."
      })
  void risksPlansAndHistoryAreNotComplications(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.complicationsOccurred()).isFalse();
    assertThat(r.documents(COMPLICATIONS)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Complications not recorded.",
        "Complications: not documented.",
        "Complications: ___",
        "Complications: unknown"
      })
  void documentsNothingWhenTheNoteSaysComplicationsWereNotRecorded(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).isFalse();
    assertThat(r.mention(COMPLICATIONS)).hasValueSatisfying(m -> assertThat(m.negated()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Complications:", "COMPLICATIONS:\n\nPLAN: follow up."})
  void anEmptyHeadingDocumentsNothing(String note) {
    assertThat(Notes.documents(note, COMPLICATIONS)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Complications: superficial mucosal split at stomal edge, managed conservatively.",
        "Cx: post-procedure abdominal pain in PACU, observed 4 hours, resolved.",
        "Complications: vasovagal bradycardia/hypotension, resolved with atropine and fluids."
      })
  void whatAComplicationsLabelNamesHappened(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).as(note).isTrue();
    assertThat(r.complicationsOccurred()).as(note).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EBL: Trace\nComplications: none",
        "Estimated blood loss: Negligible. Complications: nil.",
        "COMPLICATIONS: There were no complications.",
        "No compl. Home, reg diet."
      })
  void bloodLossAndADeniedComplicationSayNoneHappened(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).as(note).isTrue();
    assertThat(r.complicationsOccurred()).as(note).isFalse();
  }
}
