package org.stomacds.cds.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicEndpointsTest {

  @Test
  void withoutConfigurationTheBaseIsWhereTheServerActuallyListens() {
    PublicEndpoints endpoints = PublicEndpoints.of("", "http://localhost:8080");
    assertThat(endpoints.baseUrl()).isEqualTo("http://localhost:8080");

    endpoints.listening("127.0.0.1", 41234, "", false);

    assertThat(endpoints.isConfigured()).isFalse();
    assertThat(endpoints.baseUrl()).isEqualTo("http://127.0.0.1:41234");
    assertThat(endpoints.fhirBase()).isEqualTo("http://127.0.0.1:41234/fhir");
    assertThat(endpoints.url("/docs/x.md#r")).isEqualTo("http://127.0.0.1:41234/docs/x.md#r");
  }

  @Test
  void boundToEveryAddressTheDefaultHostIsLocalhostWithTheContextPathAndScheme() {
    PublicEndpoints endpoints = PublicEndpoints.of(null, "http://localhost:8080");
    endpoints.listening(null, 8443, "/app", true);
    assertThat(endpoints.baseUrl()).isEqualTo("https://localhost:8443/app");

    PublicEndpoints v6 = PublicEndpoints.of(" ", "http://localhost");
    v6.listening("::1", 9000, "", false);
    assertThat(v6.baseUrl()).isEqualTo("http://[::1]:9000");
  }

  @Test
  void aConfiguredBaseWinsOverTheBoundAddress() {
    PublicEndpoints endpoints = PublicEndpoints.of("https://cds.example.org/", "http://localhost");
    endpoints.listening("127.0.0.1", 8080, "", false);
    assertThat(endpoints.isConfigured()).isTrue();
    assertThat(endpoints.baseUrl()).isEqualTo("https://cds.example.org");
    assertThatThrownBy(() -> PublicEndpoints.of("cds.example.org", "http://localhost"))
        .hasMessageContaining("stomacds.public-base-url");
  }

  @Test
  void onALoopbackOnlyServerAudiencesAcceptEveryLoopbackSpellingOfTheSamePort() {
    PublicEndpoints endpoints = PublicEndpoints.of("http://127.0.0.1:8080", "http://localhost");
    assertThat(endpoints.audiences("/cds-services"))
        .containsExactly("http://127.0.0.1:8080/cds-services");

    endpoints.listening("127.0.0.1", 8080, "", false);

    assertThat(endpoints.audiences("/cds-services/svc"))
        .containsExactly(
            "http://127.0.0.1:8080/cds-services/svc",
            "http://localhost:8080/cds-services/svc",
            "http://[::1]:8080/cds-services/svc");
  }

  @Test
  void audiencesAreExactWhenTheServerIsReachableFromElsewhereOrTheBaseIsARealName() {
    PublicEndpoints wildcard = PublicEndpoints.of("http://localhost:8080", "http://localhost");
    wildcard.listening("0.0.0.0", 8080, "", false);
    assertThat(wildcard.audiences("/cds-services"))
        .containsExactly("http://localhost:8080/cds-services");

    PublicEndpoints named = PublicEndpoints.of("https://cds.example.org", "http://localhost");
    named.listening("127.0.0.1", 8080, "", false);
    assertThat(named.audiences("/cds-services"))
        .containsExactly("https://cds.example.org/cds-services");
  }
}
