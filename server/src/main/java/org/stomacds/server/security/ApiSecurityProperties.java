package org.stomacds.server.security;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.stomacds.cds.url.Loopback;

/**
 * Protection of the FHIR API and the other pages, prefix {@code stomacds.security}. Checked at
 * start-up. No secrets: only the authorization servers' public key locations.
 *
 * @param tokenIssuers authorization servers whose access tokens (JWTs with SMART scopes) the FHIR
 *     API accepts; none means every protected call is refused (401), except in the {@code demo}
 *     profile
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param maxFhirBodySize largest request body {@code /fhir} accepts; larger gets 413
 * @param metricsPublic serve {@code /actuator/prometheus} without a token (only when the port is
 *     not reachable from outside); otherwise a token with scope {@value #METRICS_SCOPE} is needed
 */
@ConfigurationProperties("stomacds.security")
public record ApiSecurityProperties(
    @DefaultValue List<TokenIssuer> tokenIssuers,
    @DefaultValue("60s") Duration clockSkew,
    @DefaultValue("10MB") DataSize maxFhirBodySize,
    @DefaultValue("false") boolean metricsPublic) {

  /** The scope a Prometheus scraper's token needs. */
  public static final String METRICS_SCOPE = "stomacds/metrics.read";

  private static final String PREFIX = "stomacds.security.";
  private static final Set<String> ASYMMETRIC =
      Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512");

  /**
   * One authorization server.
   *
   * @param iss its {@code iss}, compared exactly
   * @param jwksUri its JWK Set URL (https; http only on loopback), or
   * @param jwksFile a local JWK Set file ({@code classpath:} allowed)
   * @param audience when set, tokens must name it in {@code aud} (e.g. our FHIR base URL)
   * @param algorithms signature algorithms accepted; asymmetric only
   * @param authorizationEndpoint its OAuth2 authorization endpoint, advertised to SMART apps (in
   *     the CapabilityStatement and {@code /fhir/.well-known/smart-configuration}); optional
   * @param tokenEndpoint its OAuth2 token endpoint, advertised likewise; optional
   * @param capabilities SMART capabilities this authorization server offers ({@code
   *     launch-standalone}, {@code client-confidential-asymmetric}, ...), advertised beside the
   *     {@code permission-*} ones this server enforces
   */
  public record TokenIssuer(
      String iss,
      String jwksUri,
      String jwksFile,
      String audience,
      @DefaultValue({"RS256", "RS384", "ES256", "ES384"}) List<String> algorithms,
      String authorizationEndpoint,
      String tokenEndpoint,
      @DefaultValue List<String> capabilities) {

    public TokenIssuer {
      algorithms =
          algorithms == null || algorithms.isEmpty()
              ? List.of("RS256", "RS384", "ES256", "ES384")
              : List.copyOf(algorithms);
      capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
  }

  /** SMART capability names: lower case words joined by dashes. */
  private static final Pattern CAPABILITY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public ApiSecurityProperties {
    tokenIssuers = tokenIssuers == null ? List.of() : List.copyOf(tokenIssuers);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < tokenIssuers.size(); i++) {
      TokenIssuer issuer = tokenIssuers.get(i);
      String key = PREFIX + "token-issuers[" + i + "]";
      if (issuer.iss() == null || issuer.iss().isBlank()) {
        throw new IllegalArgumentException(key + ".iss is missing");
      }
      if (!seen.add(issuer.iss())) {
        throw new IllegalArgumentException(key + ".iss: '" + issuer.iss() + "' is listed twice");
      }
      boolean uri = issuer.jwksUri() != null && !issuer.jwksUri().isBlank();
      boolean file = issuer.jwksFile() != null && !issuer.jwksFile().isBlank();
      if (uri == file) {
        throw new IllegalArgumentException(
            key + ": set exactly one of jwks-uri (a URL) and jwks-file (a local JWK Set)");
      }
      if (uri && !fetchable(issuer.jwksUri())) {
        throw new IllegalArgumentException(
            key + ".jwks-uri must be an https URL (plain http only on loopback)");
      }
      requireFetchableIfSet(key + ".authorization-endpoint", issuer.authorizationEndpoint());
      requireFetchableIfSet(key + ".token-endpoint", issuer.tokenEndpoint());
      for (String capability : issuer.capabilities()) {
        if (!CAPABILITY.matcher(capability).matches()) {
          throw new IllegalArgumentException(
              key + ".capabilities: '" + capability + "' is not a SMART capability name");
        }
      }
      for (String alg : issuer.algorithms()) {
        if (!ASYMMETRIC.contains(alg)) {
          throw new IllegalArgumentException(
              key
                  + ".algorithms: '"
                  + alg
                  + "' is not one of "
                  + ASYMMETRIC.stream().sorted().toList());
        }
      }
    }
    if (clockSkew == null
        || clockSkew.isNegative()
        || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException(PREFIX + "clock-skew must be between 0 and 5 minutes");
    }
    if (maxFhirBodySize == null
        || maxFhirBodySize.toBytes() < 1024
        || maxFhirBodySize.compareTo(DataSize.ofMegabytes(512)) > 0) {
      throw new IllegalArgumentException(
          PREFIX + "max-fhir-body-size must be between 1KB and 512MB");
    }
  }

  private static void requireFetchableIfSet(String key, String url) {
    if (url != null && !url.isBlank() && !fetchable(url)) {
      throw new IllegalArgumentException(
          key + " must be an https URL (plain http only on loopback)");
    }
  }

  private static boolean fetchable(String url) {
    try {
      return Loopback.isHttpsOrLoopbackHttp(URI.create(url));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
