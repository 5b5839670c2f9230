package org.stomacds.cds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stomacds.cds.url.PublicEndpoints;

class FhirServerPolicyTest {

  private final FhirServerPolicy policy =
      FhirServerPolicy.allowing(
          List.of(
              "https://ehr.example.org/fhir",
              "http://localhost:*",
              "http://127.0.0.1:8080/fhir",
              "http://[::1]:8080"),
          "stomacds.cds.security.allowed-fhir-servers");

  @Test
  void allowsHttpsAndPlainHttpOnlyOnLoopbackWhenOnTheAllowlist() {
    assertThat(policy.mayCall(URI.create("https://ehr.example.org/fhir"))).isTrue();
    assertThat(policy.mayCall(URI.create("https://EHR.example.org:443/fhir/"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://localhost:8080/fhir"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://localhost:9999/anything"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://127.0.0.1:8080/fhir"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://[::1]:8080/fhir"))).isTrue();
    assertThat(policy.mayCall(URI.create("http://ehr.example.org/fhir"))).isFalse();
    assertThat(policy.mayCall(URI.create("http://10.0.0.5/fhir"))).isFalse();
    assertThat(policy.mayCall(URI.create("file:///etc/passwd"))).isFalse();
    assertThat(policy.mayCall(URI.create("https://user:pw@ehr.example.org/fhir"))).isFalse();
  }

  @Test
  void refusesAnHttpsServerThatIsNotOnTheAllowlist() {
    assertThat(policy.mayCall(URI.create("https://attacker.example.net/fhir"))).isFalse();
    assertThat(policy.mayCall(URI.create("https://169.254.169.254/latest/meta-data"))).isFalse();
    assertThat(policy.mayCall(URI.create("https://ehr.example.org:8443/fhir"))).isFalse();
    assertThat(policy.mayCall(URI.create("https://ehr.example.org.attacker.net/fhir"))).isFalse();
    assertThat(policy.mayCall(URI.create("http://127.0.0.1:8081/fhir"))).isFalse();
  }

  @Test
  void matchesThePathOnSegmentBoundariesWithoutDotSegments() {
    assertThat(policy.mayCall(URI.create("https://ehr.example.org/fhir/r4"))).isTrue();
    assertThat(policy.mayCall(URI.create("https://ehr.example.org/fhirX"))).isFalse();
    assertThat(policy.mayCall(URI.create("https://ehr.example.org/admin"))).isFalse();
    assertThat(policy.mayCall(URI.create("https://ehr.example.org/fhir/../admin"))).isFalse();
    assertThat(policy.mayCall(URI.create("https://ehr.example.org/fhir?x=1"))).isFalse();
  }

  @Test
  void anEmptyAllowlistAllowsNothing() {
    FhirServerPolicy none = FhirServerPolicy.allowing(List.of(), "key");
    assertThat(none.mayCall(URI.create("https://ehr.example.org/fhir"))).isFalse();
    assertThat(none.mayCall(URI.create("http://localhost:8080/fhir"))).isFalse();
  }

  @Test
  void refusesAnAllowlistEntryThatIsNotAnHttpsBaseNamingTheKey() {
    assertThatThrownBy(
            () ->
                FhirServerPolicy.allowing(
                    List.of("https://ok.example.org", "http://ehr.example.org/fhir"), "servers"))
        .hasMessageContaining("servers[1]")
        .hasMessageContaining("https");
    assertThatThrownBy(() -> FhirServerPolicy.allowing(List.of("not a url"), "servers"))
        .hasMessageContaining("servers[0]");
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
