package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BalloonDiameterReadingTest {

  static Stream<Arguments> statedSizes() {
    return Stream.of(
        Arguments.of(
            "The stricture was dilated with an 18-19-20 mm CRE balloon.", List.of(18, 19, 20)),
        Arguments.of("Dilated with a 15mm balloon.", List.of(15)),
        Arguments.of("A 12 to 15 mm TTS balloon was used.", List.of(12, 15)),
        Arguments.of("Balloon dilation to 18 mm was performed.", List.of(18)),
        Arguments.of("Dilated sequentially to 15, 16.5 and 18 mm.", List.of(15, 17, 18)),
        Arguments.of("CRE balloon (15 mm) was passed across the stricture.", List.of(15)),
        Arguments.of("The stricture was dilated to 15 mm.", List.of(15)),
        Arguments.of("Balloon: CRE 12-13.5-15 mm", List.of(12, 14, 15)),
        Arguments.of("A 15-mm through-the-scope balloon was inflated.", List.of(15)),
        Arguments.of("The balloon was inflated to 18 millimeters.", List.of(18)),
        Arguments.of("dilated to a diameter of 16 mm", List.of(16)),
        Arguments.of("Dilated to a lumen of 15 mm.", List.of(15)),
        Arguments.of("BALLOON SIZE: 20 MM", List.of(20)),
        Arguments.of("A 2 cm balloon was used.", List.of(20)),
        Arguments.of("The stricture was dilated from 8 mm to 15 mm.", List.of(15)),
        Arguments.of("Dilated with a CRE balloon 15-16.5-18.", List.of(15, 17, 18)),
        Arguments.of("Balloon: 15/16.5/18", List.of(15, 17, 18)),
        Arguments.of("CRE 18 balloon, 3 inflations.", List.of(18)),
        Arguments.of("18-19-20 CRE to the stoma.", List.of(18, 19, 20)),
        Arguments.of("A 20 mm x 5.5 cm balloon was used.", List.of(20)),
        Arguments.of("Dilated to 18 mm x 3 (30 s each) w/ CRE balloon.", List.of(18)),
        Arguments.of("Balloon dilation 15 mm x 3, 30 seconds each.", List.of(15)),
        Arguments.of("Serial dilation 12 -> 13.5 -> 15 mm.", List.of(12, 14, 15)),
        Arguments.of("Stricture 1, 9 mm: TTS balloon 15 to 18 mm.", List.of(15, 18)),
        Arguments.of("CRE 16.5-18 x 2 inflations, 1 min each.", List.of(17, 18)),
        Arguments.of("A sixteen and a half millimeter balloon was inflated.", List.of(17)),
        Arguments.of("Inflated to sixteen point five millimeters.", List.of(17)),
        Arguments.of("stricture 8cm, 5-6mm. bal 12mm x2 ~ 45 sec", List.of(12)),
        Arguments.of("stenosis @ fascia ~3cm TTS 15mm x2, 90sec each", List.of(15)),
        Arguments.of("stricture at 5 cm, lumen 6 mm; 15 mm balloon 3 inflations", List.of(15)),
        Arguments.of("I used a 15 millimeter through the scope balloon.", List.of(15)));
  }

  @Test
  void anAddendumThatCorrectsTheBalloonReplacesTheSizesAboveIt() {
    NoteReading corrected =
        Notes.read(
            "Findings: stricture at 6 cm dilated with an 18 mm balloon, 3 inflations.\n\n"
                + "ADDENDUM: the balloon used was a 15 mm balloon, not 18 mm as dictated above.");
    assertThat(corrected.balloonDiametersMm()).containsExactly(15);
    NoteReading added =
        Notes.read(
            "Findings: stricture at 6 cm dilated with an 18 mm balloon, 3 inflations.\n\n"
                + "Addendum: a second stricture at 20 cm was dilated with a 12 mm balloon.");
    assertThat(added.maxBalloonDiameterMm()).hasValue(18);
  }

  @Test
  void anAddendumThatTakesTheDilationBackLeavesNoBalloonSize() {
    NoteReading r =
        Notes.read(
            "Findings: stricture at 8 cm, pinpoint.\nBalloon dilation: 15 mm\n\n"
                + "Addendum: the 'Balloon dilation: 15 mm' field above was filled in error. No"
                + " balloon was passed and no dilation was performed.");
    assertThat(r.balloonDiametersMm()).isEmpty();
    assertThat(r.documents(BALLOON_DIAMETER)).isFalse();
  }

  @Test
  void aSizeDatedToAMonthOrASeasonIsAnEarlierSessions() {
    NoteReading r =
        Notes.read(
            "Her fourth dilation; the last one in the spring was to 11 mm, and in March she was"
                + " dilated to 12 mm. Today a 10-11-12 mm CRE balloon was inflated to 10 mm.");
    assertThat(r.maxBalloonDiameterMm()).hasValue(10);
  }

  @Test
  void readsTheBalloonFromADilationOfANamedNarrowingToASize() {
    NoteReading r =
        Notes.read(
            "Lumen narrowed to 8 mm by the tumor. TTS balloon dilation of the tumor narrowing to 12"
                + " mm.");
    assertThat(r.balloonDiametersMm()).containsExactly(12);
    assertThat(r.preDilationLumenMm()).hasValue(8);
    NoteReading inflated = Notes.read("Stricture lumen ~9mm.\ntoday: 18mm x3 60s");
    assertThat(inflated.balloonDiametersMm()).containsExactly(18);
  }

  @Test
  void readsNoBalloonFromADilationWithHegarDilatorsOrBougies() {
    NoteReading r =
        Notes.read(
            "Stoma gently dilated digitally, then with Hegar dilators 13, 15 and 17 mm. A 12 mm"
                + " bougie was passed.");
    assertThat(r.balloonDiametersMm()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("statedSizes")
  void readsEveryStatedBalloonSize(String note, List<Integer> sizes) {
    NoteReading r = Notes.read(note);
    assertThat(r.balloonDiametersMm()).containsExactlyElementsOf(sizes);
    assertThat(r.documents(BALLOON_DIAMETER)).isTrue();
    assertThat(r.maxBalloonDiameterMm())
        .hasValue(sizes.stream().mapToInt(i -> i).max().orElseThrow());
  }

  @Test
  void keepsDecimalSizesExactAndRoundsHalfUpInTheIntegerView() {
    NoteReading r = Notes.read("Dilated sequentially to 15, 16.5 and 18 mm with a CRE balloon.");
    assertThat(r.balloonDiametersMmExact()).containsExactly(15.0, 16.5, 18.0);
    assertThat(r.balloonDiametersMm()).containsExactly(15, 17, 18);
  }

  @Test
  void listsARepeatedSizeOnce() {
    NoteReading r =
        Notes.read("A 15 mm balloon was chosen. The stricture was then dilated to 15 mm.");
    assertThat(r.balloonDiametersMm()).containsExactly(15);
  }

  @Test
  void readsNoBalloonFromANoteWhereEveryNumberIsSomethingElse() {
    String note =
        """
        72 year old woman, 65 kg, ASA 2. Fentanyl 50 mcg and midazolam 2 mg IV.
        A 10 Fr catheter was placed. At 20 cm from the stoma a 2 cm long stricture was seen;
        the stricture measured 8 mm. A 5 mm polyp was removed at 30 cm.
        Lumen of approximately 6 mm. The bowel was narrowed to 1 cm at the splenic flexure.
        A 2 x 3 cm ulcer was seen. The 9.8 mm pediatric colonoscope could not pass.
        Withdrawal time 8 minutes. Total procedure time 35 minutes. Fluoroscopy time 1.2 min.
        Sedation start 09:12, end 09:38. Follow up in 6 weeks.
        """;
    NoteReading r = Notes.read(note);
    assertThat(r.balloonDiametersMm()).isEmpty();
    assertThat(r.maxBalloonDiameterMm()).isEmpty();
    assertThat(r.documents(BALLOON_DIAMETER)).isFalse();
    assertThat(r.inflationCount()).isEmpty();
    assertThat(r.inflationDurationSeconds()).isEmpty();
    assertThat(r.preDilationLumenMm()).hasValue(8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Repeat dilation to 18 mm is planned in 4 weeks.",
        "Previously dilated to 15 mm in 2021.",
        "Plan: dilate to 20 mm next time.",
        "History of stricture, s/p dilation to 15 mm."
      })
  void ignoresSizesOfOtherProcedures(String note) {
    assertThat(Notes.read(note).balloonDiametersMm()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Balloon size not recorded.",
        "Balloon size: not documented",
        "Dilated with a balloon, size not recorded.",
        "Balloon diameter unknown.",
        "No balloon dilation was performed."
      })
  void negatesBalloonDiameterWhenTheNoteSaysItIsMissing(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.mention(BALLOON_DIAMETER))
        .hasValueSatisfying(m -> assertThat(m.negated()).isTrue());
    assertThat(r.documents(BALLOON_DIAMETER)).isFalse();
  }

  @Test
  void aStatedSizeWinsOverAMissingOne() {
    NoteReading r = Notes.read("Balloon size not recorded in the template. Dilated to 15 mm.");
    assertThat(r.documents(BALLOON_DIAMETER)).isTrue();
    assertThat(r.mention(BALLOON_DIAMETER).orElseThrow().evidence()).contains("15 mm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The balloon was inflated 3 times.",
        "Balloon x3.",
        "Balloon inflated to 3 atm.",
        "Balloon 3 inflations of 60 seconds."
      })
  void aBareNumberAfterTheBalloonIsASizeOnlyWhenItCanBeOne(String note) {
    assertThat(Notes.read(note).balloonDiametersMm()).isEmpty();
  }

  @Test
  void doesNotReadABalloonFromALumenMeasurement() {
    NoteReading r = Notes.read("The stricture measured 8 mm and was dilated to 15 mm.");
    assertThat(r.balloonDiametersMm()).containsExactly(15);
    assertThat(r.preDilationLumenMm()).hasValue(8);
  }

  /** A staged balloon's name lists what it can take; the sizes it reached are what was used. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "A 15-16.5-18 mm CRE balloon was inflated to 16.5 mm only, because of discomfort.|16.5",
        "CRE 15-16.5-18 -> 18, 3 infl 30s ea|18",
        "A 12-13.5 mm segment of a 12-13.5-15 CRE balloon was used; inflated to 12 mm then 13.5 mm.|13.5",
        "Balloon 12 -> 13.5 -> 15 mm, 3 inflations.|15",
        "Dilated with a 15-16.5-18 mm CRE balloon, three inflations.|18"
      })
  void readsTheLargestSizeAStagedBalloonReached(String note, double mm) {
    NoteReading r = Notes.read(note);
    assertThat(r.balloonDiametersMmExact().stream().mapToDouble(Double::doubleValue).max())
        .as(note)
        .hasValue(mm);
  }
}
