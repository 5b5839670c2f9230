package org.stomacds.server.smart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.stomacds.server.security.ApiSecurityProperties;

class SmartDiscoveryTest {

  private static ApiSecurityProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("stomacds.security", ApiSecurityProperties.class);
  }

  @Test
  void withoutAnAuthorizationServerThereIsNothingToDiscover() {
    assertThat(SmartDiscovery.of(bind(Map.of())).configuration()).isEmpty();
  }

  @Test
  void aBackendServicesOnlyServerOffersClientCredentialsAndNoAuthorizationCode() {
    Map<String, Object> smart =
        SmartDiscovery.of(
                bind(
                    Map.of(
                        "stomacds.security.token-issuers[0].iss", "https://auth.example.org",
                        "stomacds.security.token-issuers[0].jwks-uri",
                            "https://auth.example.org/jwks",
                        "stomacds.security.token-issuers[0].token-endpoint",
                            "https://auth.example.org/token",
                        "stomacds.security.token-issuers[1].iss", "https://second.example.org",
                        "stomacds.security.token-issuers[1].jwks-file", "/etc/second.json")))
            .configuration()
            .orElseThrow();

    assertThat(smart.get("issuer")).isEqualTo("https://auth.example.org");
    assertThat(smart.get("jwks_uri")).isEqualTo("https://auth.example.org/jwks");
    assertThat(smart.get("token_endpoint")).isEqualTo("https://auth.example.org/token");
    assertThat(smart)
        .doesNotContainKeys("authorization_endpoint", "code_challenge_methods_supported");
    assertThat(smart.get("grant_types_supported")).isEqualTo(List.of("client_credentials"));
    assertThat(smart.get("capabilities")).isEqualTo(SmartDiscovery.ENFORCED_CAPABILITIES);
    assertThat(smart.get("scopes_supported")).isEqualTo(SmartDiscovery.SCOPES);
  }

  @Test
  void everyAdvertisedScopeIsOneThisServerGrants() {
    assertThat(SmartDiscovery.SCOPES)
        .filteredOn(scope -> scope.contains("/*."))
        .allSatisfy(
            scope ->
                assertThat(org.stomacds.server.security.SmartScope.parse(scope))
                    .as(scope)
                    .isPresent());
  }
}
