package org.stomacds.server.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SharedApplication;

/**
 * Discovery on the running application, and CORS as a browser-based EHR or the public CDS Hooks
 * sandbox meets it: preflights answered before anything else, the allow-origin header on answers
 * and on errors, nothing for an origin that is not configured.
 */
class DiscoveryAndCorsIT extends SharedApplication {

  private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final List<String> USER_TOKENS =
      List.of(
          "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId");
  private static final String OTHER_ORIGIN = "https://ehr.not-allowed.example";

  @Test
  void discoveryListsTheThreeServicesWithRootLevelPrefetchAndUsageRequirements() {
    Answer answer = get("/cds-services");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> t.contains("json"));
    JsonNode services = answer.json().get("services");
    assertThat(services).hasSize(3);
    Map<String, String> hooks =
        Map.of(
            "cpt-44405-order-select", "order-select",
            "cpt-44405-order-sign", "order-sign",
            "cpt-44405-encounter-discharge", "encounter-discharge");
    hooks.forEach(
        (id, hook) -> {
          JsonNode service = service(services, id);
          assertThat(service.path("hook").asText()).isEqualTo(hook);
          assertThat(service.path("title").asText()).isNotBlank();
          assertThat(service.path("description").asText()).contains("44405");
          assertThat(service.path("usageRequirements").asText())
              .contains("fhirServer")
              .contains("fhirAuthorization");
          assertThat(service.path("prefetch").size()).isPositive();
          service
              .path("prefetch")
              .fields()
              .forEachRemaining(e -> assertRootLevelTokensOnly(id, e.getKey(), e.getValue()));
        });
    assertThat(fieldNames(service(services, "cpt-44405-order-sign").path("prefetch")))
        .containsExactly("patient", "encounters", "coverage", "conditions", "procedures");
    assertThat(fieldNames(service(services, "cpt-44405-encounter-discharge").path("prefetch")))
        .contains("patient", "encounter", "procedures", "claims", "documents", "coverage");
    assertThat(
            service(services, "cpt-44405-encounter-discharge")
                .path("prefetch")
                .path("claims")
                .asText())
        .isEqualTo("Claim?encounter={{context.encounterId}}");
    assertThat(service(services, "cpt-44405-order-sign").path("usageRequirements").asText())
        .contains("Bundle");
  }

  @Test
  void answersAPreflightFromAnAllowedOriginBeforeAnythingElse() {
    for (String path : List.of("/cds-services", "/cds-services/cpt-44405-order-sign")) {
      Answer answer =
          options(
              path,
              "Origin",
              ALLOWED_ORIGIN,
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "authorization, content-type");

      assertThat(answer.status()).as(path).isBetween(200, 299);
      assertThat(answer.header("Access-Control-Allow-Origin")).as(path).contains(ALLOWED_ORIGIN);
      assertThat(lowerCaseList(answer.header("Access-Control-Allow-Headers").orElse("")))
          .as(path)
          .contains("authorization", "content-type");
      assertThat(lowerCaseList(answer.header("Access-Control-Allow-Methods").orElse("")))
          .as(path)
          .contains("post");
    }
  }

  @Test
  void putsTheAllowOriginHeaderOnAnswersAndOnErrors() {
    Answer discovery = get("/cds-services", "Origin", ALLOWED_ORIGIN);
    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.header("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);

    Answer unknown = post("/cds-services/no-such-service", "{}", "Origin", ALLOWED_ORIGIN);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);

    Answer badJson =
        post("/cds-services/cpt-44405-order-sign", "{\"hook\": ", "Origin", ALLOWED_ORIGIN);
    assertThat(badJson.status()).isEqualTo(400);
    assertThat(badJson.header("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
  }

  @Test
  void givesAnOriginThatIsNotConfiguredNoCorsHeaders() {
    Answer preflight =
        options(
            "/cds-services/cpt-44405-order-sign",
            "Origin",
            OTHER_ORIGIN,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization, content-type");
    assertThat(preflight.status()).isGreaterThanOrEqualTo(400);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.header("Access-Control-Allow-Headers")).isEmpty();

    Answer discovery = get("/cds-services", "Origin", OTHER_ORIGIN);
    assertThat(discovery.header("Access-Control-Allow-Origin")).isEmpty();
  }

  private static JsonNode service(JsonNode services, String id) {
    for (JsonNode service : services) {
      if (id.equals(service.path("id").asText())) {
        return service;
      }
    }
    throw new AssertionError("discovery lists no service " + id + ": " + services);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertRootLevelTokensOnly(String service, String key, JsonNode template) {
    Matcher m = TOKEN.matcher(template.asText());
    int tokens = 0;
    while (m.find()) {
      tokens++;
      String token = m.group(1);
      boolean rootLevel =
          USER_TOKENS.contains(token) || token.matches("context\\.[A-Za-z][A-Za-z0-9]*");
      assertThat(rootLevel)
          .as("%s prefetch '%s' token {{%s}} is root-level", service, key, token)
          .isTrue();
    }
    assertThat(tokens).as("%s prefetch '%s' has a token", service, key).isPositive();
  }

  private static List<String> lowerCaseList(String header) {
    return Arrays.stream(header.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
