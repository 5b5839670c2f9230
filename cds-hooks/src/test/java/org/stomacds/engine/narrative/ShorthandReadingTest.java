package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.POST_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.POST_PROCEDURE_INSTRUCTIONS;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 14: the shorthand of terse notes and the layout of templated ones. */
class ShorthandReadingTest {

  @ParameterizedTest
  @ValueSource(strings = {"No cx.", "no cx", "Cx: none.", "Comps: none"})
  void readsCxAsComplications(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).as(note).isTrue();
    assertThat(r.complicationsOccurred()).as(note).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CRE 12-13.5-15mm x3, 60s ea.",
        "15mm TTS x2, 60s.",
        "Balloon 15mm x 60s",
        "CRE 15mm x3, 1 min ea"
      })
  void readsADurationAfterATerseCountAsTheInflationsDuration(String note) {
    assertThat(Notes.read(note).inflationDurationSeconds()).as(note).hasValue(60);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MAC 1420-1451.",
        "Sedation 1420 - 1451",
        "Fentanyl/versed 1420-1451.",
        "Anesthesia: general\nAnesthesia start/stop: 1420 / 1451\nEBL: <5 mL"
      })
  void readsARangeOfFourDigitTimesBesideSedationAsItsStartAndStop(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(SEDATION_TIMES)).as(note).isTrue();
    assertThat(r.sedationStart()).hasValue(LocalTime.of(14, 20));
    assertThat(r.sedationStop()).hasValue(LocalTime.of(14, 51));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Balloon 12-15 mm CRE.",
        "Stricture 1420-1451 cm.",
        "MAC given. Lot number 2010-2020."
      })
  void readsNoSedationTimesFromOtherNumberRanges(String note) {
    assertThat(Notes.read(note).documents(SEDATION_TIMES)).as(note).isFalse();
  }

  @Test
  void aTemplatesHeadingInCapitalsGovernsItsWholeParagraph() {
    NoteReading r =
        Notes.read(
            "INDICATION: 31-year-old man with Crohn's disease. Ileocolic resection complicated"
                + " by leak. Re-operation with a diverting loop ileostomy. Now post-prandial"
                + " pain.\n\nCOMPLICATIONS: None.");
    assertThat(r.documents(INDICATION)).isTrue();
    assertThat(r.documents(COMPLICATIONS)).isTrue();
    assertThat(r.complicationsOccurred()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CRE 15mm x2, 45s ea. Ped scope passes freely.",
        "Balloon 15mm x2, 45s. Scope passed after.",
        "Dilated with a 15 mm balloon. The gastroscope then passed easily."
      })
  void readsAnEasyPassageAfterTheDilationAsTheLumenAfter(String note) {
    assertThat(Notes.read(note).documents(POST_DILATION_LUMEN)).as(note).isTrue();
  }

  @Test
  void aPassageAfterTheDilationIsTheLumenAfterItEvenWithNoWordOfEase() {
    // the corpus brief's coding decision 13: the dilated segment let the scope through
    assertThat(
            Notes.documents("Balloon 15mm x2. The scope passed to the cecum.", POST_DILATION_LUMEN))
        .isTrue();
    assertThat(
            Notes.documents(
                "Scope passed to the cecum. Balloon 15mm x2 on withdrawal.", POST_DILATION_LUMEN))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "d/c home, reg diet",
        "D/c: low residue 48h, hydrate.",
        "Diet: low residue, fluids."
      })
  void readsTerseDischargeInstructions(String note) {
    assertThat(Notes.documents(note, POST_PROCEDURE_INSTRUCTIONS)).as(note).isTrue();
  }

  @Test
  void aDietInTheHistoryIsNoInstruction() {
    assertThat(Notes.documents("History: on a regular diet at home.", POST_PROCEDURE_INSTRUCTIONS))
        .isFalse();
  }
}
