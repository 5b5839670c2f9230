package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SecuredApplication;
import org.stomacds.server.support.TestTokens;

/**
 * A browser only shows an answer that carries {@code Access-Control-Allow-Origin}: without it, a
 * 401 reads as "CORS failure". So on both CORS-enabled doors, {@code /fhir} and {@code
 * /cds-services}, every answer to an allowed origin carries it: refusals of the token (401) and of
 * the scopes (403), the body gate's and the firewall's refusals, HAPI's own errors. Another origin
 * gets none, and preflights are answered without a token.
 */
class CorsOnEveryAnswerIT extends SecuredApplication {

  private static final String OTHER_ORIGIN = "https://evil.example.net";

  private record Case(String name, HttpRequest.Builder request, int status) {}

  private static String deeplyNested(String resourceType) {
    return "{\"resourceType\":\""
        + resourceType
        + "\",\"x\":"
        + "[".repeat(150)
        + "]".repeat(150)
        + "}";
  }

  private static List<Case> fhirCases() {
    String fullAccess = "Bearer " + TestTokens.accessToken(TestTokens.FULL_ACCESS);
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("no token", request("/fhir/Patient").GET(), 401));
    cases.add(
        new Case(
            "a token nobody signed",
            request("/fhir/Patient").header("Authorization", "Bearer not.a.jwt").GET(),
            401));
    cases.add(
        new Case(
            "a token without the scope",
            request("/fhir/Patient")
                .header("Authorization", "Bearer " + TestTokens.accessToken("system/Claim.read"))
                .GET(),
            403));
    cases.add(
        new Case(
            "a body the gate refuses (nesting)",
            request("/fhir/Patient")
                .header("Authorization", fullAccess)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(deeplyNested("Patient"))),
            413));
    cases.add(
        new Case(
            "a body over the size limit",
            request("/fhir/Patient")
                .header("Authorization", fullAccess)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(" ".repeat(3 * 1024 * 1024))),
            413));
    cases.add(
        new Case(
            "a URL the firewall refuses",
            request("/fhir/Patient;jsessionid=1").header("Authorization", fullAccess).GET(),
            400));
    cases.add(
        new Case(
            "HAPI: no such resource",
            request("/fhir/Patient/no-such-patient-anywhere")
                .header("Authorization", fullAccess)
                .GET(),
            404));
    return cases;
  }

  private static List<Case> cdsCases() {
    String path = "/cds-services/cpt-44405-order-sign";
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("no token", request("/cds-services").GET(), 401));
    cases.add(
        new Case(
            "a body the gate refuses (nesting)",
            request(path)
                .header("Authorization", "Bearer " + TestTokens.cdsHooks(audience(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(deeplyNested("x"))),
            413));
    cases.add(
        new Case(
            "a body over the size limit",
            request(path)
                .header("Authorization", "Bearer " + TestTokens.cdsHooks(audience(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(" ".repeat(2 * 1024 * 1024))),
            413));
    // The CDS Hooks JWT is checked first: a token for that very URL gets it to the firewall.
    String odd = "/cds-services;jsessionid=1";
    cases.add(
        new Case(
            "a URL the firewall refuses",
            request(odd)
                .header("Authorization", "Bearer " + TestTokens.cdsHooks(audience(odd)))
                .GET(),
            400));
    return cases;
  }

  @Test
  void everyRefusalOnFhirCarriesTheAllowOriginHeaderForAnAllowedOrigin() {
    assertAllCarryCors(fhirCases());
  }

  @Test
  void everyRefusalOnCdsServicesCarriesTheAllowOriginHeaderForAnAllowedOrigin() {
    assertAllCarryCors(cdsCases());
  }

  private static void assertAllCarryCors(List<Case> cases) {
    for (Case c : cases) {
      HttpResponse<String> answer = exchange(c.request().header("Origin", ALLOWED_ORIGIN).build());
      assertThat(answer.statusCode()).as(c.name() + ": " + answer.body()).isEqualTo(c.status());
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
          .as(c.name())
          .hasValue(ALLOWED_ORIGIN);
    }
  }

  @Test
  void theFhir401TellsTheBrowserWhyAndExposesTheChallenge() {
    HttpResponse<String> answer =
        exchange(request("/fhir/Claim").header("Origin", ALLOWED_ORIGIN).GET().build());
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    assertThat(answer.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValueSatisfying(
            exposed -> assertThat(exposed.toLowerCase()).contains("www-authenticate"));
  }

  @Test
  void anotherOriginGetsNoCorsHeadersOnEitherDoor() {
    for (String path : List.of("/fhir/Patient", "/cds-services")) {
      HttpResponse<String> answer =
          exchange(request(path).header("Origin", OTHER_ORIGIN).GET().build());
      assertThat(answer.statusCode()).as(path).isBetween(400, 499);
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
    }
  }

  @Test
  void aFhirPreflightIsAnsweredWithoutAToken() {
    HttpResponse<String> preflight =
        exchange(
            request("/fhir/Procedure")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, prefer")
                .build());
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(ALLOWED_ORIGIN);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .containsIgnoringCase("authorization")
        .containsIgnoringCase("prefer");
  }
}
