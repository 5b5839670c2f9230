package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class CdsHooksErrorsTest {

  private static final String SIGN = "/cds-services/cpt-44405-order-sign";
  private static final String SANDBOX = "https://sandbox.cds-hooks.org";

  private final CdsHooksHarness app = new CdsHooksHarness(false, false);

  @AfterEach
  void close() {
    app.close();
  }

  private ResultActions call(String path, String body) throws Exception {
    return app.mvc.perform(
        post(path).contentType(MediaType.APPLICATION_JSON).header("Origin", SANDBOX).content(body));
  }

  private static ObjectNode valid() {
    return Requests.fullOrderPrefetch(
        Requests.orderHook("order-sign", Requests.dilationOrder("sr1")));
  }

  @Test
  void answers400ForABodyThatIsNotJson() throws Exception {
    call(SIGN, "{\"hook\": \"order-sign\", ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("invalid-json"))
        .andExpect(jsonPath("$.message", containsString("not valid JSON")))
        .andExpect(content().string(not(containsString("at org."))));
  }

  @Test
  void answers400NamingTheDraftOrderEntryThatIsNotAValidResource() throws Exception {
    ObjectNode body = valid();
    ObjectNode bad = Requests.object();
    bad.put("resourceType", "ServiceRequest");
    bad.put("status", 12);
    ((ObjectNode) body.at("/context/draftOrders"))
        .withArray("entry")
        .addObject()
        .set("resource", bad);

    call(SIGN, body.toString())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("invalid-resource"))
        .andExpect(jsonPath("$.message", containsString("context.draftOrders.entry[1].resource")));
  }

  @Test
  void answers400ForAFieldOfTheWrongJsonType() throws Exception {
    ObjectNode body = valid();
    body.put("hookInstance", 42);

    call(SIGN, body.toString())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.message").value("hookInstance must be a string"));
  }

  @Test
  void answers400ForAPrefetchOfTheWrongResourceType() throws Exception {
    ObjectNode body = valid();
    ((ObjectNode) body.get("prefetch")).set("patient", Requests.node(Requests.coverage()));

    call(SIGN, body.toString())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("invalid-prefetch"))
        .andExpect(jsonPath("$.message", containsString("prefetch.patient must be a Patient")));
  }

  @Test
  void answers400NamingHookInstanceWhenItIsNotAUuid() throws Exception {
    for (String notAUuid :
        List.of("call-42", "d1577c69dfbe44adba6d3e05e953b2ea", "urn:uuid:x", "x\nINFO forged")) {
      ObjectNode body = valid();
      body.put("hookInstance", notAUuid);

      call(SIGN, body.toString())
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.error").value("invalid-request"))
          .andExpect(jsonPath("$.message", containsString("hookInstance must be a UUID")));
    }
    ObjectNode upper = valid();
    upper.put("hookInstance", "D1577C69-DFBE-44AD-BA6D-3E05E953B2EA");
    call(SIGN, upper.toString()).andExpect(status().isOk());
  }

  @Test
  void answers415WithACdsHooksErrorForABodyThatIsNotDeclaredJson() throws Exception {
    String body = valid().toString();
    for (String type :
        List.of(
            "text/plain",
            "application/fhir+json",
            "application/x-www-form-urlencoded",
            "application/json; charset=ISO-8859-1",
            "application/json; charset=bogus-charset",
            "not a media type")) {
      for (String path : List.of(SIGN, SIGN + "/feedback")) {
        app.mvc
            .perform(
                post(path).header("Content-Type", type).header("Origin", SANDBOX).content(body))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(header().string("Access-Control-Allow-Origin", SANDBOX))
            .andExpect(jsonPath("$.error").value("unsupported-media-type"))
            .andExpect(jsonPath("$.message").isNotEmpty());
      }
    }
    assertThat(app.engine.requests).isEmpty();
  }

  @Test
  void answers415WhenTheContentTypeIsMissing() throws Exception {
    app.mvc
        .perform(post(SIGN).content(valid().toString()))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(jsonPath("$.error").value("unsupported-media-type"))
        .andExpect(jsonPath("$.message", containsString("no Content-Type")));
  }

  @Test
  void takesJsonWithOrWithoutAUtf8Charset() throws Exception {
    for (String type :
        List.of(
            "application/json",
            "application/json;charset=UTF-8",
            "Application/JSON; charset=\"utf-8\"")) {
      app.mvc
          .perform(post(SIGN).header("Content-Type", type).content(valid().toString()))
          .andExpect(status().isOk());
    }
  }

  @Test
  void answers422WhenHookInstanceIsMissing() throws Exception {
    ObjectNode body = valid();
    body.remove("hookInstance");

    call(SIGN, body.toString())
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.error").value("hook-contract"))
        .andExpect(jsonPath("$.message").value("hookInstance is missing"));
  }

  @Test
  void answers422ForTheWrongHookForTheService() throws Exception {
    ObjectNode body = valid();
    body.put("hook", "patient-view");

    call(SIGN, body.toString())
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.error").value("wrong-hook"))
        .andExpect(
            jsonPath("$.message", containsString("answers hook 'order-sign', not 'patient-view'")));
  }

  @Test
  void answers422ForOrderSignWithoutDraftOrders() throws Exception {
    ObjectNode body = valid();
    ((ObjectNode) body.get("context")).remove("draftOrders");

    call(SIGN, body.toString())
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.message").value("context.draftOrders is missing"));
  }

  @Test
  void answers422WhenASelectionNamesNothingInTheDraftOrders() throws Exception {
    ObjectNode body =
        Requests.fullOrderPrefetch(
            Requests.orderHook("order-select", Requests.dilationOrder("sr1")));
    ((ObjectNode) body.get("context"))
        .set("selections", Requests.array().add("ServiceRequest/nope"));

    call("/cds-services/cpt-44405-order-select", body.toString())
        .andExpect(status().isUnprocessableEntity())
        .andExpect(
            jsonPath("$.message")
                .value("context.selections[0] names no resource in context.draftOrders"));
  }

  @Test
  void answers404ForAnUnknownServiceWithTheAllowOriginHeader() throws Exception {
    call("/cds-services/no-such-service", valid().toString())
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.error").value("unknown-service"))
        .andExpect(header().string("Access-Control-Allow-Origin", SANDBOX));
  }

  @Test
  void answers413ForABodyOverTheLimit() throws Exception {
    ObjectNode body = valid();
    body.put("padding", "x".repeat((int) CdsHooksHarness.MAX_BODY));

    call(SIGN, body.toString())
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.error").value("body-too-large"));
  }

  @Test
  void answers413ForJsonNestedTooDeeply() throws Exception {
    String deep = "{\"a\":".repeat(500) + "1" + "}".repeat(500);

    call(SIGN, deep)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.error").value("too-deep"))
        .andExpect(jsonPath("$.message", containsString("100 levels")));
  }

  @Test
  void answers400ForANumberWithAnExponentTooLargeToRead() throws Exception {
    ObjectNode body = valid();
    String huge = body.toString().replaceFirst("\\{", "{\"n\": 2222222222e2222222222222222222,");

    call(SIGN, huge)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("number-out-of-range"))
        .andExpect(jsonPath("$.message", containsString("/n has an exponent out of range")));
  }

  @Test
  void answersAPreflightFromAnAllowedOriginWithAuthorizationAndContentType() throws Exception {
    app.mvc
        .perform(
            options(SIGN)
                .header("Origin", SANDBOX)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", SANDBOX))
        .andExpect(header().string("Access-Control-Allow-Headers", containsString("authorization")))
        .andExpect(header().string("Access-Control-Allow-Headers", containsString("content-type")));
  }

  @Test
  void refusesAPreflightFromAnOriginNotAllowed() throws Exception {
    app.mvc
        .perform(
            options(SIGN)
                .header("Origin", "https://evil.example.org")
                .header("Access-Control-Request-Method", "POST"))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
  }

  @Test
  void putsTheAllowOriginHeaderOnErrorAnswers() throws Exception {
    call(SIGN, "not json")
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Access-Control-Allow-Origin", SANDBOX));
  }
}
