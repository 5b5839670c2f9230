package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.server.cds.Cards.card;
import static org.stomacds.server.cds.Cards.recommendedAction;
import static org.stomacds.server.cds.Cards.ruleIds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SharedApplication;
import org.stomacds.server.support.TestTokens;

/**
 * The encounter-discharge hook on the whole application, for cases written to our FHIR store as a
 * transaction (patient, payer and coverage, hospital outpatient encounter at its location, the
 * endoscopist, the Procedure with its operative note, the diagnosis, a discharge-instructions
 * DocumentReference and the drafted professional Claim), called with spec-shaped requests.
 */
class DischargeHookIT extends SharedApplication {

  static final String DISCHARGE = "/cds-services/cpt-44405-encounter-discharge";

  /**
   * The hook's fhirAuthorization: an access token for our own /fhir (when fhirServer is our own
   * base, the store is read with it, its scopes applied), or the one a remote server receives.
   */
  static final String TOKEN = TestTokens.accessToken("system/*.read");

  static final String POS_SYSTEM =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
  static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** The case of {@code discharge-case.json} with this operative note, as a transaction. */
  static Bundle dischargeCase(String caseId, String noteFile) {
    return CaseFiles.bundle(
        "discharge-case.json",
        Map.of(
            "case", caseId,
            "note", CaseFiles.text(noteFile),
            "instructions", CaseFiles.base64("discharge-instructions.txt")));
  }

  static void store(Bundle transaction) {
    Bundle response = fhirClient().transaction().withBundle(transaction).execute();
    assertThat(response.getEntry())
        .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
  }

  /**
   * Stores the case whose note lacks the balloon size and whose Claim bills 44388 beside 44405 with
   * place of service 11 (office) for a hospital outpatient encounter.
   */
  static void storeFlawedCase(String caseId) {
    store(dischargeCase(caseId, "operative-note-without-balloon-size.txt"));
  }

  static ObjectNode discharge(String caseId) {
    return CaseFiles.request(
        "encounter-discharge-request.json",
        Map.of(
            "case",
            caseId,
            "fhirServer",
            fhirBase(),
            "token",
            TOKEN,
            "hookInstance",
            CaseFiles.newHookInstance()));
  }

  /** Calls the hook for the case (prefetch: the patient only; the rest from our store). */
  static JsonNode callDischarge(String caseId) {
    Answer answer = post(DISCHARGE, discharge(caseId).toString());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode response = answer.json();
    Cards.assertWellFormed(response);
    return response;
  }

  @Test
  void findsTheMissingBalloonSizeTheBundled44388AndTheOfficePlaceOfService() {
    String c = CaseFiles.newCaseId("dis");
    storeFlawedCase(c);

    JsonNode response = callDischarge(c);

    // Nothing else: the rest of the note is complete, and the instructions are in the
    // discharge-instructions DocumentReference (read from the store, not from the note).
    assertThat(ruleIds(response))
        .containsExactlyInAnyOrder("doc-balloon-diameter", "ncci-ptp-edits", "pos-matches-setting");

    JsonNode balloon = card(response, "doc-balloon-diameter");
    assertThat(balloon.path("indicator").asText()).isEqualTo("warning");
    assertThat(balloon.path("detail").asText()).contains("Procedure/" + c + "-proc");
    JsonNode task = recommendedAction(balloon, "create", "Task").path("resource");
    assertThat(task.path("status").asText()).isEqualTo("requested");
    assertThat(task.path("intent").asText()).isEqualTo("order");
    assertThat(task.path("focus").path("reference").asText()).isEqualTo("Procedure/" + c + "-proc");
    assertThat(task.path("for").path("reference").asText()).isEqualTo("Patient/" + c + "-pat");
    assertThat(task.path("owner").path("reference").asText())
        .isEqualTo("Practitioner/" + c + "-dr");
    assertThat(task.path("requester").path("reference").asText())
        .isEqualTo("Practitioner/" + c + "-dr");
    assertThat(task.path("input").toString()).contains("balloon-diameter");
    // A client can apply it as it is: our FHIR server takes the Task.
    Answer created = post("/fhir/Task", task.toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    JsonNode ncci = card(response, "ncci-ptp-edits");
    assertThat(ncci.path("indicator").asText()).isEqualTo("warning");
    assertThat(ncci.path("detail").asText()).contains("44388").contains("remove line 2");
    Claim withoutLine2 = claimOf(recommendedAction(ncci, "update", "Claim"));
    assertThat(withoutLine2.getIdElement().getIdPart()).isEqualTo(c + "-claim");
    assertThat(lines(withoutLine2)).containsExactly("1:44405:11");
    assertThat(withoutLine2.getTotal().getValue()).isEqualByComparingTo(new BigDecimal("412.00"));
    assertThat(
            withoutLine2.getDiagnosisFirstRep().getDiagnosisCodeableConcept().getCodingFirstRep())
        .extracting(Coding::getCode)
        .isEqualTo("K94.03");

    JsonNode pos = card(response, "pos-matches-setting");
    assertThat(pos.path("indicator").asText()).isEqualTo("warning");
    assertThat(pos.path("summary").asText()).contains("22");
    Claim posCorrected = claimOf(recommendedAction(pos, "update", "Claim"));
    // Line 2 is the NCCI card's to remove: one correction per line, so this card leaves it be.
    assertThat(lines(posCorrected)).containsExactly("1:44405:22", "2:44388:11");
  }

  @Test
  void applyingASuggestedClaimUpdateMakesItsCardGoAwayAndLeavesTheOthers() {
    String c = CaseFiles.newCaseId("fix");
    storeFlawedCase(c);
    JsonNode first = callDischarge(c);

    applyClaimUpdate(recommendedAction(card(first, "ncci-ptp-edits"), "update", "Claim"), c);

    // The first answer's place-of-service update was built on the Claim before that change (it
    // still has line 2). It keeps the version it was built on, so a client that sends it as
    // If-Match is refused rather than bringing the removed line back.
    JsonNode stale = recommendedAction(card(first, "pos-matches-setting"), "update", "Claim");
    String builtOn = stale.path("resource").path("meta").path("versionId").asText();
    assertThat(builtOn).isEqualTo("1");
    Answer refused =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Claim/" + c + "-claim"))
                .header("Content-Type", "application/fhir+json")
                .header("If-Match", "W/\"" + builtOn + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString(stale.path("resource").toString())));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);

    JsonNode second = callDischarge(c);
    assertThat(ruleIds(second))
        .containsExactlyInAnyOrder("doc-balloon-diameter", "pos-matches-setting");
    // Fresh cards on the Claim as it now is: the POS fix no longer carries the removed line.
    Claim posCorrected =
        claimOf(recommendedAction(card(second, "pos-matches-setting"), "update", "Claim"));
    assertThat(lines(posCorrected)).containsExactly("1:44405:22");
    assertThat(card(second, "doc-balloon-diameter").path("summary").asText())
        .isEqualTo(card(first, "doc-balloon-diameter").path("summary").asText());

    applyClaimUpdate(recommendedAction(card(second, "pos-matches-setting"), "update", "Claim"), c);

    JsonNode third = callDischarge(c);
    assertThat(ruleIds(third)).containsExactly("doc-balloon-diameter");
    Claim stored = fhirClient().read().resource(Claim.class).withId(c + "-claim").execute();
    assertThat(lines(stored)).containsExactly("1:44405:22");
    assertThat(stored.getMeta().getVersionId()).isEqualTo("3");
    assertThat(stored.getTotal().getValue()).isEqualByComparingTo(new BigDecimal("412.00"));
  }

  @Test
  void removesEveryLineBundledInto44405WithOneUpdate() {
    String c = CaseFiles.newCaseId("two");
    Bundle transaction = dischargeCase(c, "operative-note-complete.txt");
    Claim claim = (Claim) resource(transaction, "Claim");
    // The endoscopist also bills the anesthesia (00811), which NCCI bundles into 44405 as well.
    Claim.ItemComponent anesthesia = claim.getItem().get(1).copy();
    anesthesia.setSequence(3);
    anesthesia.setProductOrService(new CodeableConcept().addCoding(new Coding(CPT, "00811", null)));
    claim.addItem(anesthesia);
    store(transaction);

    JsonNode first = callDischarge(c);

    // One card for the rule on this Claim: two updates, each removing one line from the whole
    // Claim, would put back the other's line when both are accepted.
    JsonNode ncci = card(first, "ncci-ptp-edits");
    assertThat(ncci.path("summary").asText()).endsWith("and 1 more like it");
    assertThat(ncci.path("detail").asText()).contains("44388").contains("00811");
    Claim withoutBoth = claimOf(recommendedAction(ncci, "update", "Claim"));
    assertThat(lines(withoutBoth)).containsExactly("1:44405:11");

    applyClaimUpdate(recommendedAction(ncci, "update", "Claim"), c);

    JsonNode second = callDischarge(c);
    assertThat(ruleIds(second)).doesNotContain("ncci-ptp-edits", "mod-anesthesia-00811");
    assertThat(ruleIds(second)).containsExactly("pos-matches-setting");
  }

  @Test
  void aCompleteNoteAndACleanClaimGetNoCards() {
    String c = CaseFiles.newCaseId("clean");
    Bundle transaction = dischargeCase(c, "operative-note-complete.txt");
    Claim claim = (Claim) resource(transaction, "Claim");
    claim.getItem().removeIf(item -> item.getSequence() == 2);
    claim
        .getItemFirstRep()
        .setLocation(new CodeableConcept().addCoding(new Coding(POS_SYSTEM, "22", null)));
    claim.getTotal().setValue(new BigDecimal("412.00"));
    store(transaction);

    JsonNode response = callDischarge(c);

    assertThat(response.path("cards")).as(response.toString()).isEmpty();
  }

  @Test
  void aClientThatPrefetchesEverythingNeedsNoFhirServer() {
    String c = CaseFiles.newCaseId("pre");
    storeFlawedCase(c);
    ObjectNode body = discharge(c);
    body.remove("fhirServer");
    body.remove("fhirAuthorization");
    ObjectNode prefetch = (ObjectNode) body.get("prefetch");
    // Fill every template of the service the way a client does: by running it on its own server.
    JsonNode service = service("cpt-44405-encounter-discharge");
    Map<String, String> tokens = new HashMap<>();
    tokens.put("context.patientId", c + "-pat");
    tokens.put("context.encounterId", c + "-enc");
    tokens.put("context.userId", "Practitioner/" + c + "-dr");
    service
        .path("prefetch")
        .fields()
        .forEachRemaining(
            e -> {
              String query = e.getValue().asText();
              for (Map.Entry<String, String> t : tokens.entrySet()) {
                query = query.replace("{{" + t.getKey() + "}}", t.getValue());
              }
              Answer fetched = get("/fhir/" + query, "Accept", "application/fhir+json");
              assertThat(fetched.status()).as(query).isEqualTo(200);
              prefetch.set(e.getKey(), fetched.json());
            });

    Answer answer = post(DISCHARGE, body.toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Cards.assertWellFormed(answer.json());
    assertThat(ruleIds(answer.json()))
        .containsExactlyInAnyOrder("doc-balloon-diameter", "ncci-ptp-edits", "pos-matches-setting");
  }

  private static JsonNode service(String id) {
    for (JsonNode service : get("/cds-services").json().path("services")) {
      if (id.equals(service.path("id").asText())) {
        return service;
      }
    }
    throw new AssertionError("no service " + id);
  }

  /** Applies an update action as a client does: PUT its whole resource to the FHIR server. */
  private static void applyClaimUpdate(JsonNode action, String c) {
    Answer put =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Claim/" + c + "-claim"))
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(action.path("resource").toString())));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
  }

  private static Claim claimOf(JsonNode action) {
    return fhirContext()
        .newJsonParser()
        .parseResource(Claim.class, action.path("resource").toString());
  }

  /** Each line as {@code sequence:code:place of service}. */
  private static List<String> lines(Claim claim) {
    List<String> lines = new ArrayList<>();
    for (Claim.ItemComponent item : claim.getItem()) {
      Coding code =
          item.getProductOrService().getCoding().stream()
              .filter(cd -> CPT.equals(cd.getSystem()))
              .findFirst()
              .orElseThrow();
      String pos =
          item.getLocationCodeableConcept().getCoding().stream()
              .filter(cd -> POS_SYSTEM.equals(cd.getSystem()))
              .map(Coding::getCode)
              .findFirst()
              .orElse("?");
      lines.add(item.getSequence() + ":" + code.getCode() + ":" + pos);
    }
    return lines;
  }

  private static org.hl7.fhir.r4.model.Resource resource(Bundle bundle, String type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r.fhirType().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
