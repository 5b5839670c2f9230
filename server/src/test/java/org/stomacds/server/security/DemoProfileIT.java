package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The README quickstart: the demo profile, on loopback, asks for no login anywhere. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:demo-it;DB_CLOSE_DELAY=-1",
      "stomacds.fhir.data-dir=${java.io.tmpdir}/stomacds-demo-it/${random.uuid}"
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
}
