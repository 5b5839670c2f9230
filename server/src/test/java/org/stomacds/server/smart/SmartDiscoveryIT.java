package org.stomacds.server.smart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.SecuredApplication;
import org.stomacds.server.support.TestTokens;

/**
 * What a SMART client reads before its first call, on the secured server without a token: the
 * CapabilityStatement's {@code rest.security} and {@code /fhir/.well-known/smart-configuration},
 * both naming the authorization server configured in {@code application-test-issuers.yaml}.
 */
class SmartDiscoveryIT extends SecuredApplication {

  private static final String AUTHORIZE = "https://auth.test.stomacds.org/authorize";
  private static final String TOKEN = "https://auth.test.stomacds.org/token";

  @Test
  void theCapabilityStatementDeclaresSmartOnFhirWithTheAuthorizationServersEndpoints() {
    HttpResponse<String> metadata = exchange(request("/fhir/metadata").GET().build());
    assertThat(metadata.statusCode()).isEqualTo(200);
    CapabilityStatementRestComponent rest =
        fhirContext()
            .newJsonParser()
            .parseResource(CapabilityStatement.class, metadata.body())
            .getRestFirstRep();

    assertThat(rest.getSecurity().getCors()).isTrue();
    assertThat(rest.getSecurity().getService())
        .anySatisfy(
            service ->
                assertThat(service.getCoding())
                    .anySatisfy(
                        coding -> {
                          assertThat(coding.getSystem())
                              .isEqualTo(
                                  "http://terminology.hl7.org/CodeSystem/restful-security-service");
                          assertThat(coding.getCode()).isEqualTo("SMART-on-FHIR");
                        }));
    Extension uris =
        rest.getSecurity()
            .getExtensionByUrl(
                "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
    assertThat(uris).isNotNull();
    assertThat(uris.getExtensionByUrl("authorize").getValue().primitiveValue())
        .isEqualTo(AUTHORIZE);
    assertThat(uris.getExtensionByUrl("token").getValue().primitiveValue()).isEqualTo(TOKEN);
  }

  @Test
  void theCapabilityStatementListsNoOperationThatIsRefusedToEveryone() {
    CapabilityStatementRestComponent rest =
        fhirContext()
            .newJsonParser()
            .parseResource(
                CapabilityStatement.class, exchange(request("/fhir/metadata").GET().build()).body())
            .getRestFirstRep();
    List<String> listed = new ArrayList<>();
    rest.getOperation().forEach(op -> listed.add("$" + op.getName()));
    for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
      for (CapabilityStatementRestResourceOperationComponent op : resource.getOperation()) {
        listed.add(resource.getType() + "/$" + op.getName());
      }
    }

    assertThat(listed).noneMatch(op -> op.endsWith("$expunge"));
    assertThat(listed).noneMatch(op -> op.endsWith("$meta-add") || op.endsWith("$everything"));
    assertThat(listed).contains("CodeSystem/$lookup", "ValueSet/$expand", "Claim/$check");
  }

  @Test
  void smartConfigurationIsPublicAndNamesIssuerEndpointsCapabilitiesAndScopes() {
    HttpResponse<String> answer =
        exchange(
            request("/fhir/.well-known/smart-configuration")
                .header("Accept", "application/json")
                .header("Origin", ALLOWED_ORIGIN)
                .GET()
                .build());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
    JsonNode smart = parse(answer.body());
    assertThat(smart.path("issuer").asText()).isEqualTo(TestTokens.AUTHORIZATION_SERVER);
    assertThat(smart.path("authorization_endpoint").asText()).isEqualTo(AUTHORIZE);
    assertThat(smart.path("token_endpoint").asText()).isEqualTo(TOKEN);
    assertThat(texts(smart.path("grant_types_supported")))
        .contains("authorization_code", "client_credentials");
    assertThat(texts(smart.path("code_challenge_methods_supported"))).containsExactly("S256");
    assertThat(texts(smart.path("token_endpoint_auth_methods_supported")))
        .contains("private_key_jwt");
    assertThat(texts(smart.path("capabilities")))
        .contains(
            "launch-standalone",
            "client-confidential-asymmetric",
            "permission-v1",
            "permission-v2",
            "permission-patient");
    assertThat(texts(smart.path("scopes_supported")))
        .contains("system/*.rs", "patient/*.read", "user/*.cruds", "stomacds/metrics.read");
    // A test issuer with a local JWK Set file: there is no jwks_uri to give.
    assertThat(smart.has("jwks_uri")).isFalse();
  }

  @Test
  void smartConfigurationServesOnlyReads() {
    HttpResponse<String> post =
        exchange(
            request("/fhir/.well-known/smart-configuration")
                .header("Authorization", "Bearer " + TestTokens.accessToken("system/*.*"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static JsonNode parse(String body) {
    try {
      return json().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(body, e);
    }
  }
}
