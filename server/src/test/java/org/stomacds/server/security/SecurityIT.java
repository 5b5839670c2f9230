package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.stomacds.fixtures.jwt.AccessToken;
import org.stomacds.fixtures.jwt.TokenSigner;
import org.stomacds.server.support.SecuredApplication;
import org.stomacds.server.support.TestTokens;

/**
 * The application as deployed: CDS Hooks calls need the EHR's JWT, the FHIR API an access token
 * whose SMART scopes cover the interaction, and neither token ever reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT extends SecuredApplication {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** Every token sent by this class, to check none of them is logged. */
  private final List<String> tokensUsed = new ArrayList<>();

  private String access(String... scopes) {
    return remember(TestTokens.accessToken(scopes));
  }

  private String cdsJwt(String path) {
    return remember(TestTokens.cdsHooks(audience(path)));
  }

  private String remember(String token) {
    tokensUsed.add(token);
    return token;
  }

  private HttpResponse<String> fetch(String path, String token) {
    HttpRequest.Builder request = request(path).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return exchange(request.build());
  }

  private HttpResponse<String> submit(String path, String token, String contentType, String body) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return exchange(request.build());
  }

  private HttpResponse<String> postFhir(
      String path, String token, org.hl7.fhir.r4.model.Resource r) {
    return submit(
        path, token, "application/fhir+json", FHIR.newJsonParser().encodeResourceToString(r));
  }

  private static Procedure procedure(String patientId) {
    Procedure procedure = new Procedure();
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.getCode().addCoding().setSystem(CPT).setCode("44405");
    procedure.getSubject().setReference("Patient/" + patientId);
    return procedure;
  }

  // ---- FHIR API ------------------------------------------------------------------------------

  @Test
  void fhirApiRefusesAMissingOrUntrustedTokenAndAcceptsAValidOne() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    assertThat(postFhir("/fhir/Procedure", null, procedure("p" + run)).statusCode()).isEqualTo(401);
    assertThat(fetch("/fhir/Procedure?code=44405", null).statusCode()).isEqualTo(401);

    TokenSigner stranger = TokenSigner.generateRsa("test-auth-server-rs384");
    String forged =
        remember(stranger.sign(AccessToken.of(TestTokens.AUTHORIZATION_SERVER, "x", "system/*.*")));
    assertThat(fetch("/fhir/Procedure", forged).statusCode()).isEqualTo(401);
    String otherIssuer =
        remember(
            TestTokens.authorizationServer()
                .sign(AccessToken.of("https://other-auth.example.org", "x", "system/*.*")));
    assertThat(fetch("/fhir/Procedure", otherIssuer).statusCode()).isEqualTo(401);
    String expired =
        remember(
            TestTokens.authorizationServer()
                .sign(
                    AccessToken.of(TestTokens.AUTHORIZATION_SERVER, "x", "system/*.*")
                        .withIssuedAt(Instant.now().minus(Duration.ofHours(3)))));
    assertThat(fetch("/fhir/Procedure", expired).statusCode()).isEqualTo(401);

    HttpResponse<String> created =
        postFhir("/fhir/Procedure", access("system/Procedure.write"), procedure("p" + run));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(
            fetch("/fhir/Procedure?subject=Patient/p" + run, access("system/Procedure.read"))
                .body())
        .contains("\"total\":1");
  }

  @Test
  void fhirApiRefusesAnUnderScopedTokenPerTypeAndInteraction() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    // Read-only on Procedure: no write.
    assertThat(
            postFhir("/fhir/Procedure", access("user/Procedure.read"), procedure("p" + run))
                .statusCode())
        .isEqualTo(403);
    // Write on Claim is not write on Procedure.
    assertThat(
            postFhir("/fhir/Procedure", access("system/Claim.write"), procedure("p" + run))
                .statusCode())
        .isEqualTo(403);
    // Read on Claim is not read on Procedure.
    assertThat(fetch("/fhir/Procedure", access("system/Claim.read")).statusCode()).isEqualTo(403);
    // v2: create without update.
    HttpResponse<String> created =
        postFhir("/fhir/Procedure", access("system/Procedure.c"), procedure("p" + run));
    assertThat(created.statusCode()).isEqualTo(201);
    String id =
        created
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceAll(".*/Procedure/([^/]+)/.*", "$1");
    Procedure update = procedure("p" + run);
    update.setId(id);
    HttpResponse<String> refused =
        exchange(
            request("/fhir/Procedure/" + id)
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + access("system/Procedure.c"))
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser().encodeResourceToString(update)))
                .build());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("OperationOutcome");
    // v2 read+search on Procedure: reads, and not the Patients an _include would add.
    assertThat(fetch("/fhir/Procedure/" + id, access("system/Procedure.rs")).statusCode())
        .isEqualTo(200);
    // The subject is a placeholder Patient HAPI created with the write: included, it is refused.
    String include = "/fhir/Procedure?_id=" + id + "&_include=Procedure:subject";
    assertThat(fetch(include, access("system/Procedure.rs")).statusCode()).isEqualTo(403);
    assertThat(fetch(include, access("system/Procedure.rs", "system/Patient.rs")).statusCode())
        .isEqualTo(200);
    // Delete needs d (v2) or write (v1).
    assertThat(
            exchange(
                    request("/fhir/Procedure/" + id)
                        .header("Authorization", "Bearer " + access("system/Procedure.cru"))
                        .DELETE()
                        .build())
                .statusCode())
        .isEqualTo(403);
    assertThat(
            exchange(
                    request("/fhir/Procedure/" + id)
                        .header("Authorization", "Bearer " + access("system/Procedure.d"))
                        .DELETE()
                        .build())
                .statusCode())
        .isBetween(200, 204);
  }

  @Test
  void aTransactionNeedsWriteOnEveryEntrysTypeOrNothingIsWritten() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Patient patient = new Patient();
    patient.setId("tx" + run);
    patient.addName().setFamily("Transactional");
    bundle
        .addEntry()
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Patient/tx" + run);
    Procedure procedure = procedure("tx" + run);
    procedure.setId("tx" + run + "-proc");
    bundle
        .addEntry()
        .setResource(procedure)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.PUT)
        .setUrl("Procedure/tx" + run + "-proc");

    HttpResponse<String> refused = postFhir("/fhir", access("system/Procedure.write"), bundle);
    assertThat(refused.statusCode()).isEqualTo(403);
    String reader = access("system/*.read");
    assertThat(fetch("/fhir/Procedure/tx" + run + "-proc", reader).statusCode()).isEqualTo(404);
    assertThat(fetch("/fhir/Patient/tx" + run, reader).statusCode()).isEqualTo(404);

    HttpResponse<String> accepted =
        postFhir("/fhir", access("system/Procedure.write", "system/Patient.write"), bundle);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(fetch("/fhir/Procedure/tx" + run + "-proc", reader).statusCode()).isEqualTo(200);
    assertThat(fetch("/fhir/Patient/tx" + run, reader).statusCode()).isEqualTo(200);
  }

  @Test
  void patientScopesReachOnlyThatPatientsCompartment() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String writer = access(TestTokens.FULL_ACCESS);
    String mine =
        postFhir("/fhir/Procedure", writer, procedure("me" + run))
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String theirs =
        postFhir("/fhir/Procedure", writer, procedure("them" + run))
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String patientToken =
        remember(
            TestTokens.authorizationServer()
                .sign(
                    AccessToken.of(TestTokens.AUTHORIZATION_SERVER, "app", "patient/Procedure.rs")
                        .withClaim("patient", "me" + run)));
    String path = "/fhir/Procedure/";

    assertThat(fetch(path + idOf(mine), patientToken).statusCode()).isEqualTo(200);
    assertThat(fetch(path + idOf(theirs), patientToken).statusCode()).isEqualTo(403);
    // Without a patient claim, a patient scope grants nothing.
    assertThat(fetch(path + idOf(mine), access("patient/Procedure.rs")).statusCode())
        .isEqualTo(403);
  }

  private static String idOf(String location) {
    return location.replaceAll(".*/Procedure/([^/]+)/.*", "$1");
  }

  @Test
  void terminologyOperationsNeedReadOnTheirType() {
    String lookup = "/fhir/CodeSystem/$lookup?system=" + CPT + "&code=44405";
    assertThat(fetch(lookup, access("system/CodeSystem.read")).statusCode()).isEqualTo(200);
    assertThat(fetch(lookup, access("user/*.read")).statusCode()).isEqualTo(200);
    assertThat(fetch(lookup, access("system/Claim.read")).statusCode()).isEqualTo(403);
    assertThat(fetch(lookup, null).statusCode()).isEqualTo(401);
  }

  @Test
  void metadataAndHealthStayOpenAndMetricsNeedTheirScope() {
    assertThat(fetch("/fhir/metadata", null).statusCode()).isEqualTo(200);
    assertThat(fetch("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    assertThat(fetch("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    assertThat(fetch("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(fetch("/actuator/prometheus", access("system/*.read")).statusCode()).isEqualTo(403);
    assertThat(
            fetch("/actuator/prometheus", access(ApiSecurityProperties.METRICS_SCOPE)).statusCode())
        .isEqualTo(200);
    assertThat(fetch("/sandbox/", null).statusCode()).isEqualTo(401);
    assertThat(fetch("/dashboard/", null).statusCode()).isEqualTo(401);
  }

  @Test
  void fhirBodiesOverTheLimitAre413WithOrWithoutALength() {
    String big =
        "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"note\":[{\"text\":\""
            + "x".repeat(2_200_000)
            + "\"}]}";
    String token = access(TestTokens.FULL_ACCESS);
    HttpResponse<String> declared = submit("/fhir/Procedure", token, "application/fhir+json", big);
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("OperationOutcome", "too-costly");

    HttpResponse<String> streamed =
        exchange(
            request("/fhir/Procedure")
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes())))
                .build());
    assertThat(streamed.statusCode()).isEqualTo(413);

    String small =
        "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/streamed\"}}";
    HttpResponse<String> streamedSmall =
        exchange(
            request("/fhir/Procedure")
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + token)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(small.getBytes())))
                .build());
    assertThat(streamedSmall.statusCode()).isEqualTo(201);
  }

  // ---- CDS Hooks -----------------------------------------------------------------------------

  @Test
  void cdsHooksDiscoveryAndCallsNeedTheEhrsJwtForThatEndpoint() {
    assertThat(fetch("/cds-services", null).statusCode()).isEqualTo(401);
    HttpResponse<String> refused = fetch("/cds-services", access(TestTokens.FULL_ACCESS));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body())
        .isEqualTo(
            "{\"error\":\"unauthorized\",\"message\":\"a valid CDS Hooks JWT is required\"}");

    assertThat(fetch("/cds-services", cdsJwt("/cds-services")).statusCode()).isEqualTo(200);
    String rsa =
        remember(TestTokens.ehrRsa().sign(TestTokens.cdsHooksClaims(audience("/cds-services"))));
    assertThat(fetch("/cds-services", rsa).statusCode()).isEqualTo(200);
    // A token minted for discovery does not open a service, nor the feedback read-back.
    String discoveryToken = cdsJwt("/cds-services");
    assertThat(
            submit("/cds-services/cpt-44405-order-sign", discoveryToken, "application/json", "{}")
                .statusCode())
        .isEqualTo(401);
    String feedback = "/cds-services/cpt-44405-order-sign/feedback";
    assertThat(fetch(feedback, null).statusCode()).isEqualTo(401);
    assertThat(fetch(feedback, cdsJwt(feedback)).statusCode()).isEqualTo(200);
  }

  @Test
  void aReplayedCdsHooksJwtIsRefused() {
    String token = cdsJwt("/cds-services");
    assertThat(fetch("/cds-services", token).statusCode()).isEqualTo(200);
    assertThat(fetch("/cds-services", token).statusCode()).isEqualTo(401);
  }

  @Test
  void corsPreflightOfCdsHooksIsNotAuthenticated() {
    HttpResponse<String> preflight =
        exchange(
            request("/cds-services/cpt-44405-order-sign")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://sandbox.cds-hooks.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .build());
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://sandbox.cds-hooks.org");
  }

  @Test
  void aFhirServerOffTheAllowlistIsNeverCalledAndTokensNeverLogged(CapturedOutput output) {
    String path = "/cds-services/cpt-44405-order-sign";
    String fhirAuthorization = "fhir-authz-" + UUID.randomUUID();
    String body =
        """
        {"hook":"order-sign","hookInstance":"a1b2c3d4-0000-4000-8000-000000000001",
         "fhirServer":"https://169.254.169.254/fhir",
         "fhirAuthorization":{"access_token":"%s","token_type":"Bearer","scope":"patient/*.read","subject":"cds"},
         "context":{"userId":"Practitioner/u1","patientId":"p1","draftOrders":{"resourceType":"Bundle","type":"collection","entry":[{"resource":
           {"resourceType":"ServiceRequest","id":"sr1","status":"draft","intent":"order","subject":{"reference":"Patient/p1"},
            "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"44405"}]}}}]}}}
        """
            .formatted(fhirAuthorization);
    HttpResponse<String> response = submit(path, cdsJwt(path), "application/json", body);

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(response.body()).contains("allowed-fhir-servers");
    // Every endpoint answered above; none of the tokens sent reached the log.
    fhirApiRefusesAMissingOrUntrustedTokenAndAcceptsAValidOne();
    cdsHooksDiscoveryAndCallsNeedTheEhrsJwtForThatEndpoint();
    String log = output.getAll();
    assertThat(log).contains("cds call refused: 401 reason=");
    assertThat(log).doesNotContain(fhirAuthorization);
    for (String token : tokensUsed) {
      assertThat(log).doesNotContain(token);
      assertThat(log).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }
  }
}
