package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.DISTINCT_STRICTURE;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DistinctStrictureReadingTest {

  static Stream<Arguments> counts() {
    return Stream.of(
        Arguments.of("A second, separate stricture was found at 30 cm.", 2),
        Arguments.of("Two separate strictures at 10 cm and 25 cm were dilated.", 2),
        Arguments.of("Strictures at 10 cm and 25 cm.", 2),
        Arguments.of("Stricture at stoma. 2nd stricture at 25 cm.", 2),
        Arguments.of("Three strictures were dilated in the same session.", 3),
        Arguments.of("Another stricture was found in the descending colon.", 2),
        Arguments.of("A third stricture at 40 cm could not be reached.", 3));
  }

  @ParameterizedTest
  @MethodSource("counts")
  void countsDistinctStrictures(String note, int count) {
    NoteReading r = Notes.read(note);
    assertThat(r.distinctStrictureCount()).isEqualTo(count);
    assertThat(r.documents(DISTINCT_STRICTURE)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A single stricture at the stoma.",
        "No other strictures were seen.",
        "There was only one stricture."
      })
  void negatesADistinctStrictureWhenThereIsOnlyOne(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(DISTINCT_STRICTURE)).isFalse();
    assertThat(r.mention(DISTINCT_STRICTURE))
        .hasValueSatisfying(m -> assertThat(m.negated()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A tight stricture was dilated twice.",
        "The stricture was dilated with two inflations.",
        "History of two strictures, previously dilated."
      })
  void oneStrictureDilatedMoreThanOnceIsStillOne(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.distinctStrictureCount()).isLessThanOrEqualTo(1);
    assertThat(r.documents(DISTINCT_STRICTURE)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"The colonoscope was inserted through the stoma.", ""})
  void countsNoStrictureWhenNoneIsNamed(String note) {
    assertThat(Notes.read(note).distinctStrictureCount()).isZero();
  }
}
