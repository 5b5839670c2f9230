package org.stomacds.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.stomacds.fixtures.jwt.AccessToken;
import org.stomacds.server.support.TestTokens;

/**
 * An issuer's {@code audience} is matched exactly, except on a loopback-only server, where a
 * loopback audience matches its other loopback spellings with the same port.
 */
class AccessTokenAudienceTest {

  private static AuthenticationManager manager(boolean loopbackOnly) {
    ApiSecurityProperties properties =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "stomacds.security.token-issuers[0].iss",
                        TestTokens.AUTHORIZATION_SERVER,
                        "stomacds.security.token-issuers[0].jwks-file",
                        "classpath:security/test-auth-server.jwks.json",
                        "stomacds.security.token-issuers[0].audience",
                        "http://127.0.0.1:8080/fhir")))
            .bindOrCreate("stomacds.security", ApiSecurityProperties.class);
    return AccessTokenDecoders.managers(properties, loopbackOnly)
        .get(TestTokens.AUTHORIZATION_SERVER);
  }

  private static BearerTokenAuthenticationToken token(String audience) {
    return new BearerTokenAuthenticationToken(
        TestTokens.authorizationServer()
            .sign(
                AccessToken.of(TestTokens.AUTHORIZATION_SERVER, "client", "system/*.read")
                    .withAudience(audience)));
  }

  @Test
  void onALoopbackOnlyServerAnotherLoopbackSpellingOfTheAudienceIsAccepted() {
    AuthenticationManager manager = manager(true);
    assertThat(manager.authenticate(token("http://127.0.0.1:8080/fhir")).isAuthenticated())
        .isTrue();
    assertThat(manager.authenticate(token("http://localhost:8080/fhir")).isAuthenticated())
        .isTrue();
    assertThatThrownBy(() -> manager.authenticate(token("http://localhost:9090/fhir")))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void elsewhereTheAudienceMustMatchExactly() {
    AuthenticationManager manager = manager(false);
    assertThat(manager.authenticate(token("http://127.0.0.1:8080/fhir")).isAuthenticated())
        .isTrue();
    assertThatThrownBy(() -> manager.authenticate(token("http://localhost:8080/fhir")))
        .isInstanceOf(AuthenticationException.class);
  }
}
