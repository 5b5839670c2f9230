package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_COUNT;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_DURATION;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InflationReadingTest {

  static Stream<Arguments> counts() {
    return Stream.of(
        Arguments.of("Three inflations were performed.", 3),
        Arguments.of("Balloon inflated x3.", 3),
        Arguments.of("CRE 18 mm x 3, 60 seconds each.", 3),
        Arguments.of("3 inflations of 60 seconds.", 3),
        Arguments.of("The balloon was inflated twice.", 2),
        Arguments.of("The stricture was dilated three times.", 3),
        Arguments.of("Two sequential dilations were performed.", 2),
        Arguments.of("A single inflation to 15 mm was performed.", 1),
        Arguments.of("The stricture was dilated a total of 4 times.", 4),
        Arguments.of("Inflations: 2", 2),
        Arguments.of("Number of inflations = 3", 3),
        Arguments.of("Dilation was performed twice.", 2),
        Arguments.of("four serial balloon inflations", 4),
        Arguments.of("Balloon inflated 3x for 60 seconds.", 3),
        Arguments.of("Inflated for 60 s three times.", 3),
        Arguments.of("Inflated to 15 mm, 60 sec per inflation (2 total).", 2),
        Arguments.of("Dilated to 18 mm x 3 (30 s each) w/ CRE balloon.", 3),
        Arguments.of("A 20 mm balloon was inflated sequentially, three times, each 90 s.", 3),
        Arguments.of("We dilated with an 18 millimeter balloon twice.", 2),
        Arguments.of("Balloon 15mm? (RN log says 16.5) x2, 45s.", 2));
  }

  static Stream<Arguments> countsFromTheAccount() {
    return Stream.of(
        // one inflation per size listed after the inflation
        Arguments.of("The CRE balloon was inflated to 15, 16.5 and 18 millimeters, 30 s each.", 3),
        Arguments.of("12-13.5-15 mm CRE balloon: inflations at 12, 13.5 and 15 mm, 60 s each.", 3),
        Arguments.of(
            "Over the wire the balloon was inflated at 12 mm (1 min), 13.5 mm (1 min) and 15 mm"
                + " (1 min).",
            3),
        Arguments.of("Balloon inflated sequentially to 12 mm then 13.5 mm, 2 minutes each.", 2),
        // counts given balloon by balloon add up
        Arguments.of("10 mm balloon x 1, 60 sec, then 12 mm balloon x 1, 60 sec.", 2),
        Arguments.of(
            "I dilated it with a fifteen millimeter balloon, two inflations of forty five seconds"
                + " each. The second stricture I dilated with a twelve millimeter balloon and did a"
                + " single forty five second inflation.",
            3),
        // a stated total wins; a summary repeating the same balloon's count is not added
        Arguments.of("12 mm balloon x1, then 15 mm balloon x2 (3 inflations total).", 3),
        Arguments.of(
            "Dilated with a 15 mm balloon, 3 inflations of 60 s.\n\nImpression: stricture dilated"
                + " to 15 mm, 3 inflations.",
            3));
  }

  @ParameterizedTest
  @MethodSource("countsFromTheAccount")
  void readsTheInflationCountFromTheAccountOfTheDilation(String note, int count) {
    NoteReading r = Notes.read(note);
    assertThat(r.inflationCount()).hasValue(count);
    assertThat(r.documents(INFLATION_COUNT)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A 15-16.5-18 mm CRE balloon was used and inflated to 18 mm.",
        "Procedure: dilation to 15, 16.5 and 18 mm\nThe scope was passed through the stoma."
      })
  void doesNotCountTheSizesOfAStagedBalloonOrATitleAsInflations(String note) {
    assertThat(Notes.read(note).inflationCount()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("counts")
  void readsTheInflationCount(String note, int count) {
    NoteReading r = Notes.read(note);
    assertThat(r.inflationCount()).hasValue(count);
    assertThat(r.documents(INFLATION_COUNT)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Dilated to 15 mm.",
        "A 2 x 3 cm ulcer was biopsied.",
        "Biopsies x3 were taken from the stoma.",
        "Status post two prior dilations.",
        "Two strictures were seen."
      })
  void readsNoCountWhereNoneIsStated(String note) {
    assertThat(Notes.read(note).inflationCount()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Inflation count unknown.", "Number of inflations not recorded."})
  void negatesTheCountWhenTheNoteSaysItIsMissing(String note) {
    assertThat(Notes.negated(note, INFLATION_COUNT)).isTrue();
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("Each inflation was held for 60 seconds.", 60),
        Arguments.of("Dilated to 15 mm, 1 minute each.", 60),
        Arguments.of("Inflated for 30 sec.", 30),
        Arguments.of("Balloon held 45s.", 45),
        Arguments.of("Each inflation maintained for one minute.", 60),
        Arguments.of("Dilated to 18 mm for 1 min.", 60),
        Arguments.of("Three 60-second inflations.", 60),
        Arguments.of("The balloon was kept inflated for a full minute.", 60),
        Arguments.of("Inflation time: 90 seconds", 90),
        Arguments.of("held for 1.5 minutes", 90));
  }

  @ParameterizedTest
  @MethodSource("durations")
  void readsTheDurationOfEachInflation(String note, int seconds) {
    NoteReading r = Notes.read(note);
    assertThat(r.inflationDurationSeconds()).hasValue(seconds);
    assertThat(r.documents(INFLATION_DURATION)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sedation time: 22 min.",
        "Fluoroscopy time 1.2 min.",
        "Total procedure time 35 minutes.",
        "Withdrawal time 8 minutes.",
        "The patient was observed for 30 minutes after the procedure."
      })
  void doesNotTakeOtherTimesForAnInflation(String note) {
    assertThat(Notes.read(note).inflationDurationSeconds()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Inflation duration not recorded.", "Balloon time: unknown"})
  void negatesTheDurationWhenTheNoteSaysItIsMissing(String note) {
    assertThat(Notes.negated(note, INFLATION_DURATION)).isTrue();
  }

  /** Issue 14: "forty-five" is one number, not "forty" and then "five seconds". */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "A single forty five second inflation was performed.",
        "The balloon was inflated twice for forty-five seconds each.",
        "A sixteen and a half millimeter balloon was inflated two times for forty-five seconds"
            + " each."
      })
  void readsADurationInCompoundNumberWords(String note) {
    assertThat(Notes.read(note).inflationDurationSeconds()).as(note).hasValue(45);
  }

  /** Issue 14: terse counts, stated totals, and counts an addendum corrects. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "CRE 15-16.5-18 x3, 60s ea.",
        "CRE 12-13.5-15 -> 3 infl x 60s.",
        "Dilation: 12-13.5-15 mm TTS balloon, 3 inflations (12, 13.5, 15 mm), each held 45 s.",
        "12 mm balloon x 1, then 15 mm balloon x 2. Total 3 inflations.",
        "Dilated with a 15 mm balloon, two inflations.\n\nADDENDUM (next day): the nursing record"
            + " confirms three inflations of the 15 mm balloon."
      })
  void readsThreeInflations(String note) {
    assertThat(Notes.read(note).inflationCount()).as(note).hasValue(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Polyp 2 x3 cm.", "The polyp measured 2 x 3."})
  void readsNoCountFromADimension(String note) {
    assertThat(Notes.read(note).inflationCount()).as(note).isEmpty();
  }
}
