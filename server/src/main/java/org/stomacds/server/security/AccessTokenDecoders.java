package org.stomacds.server.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.stomacds.cds.security.KeySources;
import org.stomacds.cds.url.Loopback;
import org.stomacds.server.security.ApiSecurityProperties.TokenIssuer;

/**
 * One JWT decoder per trusted authorization server: signature by the keys of that server only (its
 * JWK Set URL or file, fetched the same guarded way as the CDS Clients' keys), its {@code iss},
 * {@code exp}/{@code nbf} with the clock skew, and {@code aud} when configured (on a loopback-only
 * server, a loopback audience in any of its spellings).
 */
final class AccessTokenDecoders {

  private AccessTokenDecoders() {}

  /**
   * An authentication manager per issuer, keyed by {@code iss}.
   *
   * @param loopbackOnly the server listens on loopback only: a configured {@code audience} on a
   *     loopback host then matches its other loopback spellings too ({@link Loopback#spellings})
   */
  static Map<String, AuthenticationManager> managers(
      ApiSecurityProperties properties, boolean loopbackOnly) {
    KeySources keys =
        new KeySources(
            Duration.ofSeconds(3), 256 * 1024, Duration.ofMinutes(15), Duration.ofSeconds(30));
    Map<String, AuthenticationManager> managers = new LinkedHashMap<>();
    for (TokenIssuer issuer : properties.tokenIssuers()) {
      JWKSource<SecurityContext> source =
          issuer.jwksUri() != null && !issuer.jwksUri().isBlank()
              ? keys.url(issuer.jwksUri())
              : keys.file(issuer.jwksFile());
      JwtAuthenticationProvider provider =
          new JwtAuthenticationProvider(
              decoder(issuer, source, properties.clockSkew(), loopbackOnly));
      managers.put(issuer.iss(), provider::authenticate);
    }
    return managers;
  }

  private static NimbusJwtDecoder decoder(
      TokenIssuer issuer, JWKSource<SecurityContext> source, Duration skew, boolean loopbackOnly) {
    Set<JWSAlgorithm> algorithms =
        issuer.algorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, source));
    // Claims are validated by Spring Security's validators below.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator(skew));
    validators.add(new JwtIssuerValidator(issuer.iss()));
    validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
    if (issuer.audience() != null && !issuer.audience().isBlank()) {
      List<String> audiences =
          loopbackOnly ? Loopback.spellings(issuer.audience()) : List.of(issuer.audience());
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    }
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder;
  }
}
