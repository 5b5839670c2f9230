package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.server.cds.Cards.card;
import static org.stomacds.server.cds.Cards.ruleIds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.documentation.DocumentationElement;
import org.stomacds.server.support.SharedApplication;
import org.stomacds.server.support.TestTokens;

/**
 * The order hooks on the whole application, with requests shaped like Epic's: draft orders as a
 * Bundle holding the 44405 order beside unrelated ones, a prefetch that is partly missing, and
 * {@code fhirServer} with {@code fhirAuthorization}. The patient's coverage, payer and problem list
 * live only in the FHIR server named, so a card that depends on them proves the service read it:
 * our own store (read directly) or a remote server (read over HTTP with the call's token).
 */
class OrderHooksIT extends SharedApplication {

  static final String SIGN = "/cds-services/cpt-44405-order-sign";
  static final String SELECT = "/cds-services/cpt-44405-order-select";

  /**
   * The hook's fhirAuthorization: an access token for our own /fhir (when fhirServer is our own
   * base, the store is read with it, its scopes applied), or the one a remote server receives.
   */
  static final String TOKEN = TestTokens.accessToken("system/*.read");

  static final String DOCUMENTATION_REQUIREMENTS =
      "https://stomacds.org/fhir/StructureDefinition/documentation-requirements";

  /** Order-sign for a Medicare patient whose order names only "colostomy status" (Z93.3). */
  static final List<String> ORDER_SIGN_RULES =
      List.of(
          "dx-medicare-abn",
          "dx-supporting-diagnosis",
          "order-documentation-checklist",
          "order-site-of-service",
          "payer-notification-policy");

  /** Writes the order case (patient, Medicare coverage and payer, clinic visit, problem list). */
  static void storeOrderCase(String caseId) {
    Bundle response =
        fhirClient()
            .transaction()
            .withBundle(CaseFiles.bundle("order-case.json", Map.of("case", caseId)))
            .execute();
    assertThat(response.getEntry())
        .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
  }

  static ObjectNode orderSign(String caseId, String fhirServer) {
    return CaseFiles.request(
        "order-sign-epic.json",
        Map.of(
            "case", caseId,
            "fhirServer", fhirServer,
            "token", TOKEN,
            "hookInstance", CaseFiles.newHookInstance()));
  }

  @Test
  void orderSignReadsWhatThePrefetchLacksFromOurStoreAndAnswersCardsAndTheChecklistAction() {
    String c = CaseFiles.newCaseId("sign");
    storeOrderCase(c);

    Answer answer = post(SIGN, orderSign(c, fhirBase()).toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode response = answer.json();
    Cards.assertWellFormed(response);
    assertThat(ruleIds(response)).containsExactlyInAnyOrderElementsOf(ORDER_SIGN_RULES);

    // Coverage, payer and the order's reason exist only in our store: these cards prove they
    // were read from it.
    JsonNode abn = card(response, "dx-medicare-abn");
    assertThat(abn.path("indicator").asText()).isEqualTo("warning");
    assertThat(abn.path("summary").asText() + abn.path("detail").asText()).contains("ABN");
    JsonNode indication = card(response, "dx-supporting-diagnosis");
    assertThat(indication.path("indicator").asText()).isEqualTo("warning");
    assertThat(indication.path("detail").asText())
        .contains("Z93.3")
        .contains("Condition/" + c + "-colostomy");
    assertThat(card(response, "order-site-of-service").path("indicator").asText())
        .isEqualTo("info");
    JsonNode payer = card(response, "payer-notification-policy");
    assertThat(payer.path("indicator").asText()).isEqualTo("info");
    assertThat(payer.path("detail").asText().toLowerCase()).contains("no payer-specific");

    // The unrelated orders of the same call are not spoken about.
    assertThat(answer.body()).doesNotContain(c + "-cbc").doesNotContain(c + "-prep");

    JsonNode checklist = card(response, "order-documentation-checklist");
    assertThat(checklist.path("indicator").asText()).isEqualTo("info");
    assertThat(checklist.has("suggestions")).isFalse();
    assertChecklistIsNotRepeated(response);
    assertSystemActionRecordsTheChecklist(response, c, checklist.path("uuid").asText());

    // A client applies the system action as it is: the order, with our extension, is stored.
    JsonNode order = response.path("systemActions").get(0).path("resource");
    Answer put =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/ServiceRequest/" + c + "-dilation"))
                .header("Content-Type", "application/fhir+json")
                .PUT(HttpRequest.BodyPublishers.ofString(order.toString())));
    assertThat(put.status()).as(put.body()).isBetween(200, 201);
    ServiceRequest stored =
        fhirClient().read().resource(ServiceRequest.class).withId(c + "-dilation").execute();
    assertThat(stored.getExtensionByUrl(DOCUMENTATION_REQUIREMENTS).getExtensionsByUrl("element"))
        .hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void orderSignAcceptsTheLegacyArrayOfDraftOrders() {
    String c = CaseFiles.newCaseId("legacy");
    storeOrderCase(c);
    ObjectNode body = orderSign(c, fhirBase());
    ObjectNode context = (ObjectNode) body.get("context");
    ArrayNode array = json().createArrayNode();
    context.get("draftOrders").get("entry").forEach(e -> array.add(e.get("resource")));
    context.set("draftOrders", array);

    Answer answer = post(SIGN, body.toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode response = answer.json();
    Cards.assertWellFormed(response);
    assertThat(ruleIds(response)).containsExactlyInAnyOrderElementsOf(ORDER_SIGN_RULES);
    assertSystemActionRecordsTheChecklist(
        response, c, card(response, "order-documentation-checklist").path("uuid").asText());
  }

  @Test
  void orderSelectSpeaksOnlyOfTheSelectedOrderAndOnlyOfWhatMattersWhenChoosingIt() {
    String c = CaseFiles.newCaseId("select");
    storeOrderCase(c);
    ObjectNode body = orderSign(c, fhirBase());
    body.put("hook", "order-select");
    ((ObjectNode) body.get("context"))
        .set("selections", json().createArrayNode().add("ServiceRequest/" + c + "-dilation"));

    Answer answer = post(SELECT, body.toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode response = answer.json();
    Cards.assertWellFormed(response);
    assertThat(ruleIds(response))
        .containsExactlyInAnyOrder("dx-supporting-diagnosis", "payer-notification-policy");
    assertThat(response.has("systemActions")).isFalse();

    // Choosing the lab order alone: the 44405 order is not selected, so there is nothing to say.
    ((ObjectNode) body.get("context"))
        .set("selections", json().createArrayNode().add("ServiceRequest/" + c + "-cbc"));
    body.put("hookInstance", CaseFiles.newHookInstance());
    Answer other = post(SELECT, body.toString());
    assertThat(other.status()).as(other.body()).isEqualTo(200);
    assertThat(other.json().path("cards")).isEmpty();
  }

  @Test
  void readsWhatThePrefetchLacksFromARemoteFhirServerWithTheCallsBearerToken() {
    String c = CaseFiles.newCaseId("remote");
    try (CannedFhirServer ehr = CannedFhirServer.start()) {
      serveOrderCase(ehr, c);

      Answer answer = post(SIGN, orderSign(c, ehr.base()).toString());

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      JsonNode response = answer.json();
      Cards.assertWellFormed(response);
      assertThat(ruleIds(response)).containsExactlyInAnyOrderElementsOf(ORDER_SIGN_RULES);
      assertThat(ehr.calls).isNotEmpty();
      assertThat(ehr.calls)
          .allSatisfy(
              call -> {
                assertThat(call.method()).isEqualTo("GET");
                assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
              });
      // Exactly what the prefetch lacked (and what it leads to), nothing the client sent.
      assertThat(ehr.lookups())
          .contains(
              "Encounter/" + c + "-visit",
              "Coverage?patient=" + c + "-pat",
              "Condition?patient=" + c + "-pat",
              "Organization/" + c + "-payer",
              "Condition/" + c + "-colostomy")
          .doesNotContain("Patient/" + c + "-pat", "Procedure?patient=" + c + "-pat")
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void answers412NamingThePrefetchKeyWhenTheRemoteFhirServerFails() {
    String c = CaseFiles.newCaseId("down");
    try (CannedFhirServer ehr = CannedFhirServer.start()) {
      serveOrderCase(ehr, c);
      ehr.failing("Coverage?patient=" + c + "-pat", 503);

      Answer answer = post(SIGN, orderSign(c, ehr.base()).toString());

      assertThat(answer.status()).as(answer.body()).isEqualTo(412);
      JsonNode error = answer.json();
      assertThat(error.path("error").asText()).isEqualTo("prefetch-unavailable");
      assertThat(error.path("message").asText())
          .contains("prefetch 'coverage' (Coverage?patient=" + c + "-pat)");
      assertThat(error.path("details")).hasSize(1);
      JsonNode detail = error.path("details").get(0);
      assertThat(detail.path("prefetchKey").asText()).isEqualTo("coverage");
      assertThat(detail.path("lookup").asText()).isEqualTo("Coverage?patient=" + c + "-pat");
      assertThat(detail.path("reason").asText())
          .contains("not sent by the client")
          .contains("HTTP 503");
      assertThat(answer.body()).doesNotContain(TOKEN);
    }
  }

  /** The EHR's FHIR server holds the same case as {@code order-case.json}. */
  private static void serveOrderCase(CannedFhirServer ehr, String c) {
    List<Resource> resources = new ArrayList<>();
    CaseFiles.bundle("order-case.json", Map.of("case", c))
        .getEntry()
        .forEach(e -> resources.add(e.getResource()));
    resources.forEach(ehr::resource);
    ehr.search("Coverage?patient=" + c + "-pat", find(resources, "Coverage"));
    ehr.search("Condition?patient=" + c + "-pat", find(resources, "Condition"));
  }

  private static Resource find(List<Resource> resources, String type) {
    return resources.stream().filter(r -> r.fhirType().equals(type)).findFirst().orElseThrow();
  }

  /** The checklist is one card: no other card lists what the note will need. */
  private static void assertChecklistIsNotRepeated(JsonNode response) {
    for (DocumentationElement element :
        List.of(
            DocumentationElement.BALLOON_DIAMETER,
            DocumentationElement.INFLATION_COUNT,
            DocumentationElement.INFLATION_DURATION,
            DocumentationElement.PRE_DILATION_LUMEN,
            DocumentationElement.POST_DILATION_LUMEN)) {
      List<String> mentioning = new ArrayList<>();
      response
          .path("cards")
          .forEach(
              card -> {
                if (card.path("detail").asText().toLowerCase().contains(element.label())) {
                  mentioning.add(card.path("source").path("topic").path("code").asText());
                }
              });
      assertThat(mentioning).as(element.label()).containsExactly("order-documentation-checklist");
    }
  }

  /**
   * One system action: an update of the 44405 draft order (and of no other order) that keeps the
   * order as it was and adds our documentation-requirements extension, whose assessment id is the
   * checklist card's uuid. It lists documentation only: nothing about coverage or authorization.
   */
  private static void assertSystemActionRecordsTheChecklist(
      JsonNode response, String c, String checklistUuid) {
    JsonNode actions = response.path("systemActions");
    assertThat(actions).hasSize(1);
    JsonNode action = actions.get(0);
    assertThat(action.path("type").asText()).isEqualTo("update");
    JsonNode order = action.path("resource");
    assertThat(order.path("resourceType").asText()).isEqualTo("ServiceRequest");
    assertThat(order.path("id").asText()).isEqualTo(c + "-dilation");
    assertThat(order.path("status").asText()).isEqualTo("draft");
    assertThat(order.path("code").path("coding").toString()).contains("44405").contains("GI1140");
    assertThat(order.path("reasonReference").get(0).path("reference").asText())
        .isEqualTo("Condition/" + c + "-colostomy");
    JsonNode extension = null;
    for (JsonNode e : order.path("extension")) {
      if (DOCUMENTATION_REQUIREMENTS.equals(e.path("url").asText())) {
        assertThat(extension).as("one documentation-requirements extension").isNull();
        extension = e;
      }
    }
    assertThat(extension).isNotNull();
    List<String> elements = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    String assessment = null;
    for (JsonNode sub : extension.path("extension")) {
      String url = sub.path("url").asText();
      urls.add(url);
      if (url.equals("element")) {
        assertThat(sub.path("valueCoding").path("system").asText())
            .isEqualTo("https://stomacds.org/fhir/CodeSystem/documentation-element");
        elements.add(sub.path("valueCoding").path("code").asText());
      } else if (url.equals("assessment-id")) {
        assessment = sub.path("valueString").asText();
      }
    }
    assertThat(urls).containsOnly("element", "rule-pack-version", "date", "assessment-id");
    assertThat(elements)
        .contains(
            "route-through-stoma",
            "balloon-diameter",
            "inflation-count",
            "inflation-duration",
            "stricture-location",
            "pre-dilation-lumen",
            "post-dilation-lumen",
            "extent-of-exam",
            "complications",
            "indication",
            "post-procedure-instructions")
        .doesNotHaveDuplicates();
    assertThat(assessment).isEqualTo(checklistUuid);
    assertThat(action.toString().toLowerCase())
        .doesNotContain("coverage-information")
        .doesNotContain("prior-auth")
        .doesNotContain("covered");
  }
}
