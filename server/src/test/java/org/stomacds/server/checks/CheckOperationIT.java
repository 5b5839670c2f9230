package org.stomacds.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.stomacds.cds.card.MarkdownText;
import org.stomacds.server.support.TestTokens;

/** {@code $check}: the findings as an OperationOutcome, at both levels, writing nothing. */
class CheckOperationIT extends ChecksITSupport {

  @Test
  void instanceLevelCheckReturnsTheFindingsOfTheStoredClaimAndWritesNothing() {
    Cases c = new Cases();
    c.line("44388");
    put(c.record());
    put(c.claim);
    awaitChecksDone();
    int issuesBefore = detectedIssueCount();

    for (Answer response :
        List.of(
            get("/fhir/" + c.claimRef() + "/$check"),
            postFhir("/fhir/" + c.claimRef() + "/$check", ""),
            postFhir("/fhir/" + c.claimRef() + "/$check", "{\"resourceType\":\"Parameters\"}"))) {
      assertThat(response.status()).isEqualTo(200);
      OperationOutcome outcome = outcome(response);
      assertThat(rules(outcome))
          .containsExactlyInAnyOrder("ncci-ptp-edits", "doc-balloon-diameter");
      OperationOutcome.OperationOutcomeIssueComponent ncci = issue(outcome, "ncci-ptp-edits");
      // Nothing was written: an error finding is an error.
      assertThat(ncci.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
      assertThat(ncci.getExpression().get(0).getValue()).isEqualTo("Claim.item[1]");
      assertThat(ncci.getDiagnostics()).contains("44388");
      OperationOutcome.OperationOutcomeIssueComponent doc = issue(outcome, "doc-balloon-diameter");
      assertThat(doc.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
      assertThat(
              ((Reference) doc.getExtensionByUrl(DetectedIssues.FINDING_RESOURCE).getValue())
                  .getReference())
          .isEqualTo(c.procedureRef());
      assertThat(doc.getExtensionByUrl(Outcomes.RULE_PAGE).getValueAsPrimitive().getValueAsString())
          .isEqualTo(baseUrl() + "/rules/doc-balloon-diameter");
    }
    assertThat(rules(outcome(get("/fhir/" + c.procedureRef() + "/$check"))))
        .containsExactly("doc-balloon-diameter");

    assertThat(pending.count()).isZero();
    assertThat(detectedIssueCount()).isEqualTo(issuesBefore);
    assertThat(get("/fhir/Claim/no-such-claim/$check").status()).isEqualTo(404);
  }

  @Test
  void typeLevelCheckReturnsTheFindingsOfAnUnstoredClaimAndWritesNothing() {
    Cases c = new Cases();
    c.line("44388");
    put(c.record()); // the claim is not stored: $check reads the rest of the case from the store
    awaitChecksDone();
    int issuesBefore = detectedIssueCount();

    Answer plain = postFhir("/fhir/Claim/$check", json(c.claim));
    assertThat(plain.status()).isEqualTo(200);
    assertThat(rules(outcome(plain)))
        .containsExactlyInAnyOrder("ncci-ptp-edits", "doc-balloon-diameter");

    Parameters parameters = new Parameters();
    parameters.addParameter().setName("resource").setResource(c.claim.copy());
    assertThat(rules(outcome(postFhir("/fhir/Claim/$check", json(parameters)))))
        .containsExactlyInAnyOrder("ncci-ptp-edits", "doc-balloon-diameter");

    // A Bundle of a new case, nothing of it stored, linked by urn:uuid as a transaction would be.
    Cases fresh = new Cases();
    fresh.line("44388");
    fresh.procedure.getNoteFirstRep().setText(Cases.COMPLETE_NOTE);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    List<Resource> all = new ArrayList<>(fresh.record());
    all.add(fresh.claim);
    String claimUrn = "urn:uuid:" + UUID.randomUUID();
    for (Resource resource : all) {
      Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
      if (resource == fresh.claim) {
        fresh.claim.setIdElement(null);
        entry.setFullUrl(claimUrn);
      }
    }
    Answer fromBundle = postFhir("/fhir/Claim/$check", json(bundle));
    assertThat(fromBundle.status()).isEqualTo(200);
    OperationOutcome outcome = outcome(fromBundle);
    assertThat(rules(outcome)).containsExactly("ncci-ptp-edits");
    assertThat(
            ((Reference)
                    issue(outcome, "ncci-ptp-edits")
                        .getExtensionByUrl(DetectedIssues.FINDING_RESOURCE)
                        .getValue())
                .getReference())
        .isEqualTo("Claim/" + claimUrn.substring("urn:uuid:".length()));

    Claim complete = fresh.claim.copy();
    complete.getItem().remove(1);
    Bundle clean = bundle.copy();
    clean.getEntry().get(clean.getEntry().size() - 1).setResource(complete);
    OperationOutcome nothing = outcome(postFhir("/fhir/Claim/$check", json(clean)));
    assertThat(rules(nothing)).isEmpty();
    assertThat(nothing.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
    assertThat(nothing.getIssueFirstRep().getDiagnostics()).contains("nothing to fix");

    assertThat(pending.count()).isZero();
    assertThat(detectedIssueCount()).isEqualTo(issuesBefore);
    assertThat(get("/fhir/" + c.claimRef()).status()).isEqualTo(404);
  }

  @Test
  void invalidCheckBodiesGetA400OperationOutcomeSayingWhatAndWhere() {
    assertBadRequest(
        postFhir("/fhir/Claim/$check", "{\"resourceType\":\"Claim\",\"status\":42}"), "status");
    assertBadRequest(
        postFhir("/fhir/Claim/$check", "{\"resourceType\":\"Claim\",\"created\":\"yesterday\"}"),
        "yesterday");
    // Refused before any parser, by the body gate, saying where the JSON breaks.
    assertBadRequest(postFhir("/fhir/Claim/$check", "this is not FHIR"), "not valid JSON (line 1");
    assertBadRequest(
        postFhir("/fhir/Claim/$check", "{\"resourceType\": \"Claim\", "),
        "not valid JSON (line 1, column 27)");
    assertBadRequest(postFhir("/fhir/Claim/$check", ""), "needs a body");
    assertBadRequest(postFhir("/fhir/Claim/$check", json(new Patient())), "is a Patient");
    assertBadRequest(
        post(
            "/fhir/Claim/$check",
            "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"other\"}]}"),
        "named 'resource'");
    Bundle withoutClaim = new Bundle().setType(Bundle.BundleType.COLLECTION);
    withoutClaim.addEntry().setResource(new Patient());
    assertBadRequest(postFhir("/fhir/Claim/$check", json(withoutClaim)), "Bundle holds no Claim");
    assertBadRequest(get("/fhir/Claim/$check"), "in the body of a POST");
    assertBadRequest(postFhir("/fhir/Procedure/$check", json(new Claim())), "checks a Procedure");
  }

  @Test
  void theCapabilityStatementDeclaresCheckWithItsOperationDefinition() {
    CapabilityStatement metadata =
        fhir().capabilities().ofType(CapabilityStatement.class).execute();
    for (String type : List.of("Claim", "Procedure")) {
      CapabilityStatement.CapabilityStatementRestResourceComponent resource =
          metadata.getRestFirstRep().getResource().stream()
              .filter(r -> r.getType().equals(type))
              .findFirst()
              .orElseThrow();
      assertThat(resource.getOperation())
          .anySatisfy(
              o -> {
                assertThat(o.getName()).isEqualTo("check");
                assertThat(o.getDefinition()).isEqualTo(CheckOperationProvider.CANONICAL);
              });
    }
    // The canonical resolves in the store. (A read by id, OperationDefinition/{id}, is answered by
    // HAPI's capability statement provider from its own generated definitions.)
    Bundle found =
        fhir()
            .search()
            .byUrl("OperationDefinition?url=" + CheckOperationProvider.CANONICAL)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry()).hasSize(1);
    OperationDefinition definition = (OperationDefinition) found.getEntryFirstRep().getResource();
    assertThat(definition.getUrl()).isEqualTo(CheckOperationProvider.CANONICAL);
    assertThat(definition.getResource())
        .extracting(r -> r.getValue())
        .containsExactly("Claim", "Procedure");
    assertThat(definition.getInstance()).isTrue();
    assertThat(definition.getType()).isTrue();
    assertThat(definition.getAffectsState()).isFalse();
  }

  @Test
  void theCdsServiceAndCheckGiveTheSameFindingsForTheSameData() throws Exception {
    Cases c = new Cases();
    c.line("44388");
    put(c.record());
    put(c.claim);
    awaitChecksDone();

    // The hook names our own FHIR base as its fhirServer: the CDS service reads the same store,
    // with the hook's access token.
    String hook =
        """
        {"hook": "encounter-discharge", "hookInstance": "%s", "fhirServer": "%s",
         "fhirAuthorization": {"access_token": "%s", "token_type": "Bearer",
                               "scope": "system/*.read", "subject": "ehr"},
         "context": {"userId": "Practitioner/dr1", "patientId": "%s", "encounterId": "%s"}}
        """
            .formatted(
                UUID.randomUUID(),
                fhirBase(),
                TestTokens.accessToken("system/*.read"),
                c.patient.getIdPart(),
                c.encounter.getIdPart());
    Answer cds = post("/cds-services/cpt-44405-encounter-discharge", hook);
    assertThat(cds.status()).as(cds.body()).isEqualTo(200);
    List<String> fromCards = new ArrayList<>();
    for (JsonNode card : cds.json().path("cards")) {
      fromCards.add(
          card.path("source").path("topic").path("code").asText()
              + " :: "
              + card.path("detail").asText());
    }

    List<String> fromCheck = new ArrayList<>();
    for (String subject : List.of(c.claimRef(), c.procedureRef())) {
      for (OperationOutcome.OperationOutcomeIssueComponent issue :
          outcome(get("/fhir/" + subject + "/$check")).getIssue()) {
        String rule = issue.getDetails().getCodingFirstRep().getCode();
        String entry = rule + " :: " + MarkdownText.escape(issue.getDiagnostics());
        if (!fromCheck.contains(entry)) {
          fromCheck.add(entry); // a rule of both stages reports once, as the CDS service does
        }
      }
    }
    assertThat(fromCheck).hasSize(2);
    assertThat(fromCards).hasSameSizeAs(fromCheck);
    for (String finding : fromCheck) {
      assertThat(fromCards).anySatisfy(card -> assertThat(card).startsWith(finding));
    }
  }

  private static OperationOutcome.OperationOutcomeIssueComponent issue(
      OperationOutcome outcome, String rule) {
    return outcome.getIssue().stream()
        .filter(i -> rule.equals(i.getDetails().getCodingFirstRep().getCode()))
        .findFirst()
        .orElseThrow();
  }

  private static void assertBadRequest(Answer response, String saying) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    OperationOutcome outcome = outcome(response);
    assertThat(outcome.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(saying);
    assertThat(response.body()).doesNotContain("at org.").doesNotContain("Exception");
  }
}
