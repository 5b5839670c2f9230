package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.FLUOROSCOPY;
import static org.stomacds.engine.documentation.DocumentationElement.INCREASED_WORK;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FluoroscopyAndIncreasedWorkReadingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Under fluoroscopic guidance the balloon was positioned.",
        "Fluoroscopy time 1.2 min.",
        "Fluoro was used to confirm balloon position.",
        "Water-soluble contrast was injected to delineate the stricture."
      })
  void readsFluoroscopyUsed(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.fluoroscopyUsed()).isTrue();
    assertThat(r.documents(FLUOROSCOPY)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "No fluoroscopy was used.",
        "Fluoroscopy was not used.",
        "Fluoro: none.",
        "The dilation was performed without fluoroscopic guidance."
      })
  void negatesFluoroscopyWhenNotUsed(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.fluoroscopyUsed()).isFalse();
    assertThat(Notes.negated(note, FLUOROSCOPY)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Fluoroscopy may be needed next time.",
        "Plan: fluoroscopic dilation if it recurs.",
        "-> refer CRS for stoma revision vs dil under GA w fluoro."
      })
  void aPlanForFluoroscopyIsNotFluoroscopy(String note) {
    assertThat(Notes.read(note).fluoroscopyUsed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The procedure took twice as long as usual.",
        "Significantly increased difficulty due to dense adhesions.",
        "The procedure was technically challenging because of looping.",
        "Unusual difficulty: the stricture required an additional 40 minutes.",
        "Prolonged procedure owing to a tortuous colon.",
        "Modifier 22 is supported: the dilation was extremely difficult."
      })
  void documentsIncreasedWork(String note) {
    assertThat(Notes.documents(note, INCREASED_WORK)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Without unusual difficulty.", "There was no increased difficulty."})
  void negatesIncreasedWorkWhenTheNoteDeniesIt(String note) {
    assertThat(Notes.negated(note, INCREASED_WORK)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Indication: increased difficulty passing stool.",
        "She reports very difficult pouching.",
        "Routine dilation."
      })
  void symptomsAreNotIncreasedWork(String note) {
    assertThat(Notes.documents(note, INCREASED_WORK)).isFalse();
  }

  /** Issue 14: "not used" after a label, beside the equipment, or on the line under a heading. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "FLUOROSCOPY: Available in room, not used.",
        "Fluoroscopy........ Not used",
        "Fluoroscopy: Fluoroscopy was not utilized.",
        "C-arm available but fluoroscopy not needed and not used.",
        "Sedation: MAC\nFluoroscopy\nNot used\nFindings: stricture at the fascia.",
        "Scope: PCF\nFluoroscopy used: No\nBalloon inflations: 3"
      })
  void fluoroscopySaidNotUsedAfterItsLabelIsNegated(String note) {
    assertThat(Notes.read(note).documents(FLUOROSCOPY)).as(note).isFalse();
    assertThat(Notes.negated(note, FLUOROSCOPY)).as(note).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Fluoroscopy: used to confirm the balloon position; a second view was not needed.",
        "FLUORO: 0.4 min, waist effaced; repeat contrast not needed."
      })
  void fluoroscopyUsedStaysUsedWhenSomethingElseWasNotNeeded(String note) {
    assertThat(Notes.read(note).documents(FLUOROSCOPY)).as(note).isTrue();
  }
}
