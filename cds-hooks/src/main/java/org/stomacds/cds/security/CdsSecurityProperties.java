package org.stomacds.cds.security;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.stomacds.cds.url.CanonicalUrl;
import org.stomacds.cds.url.Loopback;

/**
 * Who may call {@code /cds-services} and whom we may call back, prefix {@code
 * stomacds.cds.security}. Checked at start-up: a bad value stops the application with a message
 * naming the key. No secrets here: only issuers' public key locations.
 *
 * @param issuers the EHRs we trust; none means every call is refused (401), except in the {@code
 *     demo} profile
 * @param allowedFhirServers FHIR bases we may call as a request's {@code fhirServer} (with its
 *     {@code fhirAuthorization}): {@code https://ehr.example.org/fhir} allows that base and paths
 *     under it; {@code http://localhost:*} any port. Anything else is treated as unavailable.
 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat}
 * @param maxTokenLifetime how far in the future {@code exp} may be (the spec asks EHRs for at most
 *     five minutes); a longer-lived token is refused
 * @param replayWindow how long a {@code jti} is remembered; must cover the longest token life
 * @param jwksTimeout connect and read timeout when fetching a JWK Set
 * @param jwksMaxSize largest JWK Set accepted
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again
 * @param jwksMinRefetchInterval an unknown {@code kid} refetches the keys, at most this often
 */
@ConfigurationProperties("stomacds.cds.security")
public record CdsSecurityProperties(
    @DefaultValue List<TrustedIssuer> issuers,
    @DefaultValue List<String> allowedFhirServers,
    @DefaultValue("60s") Duration clockSkew,
    @DefaultValue("5m") Duration maxTokenLifetime,
    @DefaultValue("1h") Duration replayWindow,
    @DefaultValue("3s") Duration jwksTimeout,
    @DefaultValue("256KB") DataSize jwksMaxSize,
    @DefaultValue("15m") Duration jwksCacheTtl,
    @DefaultValue("30s") Duration jwksMinRefetchInterval) {

  private static final String PREFIX = "stomacds.cds.security.";

  /**
   * One EHR we trust.
   *
   * @param iss its {@code iss}, compared exactly
   * @param jwksUri where its public keys are (https; http only on loopback), or
   * @param jwksFile a local JWK Set file ({@code classpath:} allowed) for offline deployments
   * @param jkuAllowlist {@code jku} header values a token may carry: a URL, or a prefix ending in
   *     {@code /}; a token with any other {@code jku} is refused. The {@code jwks-uri} is always
   *     allowed. Compared in {@link CanonicalUrl canonical form}; under a prefix at most a few URLs
   *     per issuer are learned, one new URL per {@code jwks-min-refetch-interval} ({@link
   *     JkuKeys}): list the exact URLs your EHR uses where you can.
   * @param jkuKeys where the keys of a listed {@code jku} come from: {@code fetch} (the default)
   *     fetches them from that URL; {@code jwks-file} answers every listed URL with this issuer's
   *     {@code jwks-file} and never fetches (for a client that always sends a {@code jku}, such as
   *     the CDS Hooks sandbox, on a server that must not or cannot reach it); exact URLs only
   * @param allowMissingSub accept tokens that carry no {@code sub} (the CDS Hooks sandbox sends
   *     none). Off by default: the spec requires {@code sub}. When on, a token with a {@code sub}
   *     is still held to {@code subjects}, and the audit records the subject as absent
   * @param tenant when set, the token's {@code tenant} must equal it
   * @param subjects when not empty, the token's {@code sub} (the EHR's client id) must be one of
   *     them
   */
  public record TrustedIssuer(
      String iss,
      String jwksUri,
      String jwksFile,
      @DefaultValue List<String> jkuAllowlist,
      @DefaultValue("fetch") JkuKeySource jkuKeys,
      @DefaultValue("false") boolean allowMissingSub,
      String tenant,
      @DefaultValue List<String> subjects) {

    public TrustedIssuer {
      jkuAllowlist = jkuAllowlist == null ? List.of() : List.copyOf(jkuAllowlist);
      jkuKeys = jkuKeys == null ? JkuKeySource.FETCH : jkuKeys;
      subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** Whether this issuer's keys come from {@code jwks-uri} (else from {@code jwks-file}). */
    boolean keysFromUri() {
      return jwksUri != null && !jwksUri.isBlank();
    }
  }

  /** Where the keys of an allowlisted {@code jku} come from ({@code jku-keys}). */
  public enum JkuKeySource {
    /** Fetched from the {@code jku} URL itself (bounded by {@link JkuKeys}). */
    FETCH,
    /** The issuer's {@code jwks-file}: a listed {@code jku} is never fetched. */
    JWKS_FILE
  }

  public CdsSecurityProperties {
    issuers = issuers == null ? List.of() : List.copyOf(issuers);
    allowedFhirServers = allowedFhirServers == null ? List.of() : List.copyOf(allowedFhirServers);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < issuers.size(); i++) {
      validate(issuers.get(i), PREFIX + "issuers[" + i + "]");
      if (!seen.add(issuers.get(i).iss())) {
        throw new IllegalArgumentException(
            PREFIX + "issuers[" + i + "].iss: '" + issuers.get(i).iss() + "' is listed twice");
      }
    }
    requireBetween("clock-skew", clockSkew, Duration.ZERO, Duration.ofMinutes(5));
    requireBetween(
        "max-token-lifetime", maxTokenLifetime, Duration.ofSeconds(10), Duration.ofHours(1));
    requireBetween("replay-window", replayWindow, Duration.ofMinutes(1), Duration.ofDays(1));
    if (replayWindow.compareTo(maxTokenLifetime.plus(clockSkew.multipliedBy(2))) < 0) {
      throw new IllegalArgumentException(
          PREFIX
              + "replay-window must be at least max-token-lifetime + 2 x clock-skew, or a replayed"
              + " token could outlive the memory of its jti");
    }
    requireBetween("jwks-timeout", jwksTimeout, Duration.ofMillis(100), Duration.ofSeconds(30));
    requireBetween("jwks-cache-ttl", jwksCacheTtl, Duration.ofSeconds(10), Duration.ofDays(1));
    requireBetween(
        "jwks-min-refetch-interval",
        jwksMinRefetchInterval,
        Duration.ofSeconds(1),
        Duration.ofHours(1));
    if (jwksMaxSize == null
        || jwksMaxSize.toBytes() < 1024
        || jwksMaxSize.compareTo(DataSize.ofMegabytes(4)) > 0) {
      throw new IllegalArgumentException(PREFIX + "jwks-max-size must be between 1KB and 4MB");
    }
  }

  private static void validate(TrustedIssuer issuer, String key) {
    if (issuer.iss() == null || issuer.iss().isBlank()) {
      throw new IllegalArgumentException(key + ".iss is missing");
    }
    boolean uri = issuer.keysFromUri();
    if (uri == file(issuer)) {
      throw new IllegalArgumentException(
          key + ": set exactly one of jwks-uri (a URL) and jwks-file (a local JWK Set)");
    }
    if (uri) {
      requireFetchable(issuer.jwksUri(), key + ".jwks-uri", true);
    }
    for (int i = 0; i < issuer.jkuAllowlist().size(); i++) {
      requireFetchable(issuer.jkuAllowlist().get(i), key + ".jku-allowlist[" + i + "]", false);
    }
    if (issuer.jkuKeys() == JkuKeySource.JWKS_FILE) {
      validateJkuFromFile(issuer, key);
    }
    if (issuer.tenant() != null && issuer.tenant().isBlank()) {
      throw new IllegalArgumentException(key + ".tenant must not be blank when set");
    }
  }

  /** {@code jku-keys: jwks-file}: exact URLs answered from the file, so nothing to fetch. */
  private static void validateJkuFromFile(TrustedIssuer issuer, String key) {
    if (!file(issuer)) {
      throw new IllegalArgumentException(
          key
              + ".jku-keys: jwks-file answers a listed jku with this issuer's jwks-file, but the"
              + " issuer has no jwks-file (it has jwks-uri); set jwks-file or leave jku-keys at"
              + " fetch");
    }
    if (issuer.jkuAllowlist().isEmpty()) {
      throw new IllegalArgumentException(
          key
              + ".jku-keys: jwks-file needs the jku URLs the client sends in "
              + key
              + ".jku-allowlist (none is listed, so every token with a jku would be refused)");
    }
    for (int i = 0; i < issuer.jkuAllowlist().size(); i++) {
      String entry = issuer.jkuAllowlist().get(i);
      if (entry.endsWith("/")) {
        throw new IllegalArgumentException(
            key
                + ".jku-allowlist["
                + i
                + "]: '"
                + entry
                + "' is a prefix; with jku-keys: jwks-file list each jku URL exactly (nothing is"
                + " learned or fetched)");
      }
    }
  }

  private static boolean file(TrustedIssuer issuer) {
    return issuer.jwksFile() != null && !issuer.jwksFile().isBlank();
  }

  static void requireFetchable(String url, String key, boolean allowQuery) {
    URI uri;
    try {
      uri = CanonicalUrl.of(url, allowQuery).toUri();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + ": '" + url + "' is not a URL we accept (" + e.getMessage() + ")");
    }
    if (!Loopback.isHttpsOrLoopbackHttp(uri)) {
      throw new IllegalArgumentException(
          key + ": '" + url + "' must be an https URL (plain http only on loopback)");
    }
  }

  private static void requireBetween(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(PREFIX + name + " must be between " + min + " and " + max);
    }
  }
}
