package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.Engines.evaluate;
import static org.stomacds.engine.Engines.findings;
import static org.stomacds.engine.Engines.ruleIds;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Finding;

/** The rules read the procedure note through the narrative reader, wherever the note is. */
public class NarrativeDocumentationTest {

  public static final String TEMPLATED =
      """
      PROCEDURE: Colonoscopy through stoma with balloon dilation.
      INDICATION: Stomal stenosis of end colostomy with obstructive symptoms.
      SEDATION: Moderate sedation, midazolam and fentanyl, given by me with an independent trained observer. Start 10:02, stop 10:31.
      DESCRIPTION: The colonoscope was introduced through the colostomy. A tight stricture was found at the stoma, about 8 mm in diameter; the adult scope would not pass.
      It was dilated with an 18-19-20 mm CRE balloon, three inflations held for 60 seconds each. After dilation the lumen measured about 16 mm and the scope passed easily.
      The colon was examined to the cecum. No immediate complications.
      PLAN: Soft diet today, regular diet tomorrow. Call for fever, bleeding or abdominal pain. Clinic in 2 weeks.
      """;

  static final String DICTATED =
      "Indication is a narrowed end ileostomy with obstructive symptoms. After moderate sedation was started at 09:10, with an independent observer present, the scope was passed"
          + " through the ileostomy and a stricture was seen at the fascial level, roughly 7 mm. We"
          + " dilated it with a 15mm balloon, inflated x3, 1 minute each, after which the scope"
          + " passed easily and the lumen was about 15 mm. Sedation ended at 09:38. The exam went to"
          + " the ileocolic anastomosis. There were no immediate complications. Discharge"
          + " instructions: clear liquids today, follow-up in clinic in two weeks.";

  private static CaseBuilder billed(CaseBuilder c) {
    return c.diagnosis("K94.03").line("44405").line("G0500").originalMedicare();
  }

  @Test
  void aCompleteTemplatedNoteOnTheProcedureRaisesNothing() {
    List<Finding> found =
        evaluate(billed(CaseBuilder.newCase().note(TEMPLATED)), Stage.DOCUMENTATION, Stage.CLAIM);
    assertThat(found).isEmpty();
  }

  @Test
  void aCompleteDictatedNoteAsATextDocumentReferenceRaisesNothing() {
    CaseBuilder c = CaseBuilder.newCase().documentReference("op1", "text/plain", DICTATED);
    assertThat(evaluate(billed(c), Stage.DOCUMENTATION, Stage.CLAIM)).isEmpty();
  }

  @Test
  void anHtmlNoteIsReadToo() {
    String html =
        "<div><h3>Findings</h3><p>"
            + TEMPLATED.replace("\n", "<br/>").replace("&", "&amp;")
            + "</p><script>alert(1)</script></div>";
    CaseBuilder c =
        CaseBuilder.newCase().documentReference("op1", "text/html; charset=utf-8", html);
    assertThat(evaluate(billed(c), Stage.DOCUMENTATION, Stage.CLAIM)).isEmpty();
  }

  @Test
  void aNoteInABinaryOfTheRequestIsRead() {
    CaseBuilder c = CaseBuilder.newCase();
    Binary binary = new Binary();
    binary.setId("Binary/b1");
    binary.setContentType("text/plain");
    binary.setData(TEMPLATED.getBytes(StandardCharsets.UTF_8));
    DocumentReference document = new DocumentReference();
    document.setId("DocumentReference/op9");
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    document.getContext().addRelated(new Reference("Procedure/proc1"));
    document.addContent().setAttachment(new Attachment().setUrl("Binary/b1"));
    c.add(binary).add(document);
    assertThat(evaluate(c, Stage.DOCUMENTATION)).isEmpty();
  }

  @Test
  void aNoteInAContainedBinaryOfTheReportIsRead() {
    CaseBuilder c = CaseBuilder.newCase();
    Binary binary = new Binary();
    binary.setId("note");
    binary.setContentType("text/plain");
    binary.setData(TEMPLATED.getBytes(StandardCharsets.UTF_8));
    DocumentReference document = new DocumentReference();
    document.setId("DocumentReference/op8");
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    document.addContained(binary);
    document.addContent().setAttachment(new Attachment().setUrl("#note"));
    c.procedure().addReport(new Reference("DocumentReference/op8"));
    c.add(document);
    assertThat(evaluate(c, Stage.DOCUMENTATION)).isEmpty();
  }

  @Test
  void aDiagnosticReportConclusionLinkedAsTheReportIsRead() {
    CaseBuilder c = CaseBuilder.newCase();
    DiagnosticReport report = new DiagnosticReport();
    report.setId("DiagnosticReport/r1");
    report.setConclusion(TEMPLATED);
    c.procedure().addReport(new Reference("DiagnosticReport/r1"));
    c.add(report);
    assertThat(evaluate(c, Stage.DOCUMENTATION)).isEmpty();
  }

  @Test
  void elementsCarryTheNotesWordsAsEvidence() {
    String withoutSize =
        TEMPLATED.replace(
            "an 18-19-20 mm CRE balloon", "a CRE balloon (balloon size not recorded)");
    Finding finding =
        findings(
                evaluate(CaseBuilder.newCase().note(withoutSize), Stage.DOCUMENTATION),
                "doc-balloon-diameter")
            .get(0);
    assertThat(finding.message()).contains("mentioned without a value");
    assertThat(finding.evidence())
        .extracting(Evidence::text)
        .anyMatch(t -> t.contains("balloon size not recorded"));
    assertThat(finding.evidence()).anyMatch(e -> "Procedure.note[0].text".equals(e.expression()));
  }

  @Test
  void aLumenMeasurementIsNotABalloonSize() {
    String lumenOnly =
        TEMPLATED.replace(
            "It was dilated with an 18-19-20 mm CRE balloon,",
            "It was dilated with a CRE balloon,");
    assertThat(ruleIds(evaluate(CaseBuilder.newCase().note(lumenOnly), Stage.DOCUMENTATION)))
        .containsExactly("doc-balloon-diameter");
  }

  @Test
  void aNoteThatStopsShortDrives52() {
    String incomplete =
        TEMPLATED.replace(
            "The colon was examined to the cecum.",
            "The scope could not be advanced beyond the splenic flexure because of a second tight angulated stricture; the cecum was not reached.");
    CaseBuilder c = CaseBuilder.newCase().note(incomplete).diagnosis("K94.03").line("44405");
    Finding finding = findings(evaluate(c, Stage.CLAIM), "mod-incomplete-exam").get(0);
    assertThat(finding.fixes().get(0).code()).isEqualTo("52");
  }

  @Test
  void sedationMinutesComeFromTheNotesTimes() {
    String short1 = TEMPLATED.replace("Start 10:02, stop 10:31.", "Start 10:02, stop 10:09.");
    CaseBuilder c =
        CaseBuilder.newCase().note(short1).diagnosis("K94.03").line("44405").line("99152");
    assertThat(ruleIds(evaluate(c, Stage.CLAIM))).contains("sedation-minimum-time");
  }
}
