package org.stomacds.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.stomacds.cds.url.PublicEndpoints;

class PublicServerAddressTest {

  private static MockHttpServletRequest fromEvilHost() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
    request.setServerName("evil.test");
    request.setServerPort(443);
    request.addHeader("Host", "evil.test");
    request.addHeader("X-Forwarded-Host", "evil.test");
    request.setLocalAddr("10.1.2.3");
    request.setLocalPort(8080);
    request.setServletPath("/fhir");
    return request;
  }

  @Test
  void theConfiguredAddressWins() {
    PublicEndpoints endpoints = PublicEndpoints.of("https://x.example.org", "http://localhost");
    assertThat(
            PublicServerAddress.of("https://fhir.example.org/r4/", endpoints)
                .determineServerBase(null, fromEvilHost()))
        .isEqualTo("https://fhir.example.org/r4");
    assertThat(
            PublicServerAddress.of("", PublicEndpoints.of("https://cds.example.org/", ""))
                .determineServerBase(null, fromEvilHost()))
        .isEqualTo("https://cds.example.org/fhir");
  }

  @Test
  void withoutConfigurationThePublicBaseOfTheBoundServerNeverTheHostHeader() {
    PublicEndpoints endpoints = PublicEndpoints.of(null, "http://localhost:8080");
    PublicServerAddress address = PublicServerAddress.of(null, endpoints);

    endpoints.listening("127.0.0.1", 40123, "", false);

    assertThat(address.determineServerBase(null, fromEvilHost()))
        .isEqualTo("http://127.0.0.1:40123/fhir");
  }
}
