package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.POST_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.PRE_DILATION_LUMEN;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stomacds.engine.documentation.DocumentationElement;

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
        Arguments.of("Stricture at stoma, ~8mm.", 8),
        Arguments.of("The stricture before dilation was about 10 mm.", 10),
        Arguments.of("Prior to balloon dilation the stenosis was 9 mm.", 9),
        Arguments.of("The lumen was estimated at 7 mm.", 7),
        Arguments.of("Stricture 15 cm from the stoma, measured at 9 mm across.", 9),
        Arguments.of("The ring admitted the tip of the gastroscope only, roughly 8 mm.", 8));
  }

  @Test
  void aStrictureDescribedInTheFindingsAfterTheDilationKeepsItsLumenBefore() {
    NoteReading r =
        Notes.read(
            "Description: A 15 mm balloon was inflated across the ring twice.\n\n"
                + "Findings:\n- Stricture A - descending colon, 15 cm from the stoma, lumen approx."
                + " 8 mm.\n- Post-dilation lumen: approximately 14 mm.");
    assertThat(r.preDilationLumenMm()).hasValue(8);
    assertThat(r.postDilationLumenMm()).hasValue(14);
    NoteReading next =
        Notes.read(
            "A 15 mm balloon was inflated twice. Findings: Stricture at the fascia, 3 cm from the"
                + " opening. Estimated luminal diameter 8 mm.");
    assertThat(next.preDilationLumenMm()).hasValue(8);
    NoteReading after =
        Notes.read("A 15 mm balloon was inflated twice. The stricture then measured 14 mm.");
    assertThat(after.postDilationLumenMm()).hasValue(14);
  }

  @Test
  void theExamGoingOnBeyondTheStrictureAfterTheDilationIsTheLumenAfterIt() {
    // the corpus brief's coding decision 13: the dilated segment let the scope through
    NoteReading onward =
        Notes.read(
            "The stricture was dilated with an 18 mm balloon. After dilation the scope advanced"
                + " through the descending and transverse colon to the hepatic flexure.");
    assertThat(onward.documents(POST_DILATION_LUMEN)).isTrue();
    NoteReading surveyFirst =
        Notes.read(
            "Survey to the cecum first. The stricture was dilated on withdrawal with an 18 mm"
                + " balloon.");
    assertThat(surveyFirst.documents(POST_DILATION_LUMEN)).isFalse();
    NoteReading stopped =
        Notes.read(
            "The stricture was dilated with an 18 mm balloon. The exam was stopped at the"
                + " stricture; the proximal colon was not examined.");
    assertThat(stopped.documents(POST_DILATION_LUMEN)).isFalse();
    NoteReading eased =
        Notes.read(
            "The stricture was dilated with an 18 mm balloon. The scope then passed easily to the"
                + " cecum.");
    assertThat(eased.documents(POST_DILATION_LUMEN)).isTrue();
    NoteReading treated =
        Notes.read(
            "The stricture was dilated with an 18 mm balloon. The scope then passed through the"
                + " treated segment to the cecum.");
    assertThat(treated.documents(POST_DILATION_LUMEN)).isTrue();
  }

  @Test
  void aStricturesSizeInCentimetresIsItsLengthOrDepthNotItsLumen() {
    NoteReading r =
        Notes.read(
            "Stricture at the fascia 3 cm, lumen ~9 mm. Fibrotic stenosis extending about 2 cm."
                + " Dilated with a 15 mm balloon.");
    assertThat(r.preDilationLumenMm()).hasValue(9);
    NoteReading narrowed = Notes.read("The lumen was narrowed to 1 cm at the stoma.");
    assertThat(narrowed.preDilationLumenMm()).hasValue(10);
  }

  @Test
  void readsTheLumenFromNounFirstRowsOfATemplatedBlock() {
    NoteReading r =
        Notes.read(
            "Stricture\n  Location: sigmoid colon, 25 cm\n  Diameter before: approximately 9 mm"
                + " (adult scope would not pass)\n  Balloon: 18-19-20 mm through-the-scope CRE\n"
                + "  Inflations: 3 (18, 19, 20 mm)\n  Diameter after: approximately 18 mm, adult"
                + " scope passes\n");
    assertThat(r.preDilationLumenMm()).hasValue(9);
    assertThat(r.postDilationLumenMm()).hasValue(18);
    assertThat(r.maxBalloonDiameterMm()).hasValue(20);
  }

  @Test
  void aStricturesWidthIsItsLumenButAPolypsIsNot() {
    NoteReading r =
        Notes.read(
            "The anastomosis was a fibrotic ring about 7 mm wide. A 5 mm wide polyp was seen. A"
                + " 15 mm balloon was inflated across the ring.");
    assertThat(r.preDilationLumenMm()).hasValue(7);
    NoteReading scope =
        Notes.read(
            "The colonoscope, which has an outer diameter of 11.7 mm, was inserted. Balloon"
                + " diameter 15 mm.");
    assertThat(scope.preDilationLumenMm()).isEmpty();
    assertThat(scope.maxBalloonDiameterMm()).hasValue(15);
  }

  @Test
  void anAddendumThatCorrectsALumenReplacesTheOneAboveIt() {
    NoteReading r =
        Notes.read(
            "The pediatric colonoscope, which is about 11.5 mm in diameter, reached a stricture"
                + " with a lumen of 10 mm. Dilated with a 15 mm balloon. After dilation the lumen was"
                + " 14 mm.\n\nAddendum: correction: the lumen before dilation was about 6 mm. The"
                + " lumen after dilation was about 13 mm.");
    assertThat(r.preDilationLumenMm()).hasValue(6);
    assertThat(r.postDilationLumenMm()).hasValue(13);
  }

  @Test
  void theSizeOfADeviceTheStrictureLetThroughIsTheLumen() {
    NoteReading r =
        Notes.read(
            "The ring admits a 5 mm probe only. Dilated with a 12 mm balloon. After dilation the"
                + " ring admitted the 9.8 mm gastroscope.");
    assertThat(r.preDilationLumenMm()).hasValue(5);
    assertThat(r.postDilationLumenMm()).hasValue(10);
    NoteReading refused =
        Notes.read(
            "The ring would not admit the 9.8 mm gastroscope. Dilated with a 12 mm balloon."
                + " The 5.9 mm gastroscope was passed through the stoma.");
    assertThat(refused.preDilationLumenMm()).isEmpty();
  }

  @Test
  void aTitleNamingTheDilationDoesNotMakeTheLumenBelowItAResult() {
    NoteReading r =
        Notes.read(
            "Procedure: colonoscopy through stoma with balloon dilation\n"
                + "Stricture at 10 cm, lumen 7 mm. Dilated with a 15 mm balloon x 3.\n");
    assertThat(r.preDilationLumenMm()).hasValue(7);
    assertThat(r.postDilationLumenMm()).isEmpty();
    NoteReading terse =
        Notes.read(
            "loop ileo endoscopy w balon dil\nstricture at fascia lumen 8mm\n15mm balloon x2");
    assertThat(terse.preDilationLumenMm()).hasValue(8);
  }

  @Test
  void aDilationByFingerDoesNotMakeTheLumenSeenThroughItAResult() {
    NoteReading r =
        Notes.read(
            "The stoma was gently dilated with a finger and the scope advanced. A fibrotic ring at"
                + " the fascia with a lumen of about 9 mm. We dilated it with an 18 mm balloon.");
    assertThat(r.preDilationLumenMm()).hasValue(9);
  }

  @Test
  void aSecondStrictureMetAfterTheFirstDilationIsReadBeforeItsOwn() {
    NoteReading r =
        Notes.read(
            "1. Stricture at 6 cm, lumen 10 mm. Dilated with a 15 mm balloon x 1.\n"
                + "2. Second stricture at 12 cm, fibrotic, lumen 8 mm. Same balloon, 2 inflations."
                + " Post-dilation 14 mm.");
    assertThat(r.preDilationLumenMm()).hasValue(10);
    assertThat(r.postDilationLumenMm()).hasValue(14);
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
  void aSentenceReferringBackToTheStrictureDocumentsItsPassability() {
    for (String note :
        List.of(
            "There were two strictures, at 2 cm and at 10 cm. Both were about 7 mm and neither"
                + " would let the scope through. A 15 mm balloon was used.",
            "Three strictures were seen. The tightest, at 8 cm, was about 5 mm and none would let"
                + " the scope through. A 15 mm balloon was used.")) {
      assertThat(Notes.read(note).documents(DocumentationElement.PRE_DILATION_LUMEN))
          .as(note)
          .isTrue();
    }
    assertThat(
            Notes.read("The stricture would not let the scope through. A 15 mm balloon was used.")
                .documents(DocumentationElement.PRE_DILATION_LUMEN))
        .isTrue();
    // Without a stricture in the sentence before, "neither would let the scope through" is not
    // about a stricture.
    assertThat(
            Notes.read("Two scopes were tried. Neither would let the light through.")
                .documents(DocumentationElement.PRE_DILATION_LUMEN))
        .isFalse();
  }

  @Test
  void anExplicitBeforeOutweighsWhereTheSentenceStands() {
    NoteReading r =
        Notes.read(
            "Using a 20 mm balloon at 3 atm for 1 minute, a single dilation was performed."
                + " Following this the lumen accepted the adult colonoscope."
                + " The lumen before was about 10 mm.");
    assertThat(r.preDilationLumenMm()).hasValue(10);
    assertThat(r.balloonDiametersMm()).containsExactly(20);
  }

  @Test
  void aDilationThatOnlyDatesASizeIsNotItsBalloon() {
    NoteReading r =
        Notes.read("A single dilation was performed. The stricture before dilation was 10 mm.");
    assertThat(r.balloonDiametersMm()).isEmpty();
    assertThat(r.preDilationLumenMm()).hasValue(10);
    assertThat(Notes.read("After dilation to 15 mm the scope passed.").balloonDiametersMm())
        .containsExactly(15);
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

  static Stream<Arguments> terseLabels() {
    return Stream.of(
        Arguments.of(
            "Pre ~7 mm, scope would not pass. TTS CRE balloon 15 mm. Post ~15 mm, scope passes"
                + " freely.",
            7,
            15),
        Arguments.of("pre 7mm, post 15mm. Dilated with a 15 mm TTS balloon.", 7, 15),
        Arguments.of("Pre-dil 8 mm. CRE balloon 12-13.5-15 mm x3. Post-dil 14 mm.", 8, 14),
        Arguments.of("Pre: 6 mm. Post: 13 mm. Balloon 15 mm.", 6, 13),
        Arguments.of("Pre-dilation ~5 mm. TTS balloon 10 mm. Post-dilation ~10 mm.", 5, 10),
        Arguments.of("Predilatation 6 mm, postdilatation 14 mm; 15 mm CRE balloon.", 6, 14),
        Arguments.of("Pre-dilation diameter 6 mm. Balloon 15 mm. Post-balloon 13 mm.", 6, 13));
  }

  @ParameterizedTest
  @MethodSource("terseLabels")
  void readsTersePreAndPostLabelsAsTheLumenBeforeAndAfter(String note, int pre, int post) {
    NoteReading r = Notes.read(note);
    assertThat(r.preDilationLumenMm()).hasValue(pre);
    assertThat(r.postDilationLumenMm()).hasValue(post);
    assertThat(r.documents(PRE_DILATION_LUMEN)).isTrue();
    assertThat(r.documents(POST_DILATION_LUMEN)).isTrue();
  }

  @Test
  void placesScopePassageByTheTerseLabelOfItsSentence() {
    NoteReading r =
        Notes.read("Pre ~7 mm, scope would not pass. Post ~15 mm, scope passes freely.");
    assertThat(r.mentions())
        .filteredOn(m -> m.evidence().startsWith("Pre"))
        .extracting(ElementMention::element)
        .containsOnly(PRE_DILATION_LUMEN);
    assertThat(r.mentions())
        .filteredOn(m -> m.evidence().startsWith("Post"))
        .extracting(ElementMention::element)
        .contains(POST_DILATION_LUMEN)
        .doesNotContain(PRE_DILATION_LUMEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Pre-dilation with a 12 mm balloon.",
        "Post 15 mm balloon dilation x3.",
        "Post 20 cm from the stoma the colon was normal.",
        "Post-op day 2, a 10 mm polyp was seen.",
        "Pre 2 mg midazolam IV.",
        "Pre-procedure 7 mm scope check.",
        "The stricture was predilated to 10 mm before the stent."
      })
  void aPreOrPostWordDoesNotMakeOtherNumbersALumen(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.preDilationLumenMm()).isEmpty();
    assertThat(r.postDilationLumenMm()).isEmpty();
  }

  @Test
  void aTerseBalloonSizeStaysABalloon() {
    NoteReading r = Notes.read("Pre ~7 mm. Post 15 mm balloon x3.");
    assertThat(r.balloonDiametersMm()).containsExactly(15);
    assertThat(r.documents(BALLOON_DIAMETER)).isTrue();
    assertThat(r.preDilationLumenMm()).hasValue(7);
    assertThat(r.postDilationLumenMm()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Post-dil lumen: not recorded.",
        "Post-dilation lumen not measured.",
        "Post balloon lumen not documented."
      })
  void aTerseNotRecordedLumenAfterStaysNegated(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.mention(POST_DILATION_LUMEN))
        .hasValueSatisfying(m -> assertThat(m.negated()).isTrue());
    assertThat(r.documents(PRE_DILATION_LUMEN)).isFalse();
    assertThat(r.postDilationLumenMm()).isEmpty();
  }

  static Stream<Arguments> earlierDilations() {
    return Stream.of(
        Arguments.of(
            "She was dilated this morning but by mid-afternoon had no output again. There was a"
                + " tight stricture. It had narrowed again to about 9 mm across and would not let"
                + " the adult scope through. An 18-19-20 mm CRE balloon was passed through the"
                + " scope. Afterwards the lumen was about 19 mm.",
            9,
            19),
        Arguments.of(
            "Status post dilation 2 weeks ago. The stricture measured 9 mm. Dilated to 15 mm with"
                + " a CRE balloon; the resulting lumen was 14 mm.",
            9,
            14),
        Arguments.of(
            "He was dilated 2 weeks ago. The stricture measured 8 mm and the scope could not pass."
                + " A 15 mm balloon was used. After dilation the lumen measured 14 mm.",
            8,
            14),
        Arguments.of(
            "After her last dilation the stoma narrowed to 8 mm. A 15 mm CRE balloon was inflated"
                + " three times. Post-dilation 14 mm.",
            8,
            14),
        Arguments.of(
            "The stoma was dilated last month. The stricture measured 7 mm. It was dilated with a"
                + " 15 mm balloon. The lumen then measured 14 mm.",
            7,
            14));
  }

  @ParameterizedTest
  @MethodSource("earlierDilations")
  void anEarlierDilationDoesNotMakeThisSessionsStrictureAResult(String note, int pre, int post) {
    NoteReading r = Notes.read(note);
    assertThat(r.preDilationLumenMm()).hasValue(pre);
    assertThat(r.postDilationLumenMm()).hasValue(post);
  }

  @Test
  void anEarlierDilationAloneLeavesTheLumenBeforeThisOne() {
    NoteReading r =
        Notes.read(
            "She was dilated this morning. It had narrowed again to about 9 mm and would not let"
                + " the scope through.");
    assertThat(r.preDilationLumenMm()).hasValue(9);
    assertThat(r.documents(POST_DILATION_LUMEN)).isFalse();
  }

  /**
   * Issue 14: a hedged range is read at its upper end, an estimate is a lumen, and a depth in cm
   * ("3 cm in") is no lumen.
   */
  static Stream<Arguments> issue14PreSizes() {
    return Stream.of(
        Arguments.of("The stricture was narrowed to an estimated 7 to 8 millimeters.", 8),
        Arguments.of("Pinhole opening, about 6 or 7 mm.", 7),
        Arguments.of("Fascial ring with a 2-3 mm lumen.", 3),
        Arguments.of("The fascial ring admitted the tip with difficulty, estimated 10 mm.", 10),
        Arguments.of("Stenosis @ fascia ~3cm in, lumen ~9mm.", 9),
        Arguments.of(
            "The stenosis was at the fascia, about 3 centimeters in, with a lumen of 9 to 10"
                + " millimeters.",
            10));
  }

  @ParameterizedTest
  @MethodSource("issue14PreSizes")
  void readsHedgedAndEstimatedLumensBeforeDilation(String note, int mm) {
    assertThat(Notes.read(note).preDilationLumenMm()).as(note).hasValue(mm);
  }

  @Test
  void readsTerseLumensWithATildeAndANewSentenceAfterAUnit() {
    NoteReading r =
        Notes.read(
            "scope via stoma. stricture at fascia, lumen ~8mm. 15mm balloon x2 30s. post ~14mm");
    assertThat(r.preDilationLumenMm()).hasValue(8);
    assertThat(r.postDilationLumenMm()).hasValue(14);
  }

  @Test
  void readsASizeTheOpeningAdmittedAndASizeDatedAfterTheDilation() {
    assertThat(
            Notes.read(
                    "Balloon 15 mm x2. After dilation the stoma admitted the gastroscope, approx 11"
                        + " mm.")
                .postDilationLumenMm())
        .hasValue(11);
    assertThat(
            Notes.read(
                    "Stricture calibrated at 11 mm. Dilated with 20 mm balloon. Afterwards ~20 mm.")
                .postDilationLumenMm())
        .hasValue(20);
  }

  @Test
  void aHedgedEstimateIsThisProceduresLumen() {
    assertThat(
            Notes.read(
                    "There was a lumen I would estimate at about 6 millimeters. We dilated it with a"
                        + " 15 mm balloon.")
                .preDilationLumenMm())
        .hasValue(6);
  }
}
