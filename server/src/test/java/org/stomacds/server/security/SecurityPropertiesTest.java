package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.stomacds.cds.security.CdsSecurityProperties;

/** Both security configurations, bound as Spring binds them, refuse bad values by key. */
class SecurityPropertiesTest {

  private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Test
  void defaultsTrustNobody() {
    assertThat(bind("stomacds.security", ApiSecurityProperties.class, Map.of()).tokenIssuers())
        .isEmpty();
    CdsSecurityProperties cds =
        bind("stomacds.cds.security", CdsSecurityProperties.class, Map.of());
    assertThat(cds.issuers()).isEmpty();
    assertThat(cds.allowedFhirServers()).isEmpty();
  }

  @Test
  void bindsAnIssuerWithItsKeysAndTenant() {
    CdsSecurityProperties cds =
        bind(
            "stomacds.cds.security",
            CdsSecurityProperties.class,
            Map.of(
                "stomacds.cds.security.issuers[0].iss", "https://ehr.example.org",
                "stomacds.cds.security.issuers[0].jwks-uri", "https://ehr.example.org/jwks",
                "stomacds.cds.security.issuers[0].tenant", "hospital-7",
                "stomacds.cds.security.issuers[0].jku-allowlist[0]",
                    "https://ehr.example.org/keys/"));
    assertThat(cds.issuers().get(0).tenant()).isEqualTo("hospital-7");
    assertThat(cds.issuers().get(0).jkuAllowlist())
        .containsExactly("https://ehr.example.org/keys/");
  }

  @Test
  void refusesPlainHttpKeysAnIssuerWithoutKeysAndHmac() {
    assertThatThrownBy(
            () ->
                bind(
                    "stomacds.cds.security",
                    CdsSecurityProperties.class,
                    Map.of(
                        "stomacds.cds.security.issuers[0].iss", "https://ehr.example.org",
                        "stomacds.cds.security.issuers[0].jwks-uri",
                            "http://ehr.example.org/jwks")))
        .isInstanceOf(BindException.class)
        .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("issuers[0].jwks-uri"));
    assertThatThrownBy(
            () ->
                bind(
                    "stomacds.cds.security",
                    CdsSecurityProperties.class,
                    Map.of("stomacds.cds.security.issuers[0].iss", "https://ehr.example.org")))
        .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("exactly one of jwks-uri"));
    assertThatThrownBy(
            () ->
                bind(
                    "stomacds.security",
                    ApiSecurityProperties.class,
                    Map.of(
                        "stomacds.security.token-issuers[0].iss", "https://auth.example.org",
                        "stomacds.security.token-issuers[0].jwks-file", "/etc/keys.json",
                        "stomacds.security.token-issuers[0].algorithms[0]", "HS256")))
        .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("'HS256'"));
  }

  @Test
  void refusesAReplayWindowShorterThanATokensLife() {
    assertThatThrownBy(
            () ->
                bind(
                    "stomacds.cds.security",
                    CdsSecurityProperties.class,
                    Map.of(
                        "stomacds.cds.security.max-token-lifetime", "1h",
                        "stomacds.cds.security.replay-window", "30m")))
        .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("replay-window"));
  }

  @Test
  void bindsTheEndpointsAdvertisedToSmartClientsAndRefusesBadOnesByKey() {
    ApiSecurityProperties api =
        bind(
            "stomacds.security",
            ApiSecurityProperties.class,
            Map.of(
                "stomacds.security.token-issuers[0].iss", "https://auth.example.org",
                "stomacds.security.token-issuers[0].jwks-file", "/etc/keys.json",
                "stomacds.security.token-issuers[0].token-endpoint",
                    "https://auth.example.org/token",
                "stomacds.security.token-issuers[0].capabilities[0]", "launch-standalone"));
    assertThat(api.tokenIssuers().get(0).tokenEndpoint())
        .isEqualTo("https://auth.example.org/token");
    assertThat(api.tokenIssuers().get(0).authorizationEndpoint()).isNull();
    assertThat(api.tokenIssuers().get(0).capabilities()).containsExactly("launch-standalone");

    assertThatThrownBy(
            () ->
                bind(
                    "stomacds.security",
                    ApiSecurityProperties.class,
                    Map.of(
                        "stomacds.security.token-issuers[0].iss", "https://auth.example.org",
                        "stomacds.security.token-issuers[0].jwks-file", "/etc/keys.json",
                        "stomacds.security.token-issuers[0].authorization-endpoint",
                            "http://auth.example.org/authorize")))
        .satisfies(
            e ->
                assertThat(rootCause(e))
                    .hasMessageContaining("token-issuers[0].authorization-endpoint"));
    assertThatThrownBy(
            () ->
                bind(
                    "stomacds.security",
                    ApiSecurityProperties.class,
                    Map.of(
                        "stomacds.security.token-issuers[0].iss", "https://auth.example.org",
                        "stomacds.security.token-issuers[0].jwks-file", "/etc/keys.json",
                        "stomacds.security.token-issuers[0].capabilities[0]", "Launch Standalone")))
        .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("capabilities"));
  }
}
