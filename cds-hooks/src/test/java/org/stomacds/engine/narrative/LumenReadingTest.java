package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.POST_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.PRE_DILATION_LUMEN;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LumenReadingTest {

  static Stream<Arguments> preSizes() {
    return Stream.of(
        Arguments.of("The stricture measured 8 mm.", 8),
        Arguments.of("Lumen of approximately 6 mm.", 6),
        Arguments.of("The lumen was narrowed to 1 cm.", 10),
        Arguments.of("An 8 mm stricture was found at the stoma.", 8),
        Arguments.of("Before dilation the lumen measured 7 mm.", 7),
        Arguments.of("Pre-dilation lumen: 5 mm.", 5),
        Arguments.of("The stricture was dilated from 8 mm to 15 mm.", 8),
        Arguments.of("Stricture at stoma, ~8mm.", 8));
  }

  @ParameterizedTest
  @MethodSource("preSizes")
  void readsTheLumenBeforeDilation(String note, int mm) {
    NoteReading r = Notes.read(note);
    assertThat(r.preDilationLumenMm()).hasValue(mm);
    assertThat(r.documents(PRE_DILATION_LUMEN)).isTrue();
    assertThat(r.postDilationLumenMm()).isEmpty();
  }

  static Stream<Arguments> postSizes() {
    return Stream.of(
        Arguments.of("Post-dilation lumen 15 mm.", 15),
        Arguments.of("After dilation the lumen measured 14 mm.", 14),
        Arguments.of("Dilated to 15 mm. The lumen then measured 14 mm.", 14),
        Arguments.of("Following dilation, the stricture measured 12 mm.", 12),
        Arguments.of("Dilated with a 15 mm balloon; the resulting lumen was 13 mm.", 13));
  }

  @ParameterizedTest
  @MethodSource("postSizes")
  void readsTheLumenAfterDilation(String note, int mm) {
    NoteReading r = Notes.read(note);
    assertThat(r.postDilationLumenMm()).hasValue(mm);
    assertThat(r.documents(POST_DILATION_LUMEN)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The scope could not be passed before dilation.",
        "A pinhole stricture was seen at the stoma.",
        "The stricture would not admit the adult colonoscope.",
        "The stricture was too narrow to allow passage of the scope.",
        "Unable to traverse the stricture with the pediatric colonoscope."
      })
  void documentsThePreDilationLumenByScopePassage(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(PRE_DILATION_LUMEN)).isTrue();
    assertThat(r.documents(POST_DILATION_LUMEN)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "After dilation the adult colonoscope passed easily.",
        "The scope passed easily after dilation.",
        "Following dilation the stricture was traversed with ease.",
        "Dilated to 15 mm. The scope then passed easily through the stricture.",
        "Post-dilation the stricture admitted the adult colonoscope.",
        "Balloon dilation performed with 15 mm balloon; stricture then admitted the adult scope.",
        "The stricture was dilated to 15 mm but the scope still could not pass."
      })
  void documentsThePostDilationLumenByScopePassage(String note) {
    assertThat(Notes.documents(note, POST_DILATION_LUMEN)).isTrue();
  }

  @Test
  void readsBothSidesOfOneDilation() {
    NoteReading r =
        Notes.read(
            "The stricture measured 6 mm and the scope could not be passed. It was dilated to"
                + " 15 mm. After dilation the lumen was 14 mm and the scope passed easily.");
    assertThat(r.preDilationLumenMm()).hasValue(6);
    assertThat(r.postDilationLumenMm()).hasValue(14);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The colonoscope passed through the stoma into the colon.",
        "The scope was advanced to the cecum."
      })
  void doesNotTakeAnyScopePassageForALumen(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.mention(PRE_DILATION_LUMEN)).isEmpty();
    assertThat(r.mention(POST_DILATION_LUMEN)).isEmpty();
  }

  @Test
  void aBalloonPassedThroughTheScopeIsNotTheScopePassingTheStricture() {
    NoteReading r =
        Notes.read("A 15 mm CRE balloon was passed through the scope into the stricture.");
    assertThat(r.mention(POST_DILATION_LUMEN)).isEmpty();
  }

  @Test
  void negatesTheLumenWhenTheNoteSaysItWasNotMeasured() {
    NoteReading r = Notes.read("Post-dilation lumen not measured.");
    assertThat(r.mention(POST_DILATION_LUMEN))
        .hasValueSatisfying(m -> assertThat(m.negated()).isTrue());
  }
}
