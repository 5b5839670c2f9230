package org.stomacds.engine.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.CaseBuilder;
import org.stomacds.engine.documentation.DocumentationElement;

/** Notes wherever EHRs put them: RTF documents, report conclusions and attachments, Binaries. */
class NoteDocumentationSourcesTest {

  private static final String RTF_NOTE =
      "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0\\green0\\blue0;}"
          + "\\pard\\f0\\fs20 {\\b Procedure:} The colonoscope was passed through the"
          + " colostomy.\\par The stricture at the fascia admitted the scope only after dilation"
          + " with a 15-16.5-18 mm CRE balloon, inflated 3 times for 60 seconds each.\\par"
          + " Complications: none.\\par}";

  private static DocumentReference document(String id, Attachment attachment) {
    DocumentReference d = new DocumentReference();
    d.setId("DocumentReference/" + id);
    d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    d.getContext().addEncounter(new Reference("Encounter/enc1"));
    d.addContent().setAttachment(attachment);
    return d;
  }

  @Test
  void readsAnRtfNoteAsEpicSendsIt() {
    Attachment rtf =
        new Attachment()
            .setContentType("text/rtf")
            .setData(RTF_NOTE.getBytes(StandardCharsets.US_ASCII));
    Documentation docs = Facts.documentation(CaseBuilder.newCase().add(document("d1", rtf)));
    assertThat(docs.unreadableNotes()).isEmpty();
    assertThat(docs.balloonDiameterMm()).hasValue(18);
    assertThat(docs.inflationCount()).hasValue(3);
    assertThat(docs.documents(DocumentationElement.ROUTE_THROUGH_STOMA)).isTrue();
    assertThat(docs.evidence(DocumentationElement.BALLOON_DIAMETER).get(0).text())
        .doesNotContain("\\")
        .contains("18 mm");
  }

  @Test
  void readsAnRtfNoteInABinaryGivenByAnAbsoluteUrlOnTheServer() {
    Binary binary = new Binary();
    binary.setId("Binary/eRTF1");
    binary.setContentType("application/rtf");
    binary.setData(RTF_NOTE.getBytes(StandardCharsets.US_ASCII));
    Attachment byUrl = new Attachment().setUrl("https://ehr.example.org/api/FHIR/R4/Binary/eRTF1");
    Documentation docs =
        Facts.documentation(CaseBuilder.newCase().add(document("d1", byUrl)).add(binary));
    assertThat(docs.unreadableNotes()).isEmpty();
    assertThat(docs.balloonDiameterMm()).hasValue(18);
  }

  @Test
  void anAttachmentWhoseContentIsNotInTheCaseIsAnUnreadableNote() {
    Attachment elsewhere =
        new Attachment().setContentType("text/rtf").setUrl("https://other.example.org/Binary/x");
    Documentation docs = Facts.documentation(CaseBuilder.newCase().add(document("d1", elsewhere)));
    assertThat(docs.unreadableNotes())
        .singleElement()
        .satisfies(note -> assertThat(note.contentType()).isEqualTo("text/rtf"));
  }

  @Test
  void readsTheConclusionAndAttachmentsOfTheEncountersReport() {
    DiagnosticReport report = new DiagnosticReport();
    report.setId("DiagnosticReport/r1");
    report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
    report.setEncounter(new Reference("Encounter/enc1"));
    report.setConclusion(
        "Stomal stenosis dilated with an 18 mm balloon; no immediate complications.");
    report.addPresentedForm(
        new Attachment()
            .setContentType("application/xhtml+xml")
            .setData(
                ("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Post-procedure instructions:"
                        + " soft diet today, clinic in 3 weeks.</p></div>")
                    .getBytes(StandardCharsets.UTF_8)));
    Documentation docs = Facts.documentation(CaseBuilder.newCase().add(report));
    assertThat(docs.balloonDiameterMm()).hasValue(18);
    assertThat(docs.evidence(DocumentationElement.BALLOON_DIAMETER).get(0).expression())
        .isEqualTo("DiagnosticReport.conclusion");
    assertThat(docs.documents(DocumentationElement.POST_PROCEDURE_INSTRUCTIONS)).isTrue();
    assertThat(docs.sources()).contains("DiagnosticReport/r1");
  }

  @Test
  void aReportOfAnotherEncounterOrEnteredInErrorIsNotRead() {
    DiagnosticReport other = new DiagnosticReport();
    other.setId("DiagnosticReport/r1");
    other.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
    other.setEncounter(new Reference("Encounter/enc2"));
    other.setConclusion("Dilated with an 18 mm balloon.");
    DiagnosticReport error = new DiagnosticReport();
    error.setId("DiagnosticReport/r2");
    error.setStatus(DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR);
    error.setEncounter(new Reference("Encounter/enc1"));
    error.setConclusion("Dilated with an 18 mm balloon.");
    Documentation docs = Facts.documentation(CaseBuilder.newCase().add(other).add(error));
    assertThat(docs.balloonDiameterMm()).isEmpty();
  }

  @Test
  void anObservationTheReportListsAsAResultIsLinked() {
    DiagnosticReport report = new DiagnosticReport();
    report.setId("DiagnosticReport/r1");
    report.setStatus(DiagnosticReport.DiagnosticReportStatus.FINAL);
    report.addBasedOn(new Reference("ServiceRequest/order1"));
    report.addResult(new Reference("Observation/o1"));
    org.hl7.fhir.r4.model.Observation result = new org.hl7.fhir.r4.model.Observation();
    result.setId("Observation/o1");
    result.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
    result.setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("Number of inflations"));
    result.setValue(new org.hl7.fhir.r4.model.IntegerType(2));
    CaseBuilder c = CaseBuilder.newCase().add(report).add(result);
    c.procedure().addBasedOn(new Reference("ServiceRequest/order1"));
    assertThat(Facts.documentation(c).inflationCount()).hasValue(2);
  }
}
