package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.stomacds.server.support.RunningServer;

/**
 * The README quickstart: the demo profile, on loopback, asks for no login anywhere; origins set for
 * it are added to this machine's, not put in their place.
 */
@Tag(RunningServer.OWN_SERVERS)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:demo-it;DB_CLOSE_DELAY=-1",
      "stomacds.fhir.data-dir=${java.io.tmpdir}/stomacds-demo-it/${random.uuid}",
      // As STOMACDS_FHIR_CORS_ALLOWED_ORIGINS / STOMACDS_CDS_ALLOWED_ORIGINS would set them.
      "stomacds.fhir.cors-allowed-origins=https://smart-app.example.org",
      "stomacds.cds.allowed-origins=https://sandbox.cds-hooks.org"
    })
@ActiveProfiles("demo")
class DemoProfileIT {

  @LocalServerPort int port;

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  @Test
  void servesEverythingWithoutLoginOnLoopback() throws Exception {
    assertThat(send(request("/cds-services")).statusCode()).isEqualTo(200);
    assertThat(
            send(request("/fhir/Procedure")
                    .header("Content-Type", "application/fhir+json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"resourceType\":\"Procedure\",\"status\":\"completed\","
                                + "\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/demo\"}}")))
                .statusCode())
        .isEqualTo(201);
    assertThat(send(request("/fhir/Procedure?subject=Patient/demo")).statusCode()).isEqualTo(200);
    assertThat(send(request("/actuator/prometheus")).statusCode()).isEqualTo(200);
    assertThat(send(request("/cds-services/cpt-44405-order-sign/feedback")).statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> preflight(String path, String origin) throws Exception {
    return send(
        request(path)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type"));
  }

  @Test
  void configuredOriginsAreAddedToThisMachinesOnBothDoors() throws Exception {
    for (String origin : List.of("http://localhost:3000", "http://127.0.0.1:5173")) {
      for (String path : List.of("/fhir/Procedure", "/cds-services/cpt-44405-order-sign")) {
        assertThat(preflight(path, origin).headers().firstValue("Access-Control-Allow-Origin"))
            .as(origin + " " + path)
            .hasValue(origin);
      }
    }
    assertThat(
            preflight("/fhir/Procedure", "https://smart-app.example.org")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://smart-app.example.org");
    assertThat(
            preflight("/cds-services", "https://sandbox.cds-hooks.org")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://sandbox.cds-hooks.org");
    assertThat(
            preflight("/fhir/Procedure", "https://evil.example.net")
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .isEmpty();
  }

  @Test
  void withoutLoginThereIsNoSecurityToDiscover() throws Exception {
    HttpResponse<String> metadata = send(request("/fhir/metadata"));
    assertThat(metadata.statusCode()).isEqualTo(200);
    CapabilityStatement statement =
        FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(CapabilityStatement.class, metadata.body());
    assertThat(statement.getRestFirstRep().hasSecurity()).isFalse();
    assertThat(metadata.body()).doesNotContain("\"name\":\"expunge\"");
    HttpResponse<String> smart = send(request("/fhir/.well-known/smart-configuration"));
    assertThat(smart.statusCode()).isEqualTo(404);
    assertThat(smart.body()).contains("demo profile");
  }

  @Test
  void answersTerminologyOperationsWithoutLoginAndRefusesBadCallsAsSecuredDoes() throws Exception {
    String icd = "http%3A%2F%2Fhl7.org%2Ffhir%2Fsid%2Ficd-10-cm";
    String supporting =
        "https%3A%2F%2Fstomacds.org%2Ffhir%2FValueSet%2Fcpt-44405-supporting-diagnoses";
    HttpResponse<String> page =
        send(request("/fhir/ValueSet/$expand?url=" + supporting + "&count=2&offset=1"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("\"offset\":1").contains("K94.03").contains("K94.09");
    HttpResponse<String> lookup =
        send(request("/fhir/CodeSystem/$lookup?system=" + icd + "&code=K94.03&property=parent"));
    assertThat(lookup.statusCode()).isEqualTo(200);
    assertThat(lookup.body()).contains("\"valueCode\":\"K94.0\"");
    HttpResponse<String> subsumes =
        send(request("/fhir/CodeSystem/$subsumes?system=" + icd + "&codeA=K94&codeB=K94.03"));
    assertThat(subsumes.body()).contains("\"subsumes\"");
    HttpResponse<String> display =
        send(
            request(
                "/fhir/ValueSet/$validate-code?url="
                    + supporting
                    + "&system="
                    + icd
                    + "&code=K94.03&display=Wrong"));
    assertThat(display.body()).contains("Colostomy not working mechanically, including narrowing");
    assertThat(
            send(request("/fhir/ValueSet/$expand?url=" + supporting + "&offset=abc")).statusCode())
        .isEqualTo(400);
    assertThat(
            send(request("/fhir/ValueSet/$expand?url=" + supporting + "&displayLanguage=de"))
                .statusCode())
        .isEqualTo(400);
  }
}
