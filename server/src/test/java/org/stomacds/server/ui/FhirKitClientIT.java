package org.stomacds.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.server.support.RunningServer;
import org.stomacds.server.support.TestTokens;

/**
 * The secured application as deployed with nothing but its issuers configured: a random port
 * ({@code server.port=0}) and no {@code stomacds.public-base-url}, driven by a second FHIR client
 * library, fhir-kit-client from npm ({@code src/test/e2e/fhir-client.mjs}): SMART discovery without
 * a token, a 401 without one, creates, a search, a read and terminology with one. Its links must
 * name the port the server really listens on.
 *
 * <p>The Node part is skipped, naming what is missing, when node or fhir-kit-client ({@code npm ci}
 * in src/test/e2e) is not there, except where {@code STOMACDS_E2E_REQUIRED} is set (CI).
 */
@Tag(RunningServer.OWN_SERVERS)
class FhirKitClientIT {

  private static RunningServer server;

  @BeforeAll
  static void start() throws IOException {
    Path target = Files.createDirectories(Path.of("target"));
    Path data = Files.createTempDirectory(target, "fhir-kit-client-").toAbsolutePath();
    server = RunningServer.start(RunningServer.h2(data));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void withoutAConfiguredBaseLinksAndAudiencesNameThePortTheServerReallyListensOn() {
    String base = server.baseUrl();
    assertThat(URI.create(base).getPort()).isPositive();
    assertThat(server.bean(PublicEndpoints.class).baseUrl()).isEqualTo(base);

    HttpResponse<String> created =
        server.postJson("/fhir/Patient", "{\"resourceType\":\"Patient\",\"gender\":\"female\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).startsWith(base + "/fhir/Patient/"));

    String jwt = TestTokens.cdsHooks(base + "/cds-services");
    HttpResponse<String> discovery =
        server.send(
            HttpRequest.newBuilder(URI.create(base + "/cds-services")).GET(),
            "Authorization",
            "Bearer " + jwt);
    assertThat(discovery.statusCode()).isEqualTo(200);
  }

  @Test
  void fhirKitClientDiscoversIsRefusedWithoutATokenAndWritesSearchesReadsWithOne()
      throws Exception {
    NodeTools.requireOrSkip(NodeTools.missingForFhirKitClient(), "fhir-kit-client test");

    NodeTools.Result result =
        NodeTools.run(
            List.of(
                "node",
                "fhir-client.mjs",
                "--fhir-base",
                server.fhirBase(),
                "--issuer",
                TestTokens.AUTHORIZATION_SERVER,
                "--token-endpoint",
                "https://auth.test.stomacds.org/token"),
            Map.of(
                "STOMACDS_ACCESS_TOKEN",
                TestTokens.accessToken(TestTokens.FULL_ACCESS),
                "STOMACDS_READ_ONLY_TOKEN",
                TestTokens.accessToken("system/*.read")),
            300);

    System.out.println(result.output());
    assertThat(result.exitCode()).as("fhir-kit-client steps failed:%n%s", result.output()).isZero();
    assertThat(result.output())
        .contains("PASS  smart-configuration without a token")
        .contains("PASS  a read without a token is refused with 401")
        .contains("PASS  terminology: $lookup of 44405 and $validate-code of K94.03")
        .contains("PASS  a write with a token that may only read is refused with 403");
  }
}
