package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.BALLOON_DIAMETER;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.DISTINCT_STRICTURE;
import static org.stomacds.engine.documentation.DocumentationElement.EXTENT_OF_EXAM;
import static org.stomacds.engine.documentation.DocumentationElement.FLUOROSCOPY;
import static org.stomacds.engine.documentation.DocumentationElement.INCREASED_WORK;
import static org.stomacds.engine.documentation.DocumentationElement.INDEPENDENT_OBSERVER;
import static org.stomacds.engine.documentation.DocumentationElement.INDICATION;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_COUNT;
import static org.stomacds.engine.documentation.DocumentationElement.INFLATION_DURATION;
import static org.stomacds.engine.documentation.DocumentationElement.POST_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.POST_PROCEDURE_INSTRUCTIONS;
import static org.stomacds.engine.documentation.DocumentationElement.PRE_DILATION_LUMEN;
import static org.stomacds.engine.documentation.DocumentationElement.ROUTE_THROUGH_STOMA;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;
import static org.stomacds.engine.documentation.DocumentationElement.STRICTURE_LOCATION;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.documentation.DocumentationElement;

/** Whole notes as endoscopists write them: what each documents, what it does not, the values. */
class WholeNoteTest {

  private static Set<DocumentationElement> documented(NoteReading r) {
    return Arrays.stream(DocumentationElement.values())
        .filter(r::documents)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentationElement.class)));
  }

  private static Set<DocumentationElement> negated(NoteReading r) {
    return Arrays.stream(DocumentationElement.values())
        .filter(e -> r.mention(e).map(ElementMention::negated).orElse(false))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentationElement.class)));
  }

  @Test
  void readsATerseNote() {
    String note =
        """
        Dx: stomal stenosis
        Per stoma colonoscopy. MAC / propofol by anesthesia.
        Stricture at stoma, ~8mm. 2nd stricture at 25 cm.
        CRE 18-19-20 mm x3, 30 sec each. Post-dilation lumen 18 mm.
        Fluoro: none.
        Cecum reached.
        No complications.
        Clears today, adv as tol. F/u 4 wks.
        """;
    NoteReading r = Notes.read(note);
    assertThat(documented(r))
        .containsExactlyInAnyOrder(
            INDICATION,
            ROUTE_THROUGH_STOMA,
            SEDATION_TYPE,
            STRICTURE_LOCATION,
            PRE_DILATION_LUMEN,
            DISTINCT_STRICTURE,
            BALLOON_DIAMETER,
            INFLATION_COUNT,
            INFLATION_DURATION,
            POST_DILATION_LUMEN,
            EXTENT_OF_EXAM,
            COMPLICATIONS,
            POST_PROCEDURE_INSTRUCTIONS);
    assertThat(negated(r)).containsExactly(FLUOROSCOPY);
    assertThat(r.balloonDiametersMm()).containsExactly(18, 19, 20);
    assertThat(r.maxBalloonDiameterMm()).hasValue(20);
    assertThat(r.inflationCount()).hasValue(3);
    assertThat(r.inflationDurationSeconds()).hasValue(30);
    assertThat(r.sedationType()).hasValue(SedationType.MAC_OR_ANESTHESIA);
    assertThat(r.sedationIntraserviceMinutes()).isEmpty();
    assertThat(r.preDilationLumenMm()).hasValue(8);
    assertThat(r.postDilationLumenMm()).hasValue(18);
    assertThat(r.extent()).hasValue(ExamExtent.COMPLETE);
    assertThat(r.distinctStrictureCount()).isEqualTo(2);
    assertThat(r.complicationsOccurred()).isFalse();
    assertThat(r.fluoroscopyUsed()).isFalse();
  }

  @Test
  void readsADictatedNote() {
    String note =
        """
        The patient is a 67-year-old man with an end colostomy who was referred for stomal \
        stenosis and difficulty with appliance fit. After informed consent was obtained, risks \
        including bleeding, perforation and missed lesions having been explained, the patient was \
        placed in the supine position. Conscious sedation was administered with midazolam and \
        fentanyl from 0912 to 0938 with an independent trained observer present. The pediatric \
        colonoscope was introduced via the colostomy. At the fascial level there was a pinhole \
        stricture which would not admit the scope. Using a 12 to 15 mm TTS balloon the stricture \
        was dilated three times, each inflation maintained for one minute. Following dilation the \
        stricture was traversed with ease and the scope was advanced to the ileocolic \
        anastomosis, which was normal. There was a small mucosal tear with minimal oozing which \
        stopped spontaneously. No perforation. The procedure took twice as long as usual because \
        of the tight stricture and dense looping. Discharge instructions were given; return if \
        fever, bleeding or severe pain.
        """;
    NoteReading r = Notes.read(note);
    assertThat(documented(r))
        .containsExactlyInAnyOrder(
            INDEPENDENT_OBSERVER,
            INDICATION,
            SEDATION_TYPE,
            SEDATION_TIMES,
            ROUTE_THROUGH_STOMA,
            STRICTURE_LOCATION,
            PRE_DILATION_LUMEN,
            BALLOON_DIAMETER,
            INFLATION_COUNT,
            INFLATION_DURATION,
            POST_DILATION_LUMEN,
            EXTENT_OF_EXAM,
            COMPLICATIONS,
            INCREASED_WORK,
            POST_PROCEDURE_INSTRUCTIONS);
    assertThat(negated(r)).isEmpty();
    assertThat(r.balloonDiametersMm()).containsExactly(12, 15);
    assertThat(r.inflationCount()).hasValue(3);
    assertThat(r.inflationDurationSeconds()).hasValue(60);
    assertThat(r.sedationType()).hasValue(SedationType.MODERATE);
    assertThat(r.sedationIntraserviceMinutes()).hasValue(26);
    assertThat(r.extent()).hasValue(ExamExtent.COMPLETE);
    // coding decision 4: the untreated small tear and ooze are the dilation's intended effect,
    // and "No perforation" says there were none
    assertThat(r.complicationsOccurred()).isFalse();
    assertThat(r.mention(COMPLICATIONS).orElseThrow().evidence()).contains("No perforation");
    assertThat(r.distinctStrictureCount()).isEqualTo(1);
    assertThat(r.fluoroscopyUsed()).isFalse();
  }

  @Test
  void readsATemplatedNoteWithHeadings() {
    String note =
        """
        PROCEDURE: Colonoscopy through stoma with transendoscopic balloon dilation

        INDICATIONS:
        1. Colostomy stricture with obstructive symptoms

        SEDATION:
        Moderate sedation, RN administered, independent observer present.
        Start time: 14:02
        Stop time: 14:40

        FINDINGS:
        The adult colonoscope was inserted through the stoma. A stricture was found 4 cm
        from the stoma at the fascial level. The lumen measured approximately 7 mm and the
        scope could not be passed.

        DILATION:
        Balloon: CRE 15-16.5-18 mm
        Inflations: 3
        Duration: 60 seconds each
        Fluoroscopy: not used
        After dilation the lumen measured 16 mm and the scope passed easily.
        The scope was then advanced to the cecum; the appendiceal orifice was photographed.

        COMPLICATIONS:
        None. EBL: minimal.

        POST-PROCEDURE INSTRUCTIONS:
        Clear liquids today, then resume regular diet. Return to the ED for fever or bleeding.
        Follow up in colorectal clinic in 6 weeks.
        """;
    NoteReading r = Notes.read(note);
    assertThat(documented(r))
        .containsExactlyInAnyOrder(
            INDEPENDENT_OBSERVER,
            ROUTE_THROUGH_STOMA,
            INDICATION,
            SEDATION_TYPE,
            SEDATION_TIMES,
            STRICTURE_LOCATION,
            PRE_DILATION_LUMEN,
            BALLOON_DIAMETER,
            INFLATION_COUNT,
            INFLATION_DURATION,
            POST_DILATION_LUMEN,
            EXTENT_OF_EXAM,
            COMPLICATIONS,
            POST_PROCEDURE_INSTRUCTIONS);
    assertThat(negated(r)).containsExactly(FLUOROSCOPY);
    assertThat(r.balloonDiametersMmExact()).containsExactly(15.0, 16.5, 18.0);
    assertThat(r.inflationCount()).hasValue(3);
    assertThat(r.inflationDurationSeconds()).hasValue(60);
    assertThat(r.sedationType()).hasValue(SedationType.MODERATE);
    assertThat(r.sedationIntraserviceMinutes()).hasValue(38);
    assertThat(r.preDilationLumenMm()).hasValue(7);
    assertThat(r.postDilationLumenMm()).hasValue(16);
    assertThat(r.extent()).hasValue(ExamExtent.COMPLETE);
    assertThat(r.complicationsOccurred()).isFalse();
  }

  @Test
  void readsAHardWrappedExportWithBulletsAndLabels() {
    String note =
        """
        PROCEDURE NOTE
        Patient: 58 y/o F with end ileostomy.
        Indications: Stomal stenosis; difficulty emptying pouch.
        Medications: Versed 3 mg IV, Fentanyl 100 mcg IV (moderate sedation by RN, independent observer).
        Sedation start: 10:02   Sedation end: 10:31
        Description: After informed consent, the pediatric colonoscope was inserted into the ileostomy. There was
        a tight stenosis at the skin level which did not allow passage of the scope. A 10-11-12 mm
        CRE balloon was passed through the scope and the stenosis was dilated to 12 mm; the balloon was held
        inflated for 45 seconds x 2. Post dilation, the scope traversed the stenosis without resistance
        and the neoterminal ileum was examined for 20 cm and was normal.
        \u2022 Complications: none
        \u2022 Fluoroscopy: not used
        \u2022 EBL: none
        Disposition: home; resume ostomy diet; f/u Dr. Lee 3 weeks.
        """;
    NoteReading r = Notes.read(note);
    assertThat(documented(r))
        .containsExactlyInAnyOrder(
            INDEPENDENT_OBSERVER,
            INDICATION,
            STRICTURE_LOCATION,
            SEDATION_TYPE,
            SEDATION_TIMES,
            ROUTE_THROUGH_STOMA,
            PRE_DILATION_LUMEN,
            BALLOON_DIAMETER,
            INFLATION_COUNT,
            INFLATION_DURATION,
            POST_DILATION_LUMEN,
            EXTENT_OF_EXAM,
            COMPLICATIONS,
            POST_PROCEDURE_INSTRUCTIONS);
    assertThat(negated(r)).containsExactly(FLUOROSCOPY);
    // the staged balloon's name lists 10-11-12; the note says it was dilated to 12
    assertThat(r.balloonDiametersMm()).containsExactly(12);
    assertThat(r.inflationCount()).hasValue(2);
    assertThat(r.inflationDurationSeconds()).hasValue(45);
    assertThat(r.sedationIntraserviceMinutes()).hasValue(29);
    assertThat(r.sedationType()).hasValue(SedationType.MODERATE);
    assertThat(r.extent()).hasValue(ExamExtent.COMPLETE);
    assertThat(r.mention(POST_DILATION_LUMEN).orElseThrow().evidence())
        .startsWith("Post dilation, the scope traversed the stenosis");
    assertThat(r.mention(POST_PROCEDURE_INSTRUCTIONS).orElseThrow().evidence())
        .isEqualTo("Disposition: home; resume ostomy diet; f/u Dr. Lee 3 weeks.");
  }

  @Test
  void readsAnIncompleteNoteWithMissingDocumentation() {
    String note =
        """
        Colonoscopy via ileostomy for stomal stenosis. Moderate sedation.
        Balloon size not recorded. Inflation count unknown.
        The scope could not be advanced beyond the transverse colon and the procedure was
        aborted due to poor bowel preparation.
        Complications: not documented.
        """;
    NoteReading r = Notes.read(note);
    assertThat(documented(r))
        .contains(ROUTE_THROUGH_STOMA, INDICATION, SEDATION_TYPE, EXTENT_OF_EXAM)
        .doesNotContain(BALLOON_DIAMETER, INFLATION_COUNT, COMPLICATIONS, SEDATION_TIMES);
    assertThat(negated(r))
        .containsExactlyInAnyOrder(BALLOON_DIAMETER, INFLATION_COUNT, COMPLICATIONS);
    assertThat(r.extent()).hasValue(ExamExtent.INCOMPLETE);
    assertThat(r.incompleteReason()).hasValue("poor bowel preparation");
    assertThat(r.procedureDiscontinued()).isTrue();
    assertThat(r.discontinuedAt()).hasValue(DiscontinuedAt.AFTER_ANESTHESIA_OR_INSERTION);
  }

  @Test
  void readsAFhirNarrativeInHtml() {
    String html =
        """
        <div xmlns="http://www.w3.org/1999/xhtml">
          <h3>Procedure note</h3>
          <p><b>Indication:</b> stomal stenosis &amp; obstructive symptoms</p>
          <p>Colonoscopy&nbsp;through the stoma under MAC (propofol by anesthesia).</p>
          <table>
            <tr><th>Balloon</th><td>18&ndash;19&ndash;20 mm CRE</td></tr>
            <tr><th>Inflations</th><td>3 &times; 60&#160;sec</td></tr>
          </table>
          <p>The scope was advanced to the cecum.</p>
          <p>Complications:<br/>None</p>
          <ul><li>Resume diet</li><li>Follow up in 6 weeks</li></ul>
          <script>var size = "99 mm balloon";</script>
        </div>
        """;
    NoteReading r = Notes.read(NoteReader.htmlToText(html));
    assertThat(documented(r))
        .containsExactlyInAnyOrder(
            INDICATION,
            STRICTURE_LOCATION,
            ROUTE_THROUGH_STOMA,
            SEDATION_TYPE,
            BALLOON_DIAMETER,
            INFLATION_COUNT,
            INFLATION_DURATION,
            EXTENT_OF_EXAM,
            // the scope advanced to the cecum after the dilation (coding decision 13)
            POST_DILATION_LUMEN,
            COMPLICATIONS,
            POST_PROCEDURE_INSTRUCTIONS);
    assertThat(r.balloonDiametersMm()).containsExactly(18, 19, 20);
    assertThat(r.inflationCount()).hasValue(3);
    assertThat(r.inflationDurationSeconds()).hasValue(60);
  }

  @Test
  void readsAOneParagraphNoteThatOpensWithAnIndicationLabel() {
    String note =
        "Indication: colostomy stenosis with obstructive symptoms. Under MAC, the colonoscope was"
            + " inserted through the end colostomy. There was a fibrotic stricture at the"
            + " mucocutaneous junction measuring approximately 9 mm which did not allow passage of"
            + " the scope. Dilation was performed with an 18 mm CRE balloon, three inflations of 45"
            + " seconds each. Post dilation the stoma admitted the scope easily, lumen about 17 mm."
            + " Cecum reached. Complications: none. Discharge: resume regular diet, follow up in"
            + " clinic in 3 weeks, call for bleeding or fever.";
    NoteReading r = Notes.read(note);
    assertThat(documented(r))
        .contains(
            INDICATION,
            ROUTE_THROUGH_STOMA,
            BALLOON_DIAMETER,
            INFLATION_COUNT,
            INFLATION_DURATION,
            PRE_DILATION_LUMEN,
            POST_DILATION_LUMEN,
            EXTENT_OF_EXAM,
            COMPLICATIONS,
            POST_PROCEDURE_INSTRUCTIONS);
    assertThat(r.maxBalloonDiameterMm()).hasValue(18);
    assertThat(r.inflationCount()).hasValue(3);
    assertThat(r.inflationDurationSeconds()).hasValue(45);
  }
}
