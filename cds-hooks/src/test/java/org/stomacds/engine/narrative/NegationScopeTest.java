package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.FLUOROSCOPY;
import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;

import org.junit.jupiter.api.Test;

class NegationScopeTest {

  @Test
  void negationOfComplicationsDoesNotReachTheBalloonInTheNextClause() {
    NoteReading r = Notes.read("No complications; dilated to 15 mm.");
    assertThat(r.documents(BALLOON_DIAMETER)).isTrue();
    assertThat(r.balloonDiametersMm()).containsExactly(15);
    assertThat(r.documents(COMPLICATIONS)).isTrue();
  }

  @Test
  void negationAfterACommaDoesNotReachTheRoute() {
    NoteReading r = Notes.read("No fluoroscopy, the colonoscope was passed through the stoma.");
    assertThat(r.documents(ROUTE_THROUGH_STOMA)).isTrue();
    assertThat(r.documents(FLUOROSCOPY)).isFalse();
  }

  @Test
  void withoutDifficultyNegatesTheDifficultyNotWhatFollows() {
    assertThat(
            Notes.documents(
                "The scope was passed without difficulty through the colostomy.",
                ROUTE_THROUGH_STOMA))
        .isTrue();
  }

  @Test
  void oneNegationCoversAListOfEvents() {
    NoteReading r = Notes.read("There was no bleeding, perforation or mucosal tear.");
    assertThat(r.complicationsOccurred()).isFalse();
    assertThat(r.documents(COMPLICATIONS)).isTrue();
  }

  @Test
  void butEndsTheNegation() {
    NoteReading r = Notes.read("No perforation but there was some bleeding at the dilation site.");
    assertThat(r.complicationsOccurred()).isTrue();
  }

  @Test
  void aNegatedSedationDrugDoesNotSetTheType() {
    NoteReading r = Notes.read("No propofol was used; moderate sedation with midazolam.");
    assertThat(r.sedationType()).hasValue(SedationType.MODERATE);
  }

  @Test
  void absenceThatIsDocumentationIsNotNegated() {
    assertThat(Notes.negated("No complications.", COMPLICATIONS)).isFalse();
    assertThat(Notes.negated("No sedation.", SEDATION_TYPE)).isFalse();
    assertThat(Notes.read("Did not reach the cecum.").extent()).hasValue(ExamExtent.INCOMPLETE);
  }

  @Test
  void aDocumentingMentionWinsOverANegatedOne() {
    NoteReading r =
        Notes.read(
            "Fluoroscopy was not used initially. Fluoroscopy was then used to confirm position.");
    assertThat(r.fluoroscopyUsed()).isTrue();
    assertThat(r.mentions())
        .filteredOn(m -> m.element() == FLUOROSCOPY)
        .extracting(ElementMention::negated)
        .containsExactly(true, false);
  }
}
