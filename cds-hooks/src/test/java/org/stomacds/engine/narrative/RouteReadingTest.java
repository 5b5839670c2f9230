package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteReadingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The colonoscope was inserted through the stoma.",
        "Colonoscopy was performed via the colostomy.",
        "The adult colonoscope was introduced per stoma.",
        "Transstomal colonoscopy with balloon dilation.",
        "Trans-stomal examination of the colon.",
        "The scope was advanced through the end ileostomy.",
        "The pediatric colonoscope was passed through the patient's left lower quadrant colostomy.",
        "We intubated the stoma with an adult colonoscope.",
        "The stoma was gently intubated with the colonoscope.",
        "Scope inserted into the colostomy and advanced.",
        "COLONOSCOPY THROUGH THE OSTOMY WITH DILATION",
        "Stomal colonoscopy performed.",
        "Route: per stoma",
        "The colonoscope was passed without difficulty through the ostomy.",
        "Ileostomy scope. Stricture 3 cm in.",
        "Colonoscopy through the colostomy. Indication: stomal stricture with obstruction."
      })
  void documentsRouteThroughStoma(String note) {
    assertThat(Notes.documents(note, ROUTE_THROUGH_STOMA)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The colonoscope was inserted per anus.",
        "Difficulty passing stool through the stoma.",
        "The stoma appeared pink and healthy.",
        "A stricture was found at the stoma."
      })
  void doesNotReadARouteWhereNoScopeWentThroughTheStoma(String note) {
    assertThat(Notes.documents(note, ROUTE_THROUGH_STOMA)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Route: not documented.", "Route unknown."})
  void negatesRouteWhenTheNoteSaysItIsNotRecorded(String note) {
    assertThat(Notes.negated(note, ROUTE_THROUGH_STOMA)).isTrue();
  }

  /** Issue 14: the limb or opening of a loop stoma, or a mucous fistula, is the stoma. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Scope via distal limb.",
        "Ped scope thru proximal limb.",
        "GIF into ileostomy",
        "The scope was introduced into the efferent (distal) limb of the loop ileostomy.",
        "The scope passed through the distal limb of the loop colostomy.",
        "I put the pediatric scope in through the proximal opening of the loop colostomy.",
        "Pediatric gastroscope advanced into the afferent limb of the loop ileostomy.",
        "The neonatal scope was introduced through the mucous fistula."
      })
  void readsTheLimbOfALoopStomaAsTheRoute(String note) {
    assertThat(Notes.documents(note, ROUTE_THROUGH_STOMA)).as(note).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "History: contrast study via the distal limb showed a stricture.",
        "The scope passed into the distal colon.",
        "The balloon was passed into the distal end of the stricture."
      })
  void aLimbNamedOutsideTheScopesPassageIsNoRoute(String note) {
    assertThat(Notes.documents(note, ROUTE_THROUGH_STOMA)).as(note).isFalse();
  }
}
