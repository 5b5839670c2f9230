package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SharedApplication;

/**
 * The error contract on the running application: each status with its code and a message that says
 * what was wrong and where; never a stack trace, never the request's content.
 */
class ErrorsIT extends SharedApplication {

  private static final String SIGN = OrderHooksIT.SIGN;

  /** An Epic-shaped order-sign request for a case that is not in any store. */
  private static ObjectNode orderSign() {
    return OrderHooksIT.orderSign(CaseFiles.newCaseId("err"), fhirBase());
  }

  private static JsonNode error(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> t.contains("json"));
    JsonNode body = answer.json();
    assertThat(body.path("error").asText()).isEqualTo(code);
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(answer.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain(OrderHooksIT.TOKEN);
    return body;
  }

  @Test
  void answers400ForABodyThatIsNotJson() {
    JsonNode body =
        error(post(SIGN, "{\"hook\": \"order-sign\", \"context\": {"), 400, "invalid-json");

    assertThat(body.path("message").asText()).contains("not valid JSON").contains("line 1");
  }

  @Test
  void answers400NamingTheDraftOrderThatIsNotAValidFhirResource() {
    ObjectNode request = orderSign();
    ObjectNode order =
        (ObjectNode) request.get("context").get("draftOrders").get("entry").get(1).get("resource");
    order.put("status", 42);

    JsonNode body = error(post(SIGN, request.toString()), 400, "invalid-resource");

    assertThat(body.path("message").asText())
        .contains("context.draftOrders.entry[1].resource")
        .contains("status");

    ObjectNode unknownType = orderSign();
    ((ObjectNode) unknownType.get("context").get("draftOrders").get("entry").get(2).get("resource"))
        .put("resourceType", "NotAFhirResource");
    JsonNode second = error(post(SIGN, unknownType.toString()), 400, "invalid-resource");
    assertThat(second.path("message").asText()).contains("context.draftOrders.entry[2].resource");
  }

  @Test
  void answers404ForAnUnknownService() {
    JsonNode body =
        error(
            post("/cds-services/cpt-99999-order-sign", orderSign().toString()),
            404,
            "unknown-service");

    assertThat(body.path("message").asText())
        .contains("cpt-99999-order-sign")
        .contains("GET /cds-services");
  }

  @Test
  void answers412WithoutPrefetchOrFhirServerWhenCallersDoNotShareOurStore() {
    ObjectNode request = orderSign();
    request.remove("fhirServer");
    request.remove("fhirAuthorization");
    request.remove("prefetch");

    JsonNode body = error(post(SIGN, request.toString()), 412, "prefetch-unavailable");

    assertThat(body.path("message").asText())
        .startsWith("data the service needs could not be obtained")
        .contains("prefetch 'coverage'");
    List<String> keys = new ArrayList<>();
    body.path("details")
        .forEach(
            d -> {
              assertThat(d.path("lookup").asText()).isNotBlank();
              assertThat(d.path("reason").asText()).contains("no fhirServer");
              if (d.has("prefetchKey")) {
                keys.add(d.path("prefetchKey").asText());
                assertThat(d.path("reason").asText()).contains("not sent by the client");
              }
            });
    assertThat(keys).contains("patient", "encounters", "coverage", "conditions", "procedures");
  }

  @Test
  void answers413ForABodyLargerThanTheLimit() {
    String padding = "x".repeat(1_200_000);
    String request = "{\"hook\": \"order-sign\", \"padding\": \"" + padding + "\"}";

    JsonNode body = error(post(SIGN, request), 413, "body-too-large");

    assertThat(body.path("message").asText()).contains("larger than");
  }

  @Test
  void answers422ForAMissingHookInstance() {
    ObjectNode request = orderSign();
    request.remove("hookInstance");

    JsonNode body = error(post(SIGN, request.toString()), 422, "hook-contract");

    assertThat(body.path("message").asText()).isEqualTo("hookInstance is missing");
  }

  @Test
  void answers422ForTheWrongHook() {
    ObjectNode request = orderSign();
    request.put("hook", "order-select");

    JsonNode body = error(post(SIGN, request.toString()), 422, "wrong-hook");

    assertThat(body.path("message").asText())
        .contains("cpt-44405-order-sign")
        .contains("'order-sign'")
        .contains("'order-select'");
  }

  @Test
  void answers422ForOrderSignWithoutDraftOrders() {
    ObjectNode request = orderSign();
    ((ObjectNode) request.get("context")).remove("draftOrders");

    JsonNode body = error(post(SIGN, request.toString()), 422, "hook-contract");

    assertThat(body.path("message").asText()).isEqualTo("context.draftOrders is missing");
  }

  @Test
  void ignoresUnknownFieldsAnywhere() {
    String c = CaseFiles.newCaseId("unknown");
    OrderHooksIT.storeOrderCase(c);
    ObjectNode request = OrderHooksIT.orderSign(c, fhirBase());
    request.put("someFutureField", true);
    ((ObjectNode) request.get("fhirAuthorization")).put("patient", c + "-pat");
    ((ObjectNode) request.get("context")).putObject("someFutureContext").put("a", 1);
    for (JsonNode entry : request.get("context").get("draftOrders").get("entry")) {
      ((ObjectNode) entry).put("fullUrl", "urn:uuid:" + CaseFiles.newHookInstance());
      ((ObjectNode) entry.get("resource")).put("elementFromAFutureVersion", "x");
    }
    ((ObjectNode) request.get("prefetch").get("patient")).put("elementFromAFutureVersion", 1);

    Answer answer = post(SIGN, request.toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(Cards.ruleIds(answer.json()))
        .containsExactlyInAnyOrderElementsOf(OrderHooksIT.ORDER_SIGN_RULES);
  }
}
