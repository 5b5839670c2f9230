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
}
