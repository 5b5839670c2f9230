package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.findings.Confidence;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Finding;
import org.stomacds.engine.findings.Fix;
import org.stomacds.engine.findings.FixKind;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.findings.SourceCitation;

class DetectedIssuesTest {

  private static Finding finding(
      String rule, Severity severity, String resource, String expression) {
    return new Finding(
        rule,
        "1.0.0",
        severity,
        "The procedure documentation does not give the balloon diameter.",
        resource,
        expression,
        List.of(new Evidence("Procedure/p1", "Procedure.note[0].text", "a CRE balloon")),
        List.of(
            new Fix(
                FixKind.DOCUMENT_ELEMENT,
                "Document the balloon diameter",
                "Procedure/p1",
                null,
                null,
                null,
                "balloon-diameter",
                true,
                null)),
        new SourceCitation(
            List.of(
                new Citation(
                    "cms-mln909160",
                    "Complying with Medical Record Documentation Requirements",
                    null,
                    "March 2024",
                    "https://example.org/policy",
                    Confidence.SOURCED,
                    null)),
            Confidence.SOURCED),
        List.of("No payer-specific policy on file."));
  }

  @Test
  void theSameFindingOfTheSameSubjectAlwaysGetsTheSameIssueId() {
    Finding f = finding("doc-balloon-diameter", Severity.WARNING, "Procedure/p1", "Procedure.note");
    String key = DetectedIssues.byKey("Claim/c1", List.of(f)).keySet().iterator().next();
    assertThat(key).isEqualTo("Claim/c1|doc-balloon-diameter|Procedure/p1|Procedure.note");
    assertThat(DetectedIssues.idOf(key))
        .isEqualTo(DetectedIssues.idOf(key))
        .matches("sc-[0-9a-f]{40}");
    assertThat(DetectedIssues.isOurId(DetectedIssues.idOf(key))).isTrue();
    String other = DetectedIssues.byKey("Procedure/p1", List.of(f)).keySet().iterator().next();
    assertThat(DetectedIssues.idOf(other)).isNotEqualTo(DetectedIssues.idOf(key));
  }

  @Test
  void twoFindingsOfOneRuleOnOneElementKeepTwoIssues() {
    Finding a = finding("mue-units", Severity.ERROR, "Claim/c1", "Claim.item[0].quantity");
    Finding b =
        new Finding(
            a.ruleId(),
            a.packVersion(),
            a.severity(),
            "another message",
            a.resource(),
            a.expression(),
            a.evidence(),
            a.fixes(),
            a.source(),
            a.notes());
    Map<String, Finding> keyed = DetectedIssues.byKey("Claim/c1", List.of(a, b));
    assertThat(keyed).hasSize(2);
    assertThat(keyed.keySet()).last().asString().endsWith("#2");
  }

  @Test
  void mapsAFindingToAnOpenIssue() {
    Finding f = finding("doc-balloon-diameter", Severity.WARNING, "Procedure/p1", "Procedure.note");
    DetectedIssue issue =
        DetectedIssues.open(
            "k",
            "Claim/c1",
            "Patient/pt",
            f,
            "Balloon diameter",
            "https://cds.example.org/rules/doc-balloon-diameter",
            new DateTimeType("2024-08-15T10:00:00Z"));
    assertThat(issue.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
    assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.MODERATE);
    assertThat(issue.getCode().getCodingFirstRep().getCode()).isEqualTo("doc-balloon-diameter");
    assertThat(issue.getCode().getCodingFirstRep().getDisplay()).isEqualTo("Balloon diameter");
    assertThat(issue.getImplicatedFirstRep().getReference()).isEqualTo("Claim/c1");
    assertThat(issue.getPatient().getReference()).isEqualTo("Patient/pt");
    assertThat(issue.getDetail())
        .startsWith("The procedure documentation does not give the balloon diameter.")
        .contains("Suggested fix: Document the balloon diameter")
        .contains("No payer-specific policy on file.");
    assertThat(issue.getEvidenceFirstRep().getDetailFirstRep().getReference())
        .isEqualTo("Procedure/p1");
    assertThat(issue.getEvidenceFirstRep().getCodeFirstRep().getText()).isEqualTo("a CRE balloon");
    assertThat(
            issue
                .getEvidenceFirstRep()
                .getExtensionByUrl(DetectedIssues.EVIDENCE_EXPRESSION)
                .getValue()
                .primitiveValue())
        .isEqualTo("Procedure.note[0].text");
    // The rule's page, which lists the public documents: never a document of its own.
    assertThat(issue.getReference())
        .isEqualTo("https://cds.example.org/rules/doc-balloon-diameter");
    assertThat(issue.getIdentifierFirstRep().getValue()).isEqualTo("k");
  }

  @Test
  void severitiesMapToHighModerateLow() {
    assertThat(DetectedIssues.severity(Severity.ERROR))
        .isEqualTo(DetectedIssue.DetectedIssueSeverity.HIGH);
    assertThat(DetectedIssues.severity(Severity.WARNING))
        .isEqualTo(DetectedIssue.DetectedIssueSeverity.MODERATE);
    assertThat(DetectedIssues.severity(Severity.INFO))
        .isEqualTo(DetectedIssue.DetectedIssueSeverity.LOW);
  }

  @Test
  void aCancelledIssueSaysWhatResolvedItAndWhen() {
    Finding f = finding("doc-balloon-diameter", Severity.WARNING, "Procedure/p1", "Procedure.note");
    DetectedIssue open =
        DetectedIssues.open("k", "Claim/c1", null, f, null, null, new DateTimeType("2024-08-15"));
    DetectedIssue cancelled =
        DetectedIssues.cancelled(
            open,
            "no longer found after DocumentReference/n1 changed",
            new DateTimeType("2024-08-16"));
    assertThat(cancelled.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.CANCELLED);
    assertThat(cancelled.getMitigationFirstRep().getAction().getText())
        .isEqualTo("Resolved: no longer found after DocumentReference/n1 changed");
    assertThat(cancelled.getMitigationFirstRep().getDateElement().getValueAsString())
        .isEqualTo("2024-08-16");
    assertThat(open.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
  }

  @Test
  void storedMetadataDoesNotMakeAnIssueDifferent() {
    Finding f = finding("doc-balloon-diameter", Severity.WARNING, "Procedure/p1", "Procedure.note");
    DetectedIssue wanted =
        DetectedIssues.open("k", "Claim/c1", null, f, null, null, new DateTimeType("2024-08-15"));
    DetectedIssue stored = wanted.copy();
    stored.setId("DetectedIssue/" + DetectedIssues.idOf("k") + "/_history/3");
    stored
        .getMeta()
        .setVersionId("3")
        .setLastUpdatedElement(new org.hl7.fhir.r4.model.InstantType("2024-08-15T10:00:00Z"));
    assertThat(DetectedIssues.sameContent(stored, wanted)).isTrue();
    wanted.setSeverity(DetectedIssue.DetectedIssueSeverity.HIGH);
    assertThat(DetectedIssues.sameContent(stored, wanted)).isFalse();
  }
}
