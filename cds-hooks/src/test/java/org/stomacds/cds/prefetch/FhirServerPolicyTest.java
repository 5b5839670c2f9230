package org.stomacds.cds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FhirServerPolicyTest {

  private final FhirServerPolicy policy = new FhirServerPolicy();

  @Test
  void allowsHttpsAndPlainHttpOnlyOnLoopback() {
    assertThat(policy.mayCall(URI.create("https://ehr.example.org/fhir"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://localhost:8080/fhir"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://127.0.0.1:8080/fhir"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://[::1]:8080/fhir"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://ehr.example.org/fhir"))).isFalse();
    assertThat(policy.mayCall(URI.create("http://10.0.0.5/fhir"))).isFalse();
    assertThat(policy.mayCall(URI.create("file:///etc/passwd"))).isFalse();
    assertThat(policy.mayCall(URI.create("https://user:pw@ehr.example.org/fhir"))).isFalse();
  }

  @Test
  void recognisesOurOwnFhirBaseWhateverTheSpellingOfPortAndSlash() {
    PublicEndpoints endpoints = new PublicEndpoints("http://localhost:8080/");

    assertThat(endpoints.fhirBase()).isEqualTo("http://localhost:8080/fhir");
    assertThat(endpoints.isOwnFhirBase(URI.create("http://LOCALHOST:8080/fhir/"))).isTrue();
    assertThat(endpoints.isOwnFhirBase(URI.create("http://localhost:8081/fhir"))).isFalse();
    assertThat(
            new PublicEndpoints("https://cds.example.org")
                .isOwnFhirBase(URI.create("https://cds.example.org:443/fhir")))
        .isTrue();
    assertThatThrownBy(() -> new PublicEndpoints("ftp://x"))
        .hasMessageContaining("stomacds.public-base-url");
  }
}
