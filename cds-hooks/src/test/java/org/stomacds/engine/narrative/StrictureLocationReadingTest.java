package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.STRICTURE_LOCATION;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictureLocationReadingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A tight stricture was found at the stoma.",
        "Stomal stricture.",
        "Stoma stenosis was dilated.",
        "A stricture at 15 cm from the stoma was dilated.",
        "There was a stricture 10 cm proximal to the stoma.",
        "An anastomotic stricture was seen.",
        "A stricture was found at the ileocolic anastomosis.",
        "The stricture was in the transverse colon.",
        "Narrowing at the fascial level.",
        "Stenosis at the level of the fascia.",
        "A web-like stricture at 8 cm.",
        "Peristomal stenosis noted.",
        "The stricture was located just proximal to the anastomosis.",
        "Balloon dilation of the stoma was performed."
      })
  void documentsWhereTheStrictureIs(String note) {
    assertThat(Notes.documents(note, STRICTURE_LOCATION)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The scope was advanced to the transverse colon.",
        "The stoma was pink and healthy.",
        "The colonoscope was inserted at the stoma."
      })
  void doesNotTakeAPlaceThatIsNotAStricturesPlace(String note) {
    assertThat(Notes.documents(note, STRICTURE_LOCATION)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Stricture location not documented.", "Location: unknown"})
  void negatesLocationWhenTheNoteSaysItIsMissing(String note) {
    assertThat(Notes.negated(note, STRICTURE_LOCATION)).isTrue();
  }
}
