package org.stomacds.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicServerAddressTest {

  private static MockHttpServletRequest fromEvilHost() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
    request.setServerName("evil.test");
    request.setServerPort(443);
    request.addHeader("Host", "evil.test");
    request.addHeader("X-Forwarded-Host", "evil.test");
    request.setLocalAddr("127.0.0.1");
    request.setLocalPort(8080);
    request.setServletPath("/fhir");
    return request;
  }

  @Test
  void theConfiguredAddressWins() {
    assertThat(
            PublicServerAddress.of("https://fhir.example.org/r4/", "https://x.example.org")
                .determineServerBase(null, fromEvilHost()))
        .isEqualTo("https://fhir.example.org/r4");
    assertThat(
            PublicServerAddress.of("", "https://cds.example.org/")
                .determineServerBase(null, fromEvilHost()))
        .isEqualTo("https://cds.example.org/fhir");
  }

  @Test
  void withoutConfigurationTheBoundSocketNotTheHostHeader() {
    assertThat(PublicServerAddress.of(null, null).determineServerBase(null, fromEvilHost()))
        .isEqualTo("http://127.0.0.1:8080/fhir");
    MockHttpServletRequest v6 = fromEvilHost();
    v6.setLocalAddr("0:0:0:0:0:0:0:1");
    assertThat(PublicServerAddress.of(" ", "").determineServerBase(null, v6))
        .isEqualTo("http://[0:0:0:0:0:0:0:1]:8080/fhir");
  }
}
