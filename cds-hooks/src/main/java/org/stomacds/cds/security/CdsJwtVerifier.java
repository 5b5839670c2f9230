package org.stomacds.cds.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stomacds.cds.security.CdsAuthenticationException.Reason;
import org.stomacds.cds.security.CdsSecurityProperties.JkuKeySource;
import org.stomacds.cds.security.CdsSecurityProperties.TrustedIssuer;
import org.stomacds.cds.url.CanonicalUrl;

/**
 * Checks the JWT a CDS Client sends with every call (CDS Hooks 2.0, "Trusting CDS Clients"):
 *
 * <ul>
 *   <li>signed with ES384 or RS384 (no {@code none}, no HMAC, nothing else), with a {@code kid};
 *   <li>{@code iss} one of the trusted issuers; {@code sub} present (unless the issuer is
 *       configured with {@code allow-missing-sub}) and on its list when it has one;
 *   <li>the signature verifies with the issuer's keys: its configured JWK Set, or the {@code jku}
 *       header when that URL, in {@link CanonicalUrl canonical form}, is on the issuer's allowlist
 *       (bounded by {@link JkuKeys}: a forged token cannot make us fetch from URLs without limit;
 *       with {@code jku-keys: jwks-file} a listed URL is answered from the issuer's file and never
 *       fetched);
 *   <li>{@code aud} is the endpoint called, computed from our public base URL;
 *   <li>{@code exp}, {@code iat}, {@code nbf} within a small clock skew; {@code exp} no further
 *       away than the maximum token lifetime;
 *   <li>{@code tenant} equal to the issuer's, when one is configured;
 *   <li>{@code jti} present and never seen before (checked last, so only tokens that are otherwise
 *       valid are remembered; for a hook invocation only read here, and recorded with the call's
 *       rows, see {@link #verifyDeferringFirstUse}).
 * </ul>
 *
 * Signature checking is Nimbus JOSE+JWT's, by one processor per issuer built at start-up ({@link
 * IssuerProcessor}); this class only decides which keys and claims apply.
 */
public final class CdsJwtVerifier {

  private static final Logger log = LoggerFactory.getLogger(CdsJwtVerifier.class);

  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);
  private static final int MAX_TOKEN_CHARS = 16 * 1024;
  private static final int MAX_JTI_CHARS = 256;

  private final Map<String, Issuer> issuers;
  private final KeySources keySources;
  private final JtiReplayCache replay;
  private final Clock clock;
  private final Duration skew;
  private final Duration maxLifetime;
  private final Duration replayWindow;

  /** A trusted issuer with its key sources and its JWT processor, built once at start-up. */
  private record Issuer(TrustedIssuer config, JkuKeys jkuKeys, IssuerProcessor processor) {}

  public CdsJwtVerifier(
      CdsSecurityProperties properties, KeySources keySources, JtiReplayCache replay, Clock clock) {
    this.keySources = keySources;
    this.replay = replay;
    this.clock = clock;
    this.skew = properties.clockSkew();
    this.maxLifetime = properties.maxTokenLifetime();
    this.replayWindow = properties.replayWindow();
    Map<String, Issuer> byIss = new LinkedHashMap<>();
    for (int i = 0; i < properties.issuers().size(); i++) {
      TrustedIssuer issuer = properties.issuers().get(i);
      JWKSource<SecurityContext> keys = keys(issuer, "stomacds.cds.security.issuers[" + i + "]");
      byIss.put(
          issuer.iss(),
          new Issuer(issuer, jkuKeys(issuer, keys, properties), new IssuerProcessor(keys)));
      announce(issuer);
    }
    this.issuers = Map.copyOf(byIss);
  }

  private JWKSource<SecurityContext> keys(TrustedIssuer issuer, String key) {
    if (issuer.keysFromUri()) {
      return keySources.url(issuer.jwksUri());
    }
    try {
      return keySources.file(issuer.jwksFile());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(key + ".jwks-file: " + e.getMessage(), e);
    }
  }

  /** Says at start-up what an issuer's settings relax, so it is never a surprise in production. */
  private static void announce(TrustedIssuer issuer) {
    if (issuer.jkuKeys() == JkuKeySource.JWKS_FILE) {
      log.info(
          "CDS Hooks issuer {}: a jku of {} is answered from jwks-file {} (jku-keys: jwks-file);"
              + " never fetched",
          issuer.iss(),
          issuer.jkuAllowlist(),
          issuer.jwksFile());
    }
    if (issuer.allowMissingSub()) {
      log.warn(
          "CDS Hooks issuer {}: tokens WITHOUT a sub claim are accepted (allow-missing-sub); the"
              + " spec requires sub, so such a call does not say which client sent it. Each one is"
              + " audited with its subject absent.",
          issuer.iss());
    }
  }

  private JkuKeys jkuKeys(
      TrustedIssuer issuer, JWKSource<SecurityContext> keys, CdsSecurityProperties properties) {
    Map<CanonicalUrl, JWKSource<SecurityContext>> configured = new LinkedHashMap<>();
    List<CanonicalUrl> prefixes = new ArrayList<>();
    if (issuer.jkuKeys() == JkuKeySource.JWKS_FILE) {
      // Each listed URL is answered by the issuer's own file source; no prefix is allowed (checked
      // at start-up), so nothing can ever be learned or fetched for a jku.
      for (String entry : issuer.jkuAllowlist()) {
        configured.put(CanonicalUrl.of(entry, false), keys);
      }
      return new JkuKeys(
          configured,
          List.of(),
          url -> {
            throw new IllegalStateException("jku-keys: jwks-file never fetches " + url);
          },
          properties.jwksMinRefetchInterval(),
          clock);
    }
    for (String entry : issuer.jkuAllowlist()) {
      CanonicalUrl url = CanonicalUrl.of(entry, false);
      if (entry.endsWith("/")) {
        prefixes.add(url);
      } else {
        configured.computeIfAbsent(url, keySources::url);
      }
    }
    if (issuer.keysFromUri()) {
      // The issuer's own key set is always allowed as jku, and shares its one cached source.
      configured.put(CanonicalUrl.of(issuer.jwksUri(), true), keys);
    }
    return new JkuKeys(
        configured, prefixes, keySources::url, properties.jwksMinRefetchInterval(), clock);
  }

  /** For tests: the one processor of an issuer, or null when the issuer is not trusted. */
  IssuerProcessor processor(String iss) {
    Issuer issuer = issuers.get(iss);
    return issuer == null ? null : issuer.processor();
  }

  /** Whether any issuer is trusted at all (none: every call is refused). */
  public boolean hasIssuers() {
    return !issuers.isEmpty();
  }

  /**
   * Verifies a token for a call of this endpoint.
   *
   * @param token the compact JWT from {@code Authorization: Bearer}
   * @param audience the endpoint's public URL: public base URL + request path
   * @throws CdsAuthenticationException with the reason, when the token is not acceptable
   */
  public CdsCaller verify(String token, String audience) {
    return verify(token, List.of(audience));
  }

  /**
   * Verifies a token for a call of this endpoint, known by more than one URL.
   *
   * @param token the compact JWT from {@code Authorization: Bearer}
   * @param audience the endpoint's public URLs: its {@code aud} must name one of them
   * @throws CdsAuthenticationException with the reason, when the token is not acceptable
   */
  public CdsCaller verify(String token, List<String> audience) {
    return verify(token, audience, false);
  }

  /**
   * Verifies a token for a hook invocation, whose first use is recorded later, in the transaction
   * that records the call: the {@code jti} is only read here (seen before: refused as a replay),
   * and the caller returned carries its {@link CdsCaller#firstUse() pending first use}.
   *
   * @param token the compact JWT from {@code Authorization: Bearer}
   * @param audience the endpoint's public URLs: its {@code aud} must name one of them
   * @throws CdsAuthenticationException with the reason, when the token is not acceptable
   */
  public CdsCaller verifyDeferringFirstUse(String token, List<String> audience) {
    return verify(token, audience, true);
  }

  private CdsCaller verify(String token, List<String> audience, boolean deferFirstUse) {
    if (issuers.isEmpty()) {
      throw new CdsAuthenticationException(Reason.NO_TRUSTED_ISSUERS);
    }
    if (token == null || token.isBlank()) {
      throw new CdsAuthenticationException(Reason.MISSING_TOKEN);
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      throw new CdsAuthenticationException(Reason.MALFORMED);
    }
    SignedJWT jwt = signed(token);
    JWSHeader header = jwt.getHeader();
    if (!ALGORITHMS.contains(header.getAlgorithm())) {
      throw new CdsAuthenticationException(Reason.ALGORITHM);
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new CdsAuthenticationException(Reason.MISSING_KID);
    }
    JWTClaimsSet unverified = claims(jwt);
    Issuer issuer = unverified.getIssuer() == null ? null : issuers.get(unverified.getIssuer());
    if (issuer == null) {
      throw new CdsAuthenticationException(Reason.UNTRUSTED_ISSUER);
    }
    URI jku = header.getJWKURL();
    JWKSource<SecurityContext> keys =
        jku == null
            ? null
            : issuer
                .jkuKeys()
                .sourceFor(
                    jku.toString(),
                    () -> checkClaimsBeforeReplay(issuer.config(), unverified, audience));
    JWTClaimsSet claims;
    try {
      claims = issuer.processor().verify(jwt, keys);
    } catch (CdsAuthenticationException e) {
      if (jku != null && e.reason() == Reason.KEYS_UNAVAILABLE) {
        issuer.jkuKeys().forget(jku.toString());
      }
      throw e;
    }
    PendingFirstUse firstUse = checkClaims(issuer.config(), claims, audience, deferFirstUse);
    return new CdsCaller(claims.getIssuer(), subject(claims), tenant(claims), firstUse);
  }

  private static SignedJWT signed(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token.trim());
    } catch (ParseException e) {
      throw new CdsAuthenticationException(Reason.MALFORMED);
    }
    if (!(jwt instanceof SignedJWT signed)) {
      // An unsecured (alg "none") or encrypted JWT.
      throw new CdsAuthenticationException(Reason.ALGORITHM);
    }
    return signed;
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new CdsAuthenticationException(Reason.MALFORMED);
    }
  }

  /**
   * Every claim rule, the replay check last: the first use recorded at once, or, when deferred,
   * only checked and returned to be recorded later.
   *
   * @return the pending first use when deferred, else null (recorded)
   */
  private PendingFirstUse checkClaims(
      TrustedIssuer issuer, JWTClaimsSet claims, List<String> audience, boolean deferFirstUse) {
    checkClaimsBeforeReplay(issuer, claims, audience);
    Instant rememberUntil = clock.instant().plus(replayWindow);
    if (deferFirstUse) {
      PendingFirstUse first = replay.pending(claims.getIssuer(), claims.getJWTID(), rememberUntil);
      if (first.usedBefore()) {
        throw new CdsAuthenticationException(Reason.REPLAY);
      }
      return first;
    }
    if (!replay.firstUse(claims.getIssuer(), claims.getJWTID(), rememberUntil)) {
      throw new CdsAuthenticationException(Reason.REPLAY);
    }
    return null;
  }

  /**
   * Every claim rule but the replay check (which remembers the {@code jti}): run on the verified
   * claims, and on the unverified ones before a new {@code jku} URL may cost a fetch.
   */
  private void checkClaimsBeforeReplay(
      TrustedIssuer issuer, JWTClaimsSet claims, List<String> audience) {
    Instant now = clock.instant();
    String subject = subject(claims);
    if (subject == null) {
      // Only an absent sub may be let through, and only where the issuer is configured for it; a
      // blank or non-text sub is refused everywhere.
      if (!issuer.allowMissingSub() || claims.getClaim(JWTClaimNames.SUBJECT) != null) {
        throw new CdsAuthenticationException(Reason.MISSING_CLAIM);
      }
    } else if (!issuer.subjects().isEmpty() && !issuer.subjects().contains(subject)) {
      throw new CdsAuthenticationException(Reason.UNTRUSTED_SUBJECT);
    }
    if (!audienceMatches(claims.getAudience(), audience)) {
      throw new CdsAuthenticationException(Reason.AUDIENCE);
    }
    Instant exp = instant(claims.getExpirationTime());
    Instant iat = instant(claims.getIssueTime());
    String jti = claims.getJWTID();
    if (exp == null
        || iat == null
        || jti == null
        || jti.isBlank()
        || jti.length() > MAX_JTI_CHARS) {
      throw new CdsAuthenticationException(Reason.MISSING_CLAIM);
    }
    if (now.isAfter(exp.plus(skew))) {
      throw new CdsAuthenticationException(Reason.EXPIRED);
    }
    if (iat.isAfter(now.plus(skew))) {
      throw new CdsAuthenticationException(Reason.ISSUED_IN_FUTURE);
    }
    Instant nbf = instant(claims.getNotBeforeTime());
    if (nbf != null && nbf.isAfter(now.plus(skew))) {
      throw new CdsAuthenticationException(Reason.NOT_YET_VALID);
    }
    if (exp.isAfter(now.plus(maxLifetime).plus(skew))) {
      throw new CdsAuthenticationException(Reason.LIFETIME_TOO_LONG);
    }
    if (issuer.tenant() != null && !issuer.tenant().equals(tenant(claims))) {
      throw new CdsAuthenticationException(Reason.TENANT);
    }
  }

  private static boolean audienceMatches(List<String> audiences, List<String> expected) {
    if (audiences == null || audiences.isEmpty()) {
      return false;
    }
    List<String> want = expected.stream().map(CdsJwtVerifier::withoutTrailingSlash).toList();
    return audiences.stream().anyMatch(a -> a != null && want.contains(withoutTrailingSlash(a)));
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The {@code sub} when it is non-blank text, else null. */
  private static String subject(JWTClaimsSet claims) {
    Object sub = claims.getClaim(JWTClaimNames.SUBJECT);
    return sub instanceof String s && !s.isBlank() ? s : null;
  }

  private static String tenant(JWTClaimsSet claims) {
    Object tenant = claims.getClaim("tenant");
    return tenant instanceof String s ? s : null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
