package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** DetectedIssues follow the writes of 44405 Procedures and Claims and of what they link to. */
class WriteChecksIT extends ChecksITSupport {

  @Test
  void deficientClaimGetsDetectedIssuesThatTheMissingNoteCancels() {
    Cases c = new Cases();
    put(c.record());
    put(c.claim);
    awaitChecksDone();

    List<DetectedIssue> open = issues("implicated=" + c.claimRef());
    assertThat(open).extracting(ChecksITSupport::ruleOf).containsExactly("doc-balloon-diameter");
    DetectedIssue issue = open.get(0);
    assertThat(issue.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
    assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.MODERATE);
    assertThat(issue.getCode().getCodingFirstRep().getSystem())
        .isEqualTo("https://stomacds.org/fhir/CodeSystem/rule");
    assertThat(issue.getCode().getCodingFirstRep().getDisplay()).isEqualTo("Balloon diameter");
    assertThat(issue.getImplicated())
        .extracting(Reference::getReference)
        .containsExactly(c.claimRef());
    assertThat(issue.getPatient().getReference()).isEqualTo("Patient/" + c.patient.getIdPart());
    assertThat(issue.getDetail()).contains("does not give the balloon diameter");
    assertThat(issue.getAuthor().getReference()).isEqualTo("Device/stomacds");
    // The rule's page at the public base URL, which names the public documents behind the rule.
    assertThat(issue.getReference()).isEqualTo(baseUrl() + "/rules/doc-balloon-diameter");
    assertThat(issue.hasIdentified()).isTrue();
    assertThat(issue.getIdentifierFirstRep().getSystem())
        .isEqualTo("https://stomacds.org/fhir/detected-issue");
    assertThat(issue.getExtensionByUrl(DetectedIssues.FINDING_RESOURCE).getValue())
        .isInstanceOfSatisfying(
            Reference.class, r -> assertThat(r.getReference()).isEqualTo(c.procedureRef()));
    assertThat(issue.getEvidence())
        .anySatisfy(
            e -> {
              assertThat(e.getDetailFirstRep().getReference()).isEqualTo(c.procedureRef());
              assertThat(e.getCodeFirstRep().getText()).contains("balloon diameter");
            });
    // The Procedure is a subject of its own: its note lacks the size too.
    assertThat(issues("implicated=" + c.procedureRef()))
        .extracting(ChecksITSupport::ruleOf)
        .containsExactly("doc-balloon-diameter");

    // Work-queue searches: by rule id and by status.
    assertThat(issues("code=doc-balloon-diameter&implicated=" + c.claimRef())).hasSize(1);
    assertThat(
            issues(
                "code=https://stomacds.org/fhir/CodeSystem/rule|doc-balloon-diameter&patient=Patient/"
                    + c.patient.getIdPart()))
        .hasSize(2);
    assertThat(issues("status=final&implicated=" + c.claimRef())).hasSize(1);
    assertThat(issues("status=cancelled&implicated=" + c.claimRef())).isEmpty();

    // Writing the claim again unchanged, or re-evaluating, never adds a second issue.
    c.claim.setMeta(null);
    c.claim.addIdentifier().setSystem("urn:example:claims").setValue(c.run);
    put(c.claim);
    awaitChecksDone();
    List<DetectedIssue> again = issues("implicated=" + c.claimRef());
    assertThat(again).hasSize(1);
    assertThat(again.get(0).getIdPart()).isEqualTo(issue.getIdPart());
    assertThat(again.get(0).getMeta().getVersionId()).isEqualTo(issue.getMeta().getVersionId());

    // The note with the size, filed on the encounter, resolves both issues.
    DocumentReference note = c.note(Cases.COMPLETE_NOTE);
    put(note);
    awaitChecksDone();
    DetectedIssue resolved =
        fhir().read().resource(DetectedIssue.class).withId(issue.getIdPart()).execute();
    assertThat(resolved.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.CANCELLED);
    assertThat(resolved.getMitigationFirstRep().getAction().getText())
        .contains("DocumentReference/" + note.getIdPart());
    assertThat(resolved.getMitigationFirstRep().hasDate()).isTrue();
    assertThat(issues("status=final&implicated=" + c.claimRef())).isEmpty();
    assertThat(issues("status=cancelled&implicated=" + c.claimRef())).hasSize(1);
    assertThat(issues("status=final&implicated=" + c.procedureRef())).isEmpty();
  }

  @Test
  void correctedClaimCancelsTheIssueOfTheLineItRemoved() {
    Cases c = new Cases();
    c.procedure.getNoteFirstRep().setText(Cases.COMPLETE_NOTE);
    c.line("44388");
    put(c.record());
    put(c.claim);
    awaitChecksDone();
    List<DetectedIssue> open = issues("status=final&implicated=" + c.claimRef());
    assertThat(open).extracting(ChecksITSupport::ruleOf).containsExactly("ncci-ptp-edits");
    assertThat(open.get(0).getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.HIGH);
    assertThat(
            open.get(0)
                .getExtensionByUrl(DetectedIssues.FINDING_EXPRESSION)
                .getValue()
                .primitiveValue())
        .isEqualTo("Claim.item[1]");

    Claim corrected = c.claim.copy();
    corrected.getItem().remove(1);
    put(corrected);
    awaitChecksDone();
    DetectedIssue resolved =
        fhir().read().resource(DetectedIssue.class).withId(open.get(0).getIdPart()).execute();
    assertThat(resolved.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.CANCELLED);
    assertThat(resolved.getMitigationFirstRep().getAction().getText()).contains(c.claimRef());

    // Found again: the same issue opens again.
    put(c.claim);
    awaitChecksDone();
    DetectedIssue reopened =
        fhir().read().resource(DetectedIssue.class).withId(open.get(0).getIdPart()).execute();
    assertThat(reopened.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.FINAL);
    assertThat(reopened.getMitigation()).isEmpty();
  }

  @Test
  void aDeletedClaimHasItsIssuesCancelledAndIsNotBlockedByThem() {
    Cases c = new Cases();
    put(c.record());
    put(c.claim);
    awaitChecksDone();
    List<DetectedIssue> open = issues("status=final&implicated=" + c.claimRef());
    assertThat(open).hasSize(1);

    fhir().delete().resourceById("Claim", c.claim.getIdPart()).execute();
    awaitChecksDone();
    DetectedIssue cancelled =
        fhir().read().resource(DetectedIssue.class).withId(open.get(0).getIdPart()).execute();
    assertThat(cancelled.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.CANCELLED);
    assertThat(cancelled.getMitigationFirstRep().getAction().getText())
        .contains(c.claimRef() + " was deleted");
    // Cancelling did not bring the Claim back as a placeholder.
    assertThat(get("/fhir/" + c.claimRef()).status()).isEqualTo(410);
  }

  @Test
  void aTransactionBundleIsEvaluatedOnceWithAllItsEntriesIn() {
    awaitChecksDone();
    Cases c = new Cases();
    DocumentReference note = c.note(Cases.COMPLETE_NOTE);
    List<Resource> all = new ArrayList<>(c.record());
    all.add(c.claim);
    all.add(note);
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (Resource resource : all) {
      transaction
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.PUT)
          .setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
    double before = evaluations();
    fhir().transaction().withBundle(transaction).execute();
    awaitChecksDone();

    // One evaluation per subject (the Procedure and the Claim), not one per entry; and the note
    // that came in the same transaction counts: nothing is missing.
    assertThat(evaluations() - before).isEqualTo(2.0);
    assertThat(issues("implicated=" + c.claimRef())).isEmpty();
    assertThat(issues("implicated=" + c.procedureRef())).isEmpty();
  }

  @Test
  void aTransactionThatFailsLeavesNoPendingEvaluation() throws InterruptedException {
    Cases c = new Cases();
    put(c.record());
    awaitChecksDone();
    Bundle failing = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    failing
        .addEntry()
        .setResource(c.claim)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl(c.claimRef());
    failing
        .addEntry()
        .setResource(c.procedure)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl(c.procedureRef())
        .setIfMatch("W/\"7\""); // the stored Procedure is at version 1: the transaction fails
    assertThatThrownBy(() -> fhir().transaction().withBundle(failing).execute())
        .isInstanceOf(BaseServerResponseException.class);

    // The rows were written in the transaction that rolled back: none is left for the sweep.
    assertThat(pending.count()).isZero();
    Thread.sleep(500);
    assertThat(pending.count()).isZero();
    assertThat(get("/fhir/" + c.claimRef()).status()).isEqualTo(404);
  }

  @Test
  void preferOperationOutcomeReturnsTheFindingsOfTheWrite() {
    Cases c = new Cases();
    c.line("44388");
    put(c.record());
    MethodOutcome written =
        fhir().update().resource(c.claim).prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();

    OperationOutcome outcome = (OperationOutcome) written.getOperationOutcome();
    assertThat(rules(outcome)).containsExactlyInAnyOrder("ncci-ptp-edits", "doc-balloon-diameter");
    OperationOutcome.OperationOutcomeIssueComponent ncci =
        outcome.getIssue().stream()
            .filter(i -> i.getDetails().getCodingFirstRep().getCode().equals("ncci-ptp-edits"))
            .findFirst()
            .orElseThrow();
    // The write succeeded: an error finding is a warning here.
    assertThat(ncci.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
    assertThat(ncci.getCode()).isEqualTo(OperationOutcome.IssueType.BUSINESSRULE);
    assertThat(ncci.getDetails().getCodingFirstRep().getSystem())
        .isEqualTo("https://stomacds.org/fhir/CodeSystem/rule");
    assertThat(ncci.getDiagnostics()).contains("44388");
    assertThat(ncci.getExpression()).extracting(e -> e.getValue()).containsExactly("Claim.item[1]");
    Extension issueRef = ncci.getExtensionByUrl(Outcomes.DETECTED_ISSUE);
    assertThat(issueRef).isNotNull();

    // The DetectedIssues were written before the answer, not later.
    List<DetectedIssue> stored = issues("status=final&implicated=" + c.claimRef());
    assertThat(stored)
        .extracting(ChecksITSupport::ruleOf)
        .containsExactlyInAnyOrder("ncci-ptp-edits", "doc-balloon-diameter");
    assertThat(stored)
        .extracting(i -> "DetectedIssue/" + i.getIdPart())
        .contains(((Reference) issueRef.getValue()).getReference());

    // An unchanged update stores nothing new; its answer still carries the findings.
    c.claim.setMeta(null);
    MethodOutcome unchanged =
        fhir().update().resource(c.claim).prefer(PreferReturnEnum.OPERATION_OUTCOME).execute();
    assertThat(rules((OperationOutcome) unchanged.getOperationOutcome()))
        .containsExactlyInAnyOrder("ncci-ptp-edits", "doc-balloon-diameter");
    awaitChecksDone();
  }
}
