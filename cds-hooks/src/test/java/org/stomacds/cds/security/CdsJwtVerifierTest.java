package org.stomacds.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import org.stomacds.cds.security.CdsAuthenticationException.Reason;
import org.stomacds.cds.security.CdsSecurityProperties.TrustedIssuer;
import org.stomacds.cds.store.StomacdsSchema;

/** Every rule of the CDS Hooks JWT, each with a token refused and one accepted. */
class CdsJwtVerifierTest {

  static final String EHR = "https://ehr.example.org";
  static final String AUD = "https://cds.example.org/cds-services/cpt-44405-order-sign";
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path dir;

  static final TestIssuer ec = TestIssuer.ec("ehr-ec-1");
  static final TestIssuer rsa = TestIssuer.rsa("ehr-rsa-1");
  final JwksServer jwks = new JwksServer();
  static final JdbcTemplate jdbc = database();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterEach
  void stop() {
    jwks.close();
  }

  private static JdbcTemplate database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:jwt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StomacdsSchema.flyway(h2).migrate();
    return new JdbcTemplate(h2);
  }

  /** Both test keys served at /jwks, the issuer configured with that URL. */
  private CdsJwtVerifier verifier(TrustedIssuer... issuers) {
    return verifier(clock, issuers);
  }

  private CdsJwtVerifier verifier(Clock at, TrustedIssuer... issuers) {
    CdsSecurityProperties properties = properties(List.of(issuers));
    return new CdsJwtVerifier(
        properties,
        new KeySources(
            Duration.ofSeconds(2), 64 * 1024, Duration.ofMinutes(15), Duration.ofSeconds(30)),
        new JtiReplayCache(jdbc, at),
        at);
  }

  private static CdsSecurityProperties properties(List<TrustedIssuer> issuers) {
    return new CdsSecurityProperties(
        issuers,
        List.of(),
        Duration.ofSeconds(60),
        Duration.ofMinutes(5),
        Duration.ofHours(1),
        Duration.ofSeconds(2),
        DataSize.ofKilobytes(64),
        Duration.ofMinutes(15),
        Duration.ofSeconds(30));
  }

  private TrustedIssuer ehr() {
    jwks.serve(
        "/jwks",
        "{\"keys\":["
            + ec.key.toPublicJWK().toJSONString()
            + ","
            + rsa.key.toPublicJWK().toJSONString()
            + "]}");
    return TrustedIssuers.keysAt(EHR, jwks.url("/jwks")).build();
  }

  private static JWTClaimsSet.Builder valid() {
    return TestIssuer.claims(EHR, AUD, NOW);
  }

  private static Reason reason(Runnable call) {
    try {
      call.run();
    } catch (CdsAuthenticationException e) {
      return e.reason();
    }
    throw new AssertionError("the token was accepted");
  }

  @Test
  void acceptsAValidEs384AndRs384TokenAndNamesTheCaller() {
    CdsJwtVerifier verifier = verifier(ehr());

    CdsCaller caller = verifier.verify(ec.sign(valid()), AUD);
    assertThat(caller).isEqualTo(new CdsCaller(EHR, "ehr-client", null));
    assertThat(verifier.verify(rsa.sign(valid()), AUD).issuer()).isEqualTo(EHR);
  }

  @Test
  void refusesAnUnsecuredTokenWithAlgNone() {
    CdsJwtVerifier verifier = verifier(ehr());
    String none = new PlainJWT(new PlainHeader(), valid().build()).serialize();

    assertThat(reason(() -> verifier.verify(none, AUD))).isEqualTo(Reason.ALGORITHM);
  }

  @Test
  void refusesAnHmacTokenEvenWithTheIssuersPublicKeyAsSecret() throws JOSEException {
    CdsJwtVerifier verifier = verifier(ehr());
    // The classic confusion attack: HMAC keyed with bytes the attacker knows.
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS384).keyID("ehr-rsa-1").build(), valid().build());
    hmac.sign(new MACSigner(rsa.publicJwks().repeat(2).getBytes()));

    assertThat(reason(() -> verifier.verify(hmac.serialize(), AUD))).isEqualTo(Reason.ALGORITHM);
  }

  @Test
  void refusesOtherAsymmetricAlgorithmsThanEs384AndRs384() {
    CdsJwtVerifier verifier = verifier(ehr());
    String rs256 = rsa.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("ehr-rsa-1"), valid());

    assertThat(reason(() -> verifier.verify(rs256, AUD))).isEqualTo(Reason.ALGORITHM);
    assertThat(verifier.verify(rsa.sign(valid()), AUD)).isNotNull();
  }

  @Test
  void refusesATokenWithoutKid() {
    CdsJwtVerifier verifier = verifier(ehr());
    String noKid = ec.sign(new JWSHeader.Builder(JWSAlgorithm.ES384), valid());

    assertThat(reason(() -> verifier.verify(noKid, AUD))).isEqualTo(Reason.MISSING_KID);
  }

  @Test
  void refusesAnIssuerNotOnTheAllowlist() {
    CdsJwtVerifier verifier = verifier(ehr());
    String stranger = ec.sign(valid().issuer("https://stranger.example.net"));

    assertThat(reason(() -> verifier.verify(stranger, AUD))).isEqualTo(Reason.UNTRUSTED_ISSUER);
    assertThat(reason(() -> verifier.verify(ec.sign(valid().issuer(null)), AUD)))
        .isEqualTo(Reason.UNTRUSTED_ISSUER);
    assertThat(verifier.verify(ec.sign(valid()), AUD).issuer()).isEqualTo(EHR);
  }

  @Test
  void refusesEverythingWhenNoIssuerIsTrusted() {
    CdsJwtVerifier verifier = verifier();

    assertThat(verifier.hasIssuers()).isFalse();
    assertThat(reason(() -> verifier.verify(ec.sign(valid()), AUD)))
        .isEqualTo(Reason.NO_TRUSTED_ISSUERS);
  }

  @Test
  void refusesASignatureByAKeyTheIssuerDoesNotPublish() {
    CdsJwtVerifier verifier = verifier(ehr());
    TestIssuer impostor = TestIssuer.ec("ehr-ec-1"); // same kid, other key

    assertThat(reason(() -> verifier.verify(impostor.sign(valid()), AUD)))
        .isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(reason(() -> verifier.verify(TestIssuer.ec("unknown-kid").sign(valid()), AUD)))
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void refusesATamperedPayload() {
    CdsJwtVerifier verifier = verifier(ehr());
    String[] parts = ec.sign(valid()).split("\\.");
    String otherPayload = ec.sign(valid().subject("admin")).split("\\.")[1];

    assertThat(reason(() -> verifier.verify(parts[0] + "." + otherPayload + "." + parts[2], AUD)))
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void refusesGarbageAndOversizedTokens() {
    CdsJwtVerifier verifier = verifier(ehr());

    assertThat(reason(() -> verifier.verify(null, AUD))).isEqualTo(Reason.MISSING_TOKEN);
    assertThat(reason(() -> verifier.verify("not.a.jwt", AUD))).isEqualTo(Reason.MALFORMED);
    assertThat(reason(() -> verifier.verify("x".repeat(20_000), AUD))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void refusesASubjectNotListedForTheIssuer() {
    TrustedIssuer ehr = ehr();
    CdsJwtVerifier verifier =
        verifier(TrustedIssuers.keysAt(EHR, ehr.jwksUri()).subjects("epic-1").build());

    assertThat(reason(() -> verifier.verify(ec.sign(valid()), AUD)))
        .isEqualTo(Reason.UNTRUSTED_SUBJECT);
    assertThat(verifier.verify(ec.sign(valid().subject("epic-1")), AUD).subject())
        .isEqualTo("epic-1");
  }

  @Test
  void refusesATokenForAnotherEndpointAndAcceptsTheEndpointCalled() {
    CdsJwtVerifier verifier = verifier(ehr());

    assertThat(reason(() -> verifier.verify(ec.sign(valid().audience(AUD + "-other")), AUD)))
        .isEqualTo(Reason.AUDIENCE);
    assertThat(
            reason(
                () ->
                    verifier.verify(
                        ec.sign(valid().audience("https://cds.example.org/cds-services")), AUD)))
        .isEqualTo(Reason.AUDIENCE);
    assertThat(reason(() -> verifier.verify(ec.sign(valid().audience((String) null)), AUD)))
        .isEqualTo(Reason.AUDIENCE);
    assertThat(verifier.verify(ec.sign(valid().audience(List.of("https://x.org", AUD))), AUD))
        .isNotNull();
    assertThat(verifier.verify(ec.sign(valid().audience(AUD + "/")), AUD)).isNotNull();
  }

  @Test
  void refusesAnExpiredTokenBeyondTheClockSkew() {
    CdsJwtVerifier verifier = verifier(ehr());
    Instant issued = NOW.minus(Duration.ofMinutes(10));

    assertThat(
            reason(
                () ->
                    verifier.verify(
                        ec.sign(
                            valid()
                                .issueTime(Date.from(issued))
                                .expirationTime(Date.from(NOW.minusSeconds(61)))),
                        AUD)))
        .isEqualTo(Reason.EXPIRED);
    assertThat(
            verifier.verify(
                ec.sign(
                    valid()
                        .issueTime(Date.from(issued))
                        .expirationTime(Date.from(NOW.minusSeconds(30)))),
                AUD))
        .isNotNull();
  }

  @Test
  void refusesATokenIssuedInTheFutureBeyondTheClockSkew() {
    CdsJwtVerifier verifier = verifier(ehr());

    assertThat(
            reason(
                () ->
                    verifier.verify(
                        ec.sign(valid().issueTime(Date.from(NOW.plusSeconds(120)))), AUD)))
        .isEqualTo(Reason.ISSUED_IN_FUTURE);
    assertThat(verifier.verify(ec.sign(valid().issueTime(Date.from(NOW.plusSeconds(30)))), AUD))
        .isNotNull();
  }

  @Test
  void refusesATokenNotYetValid() {
    CdsJwtVerifier verifier = verifier(ehr());

    assertThat(
            reason(
                () ->
                    verifier.verify(
                        ec.sign(valid().notBeforeTime(Date.from(NOW.plusSeconds(120)))), AUD)))
        .isEqualTo(Reason.NOT_YET_VALID);
    assertThat(verifier.verify(ec.sign(valid().notBeforeTime(Date.from(NOW.minusSeconds(5)))), AUD))
        .isNotNull();
  }

  @Test
  void refusesATokenLivingLongerThanTheMaximumLifetime() {
    CdsJwtVerifier verifier = verifier(ehr());

    assertThat(
            reason(
                () ->
                    verifier.verify(
                        ec.sign(valid().expirationTime(Date.from(NOW.plus(Duration.ofHours(2))))),
                        AUD)))
        .isEqualTo(Reason.LIFETIME_TOO_LONG);
    assertThat(
            verifier.verify(
                ec.sign(valid().expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))), AUD))
        .isNotNull();
  }

  @Test
  void refusesATokenMissingARequiredClaim() {
    CdsJwtVerifier verifier = verifier(ehr());

    assertThat(reason(() -> verifier.verify(ec.sign(valid().jwtID(null)), AUD)))
        .isEqualTo(Reason.MISSING_CLAIM);
    assertThat(reason(() -> verifier.verify(ec.sign(valid().jwtID("j".repeat(300))), AUD)))
        .isEqualTo(Reason.MISSING_CLAIM);
    assertThat(reason(() -> verifier.verify(ec.sign(valid().expirationTime(null)), AUD)))
        .isEqualTo(Reason.MISSING_CLAIM);
    assertThat(reason(() -> verifier.verify(ec.sign(valid().issueTime(null)), AUD)))
        .isEqualTo(Reason.MISSING_CLAIM);
    assertThat(reason(() -> verifier.verify(ec.sign(valid().subject(null)), AUD)))
        .isEqualTo(Reason.MISSING_CLAIM);
    assertThat(reason(() -> verifier.verify(ec.sign(valid().claim("exp", "soon")), AUD)))
        .isEqualTo(Reason.MALFORMED);
  }

  @Test
  void refusesAWrongOrMissingTenantWhereTheIssuerHasOne() {
    TrustedIssuer ehr = ehr();
    CdsJwtVerifier verifier =
        verifier(TrustedIssuers.keysAt(EHR, ehr.jwksUri()).tenant("hospital-7").build());

    assertThat(reason(() -> verifier.verify(ec.sign(valid().claim("tenant", "hospital-8")), AUD)))
        .isEqualTo(Reason.TENANT);
    assertThat(reason(() -> verifier.verify(ec.sign(valid()), AUD))).isEqualTo(Reason.TENANT);
    assertThat(verifier.verify(ec.sign(valid().claim("tenant", "hospital-7")), AUD).tenant())
        .isEqualTo("hospital-7");
  }

  @Test
  void refusesAReplayedJtiButNotTheSameJtiFromAnotherIssuer() {
    TrustedIssuer ehr = ehr();
    jwks.serve("/other", "{\"keys\":[" + rsa.key.toPublicJWK().toJSONString() + "]}");
    TrustedIssuer other =
        TrustedIssuers.keysAt("https://other.example.org", jwks.url("/other")).build();
    CdsJwtVerifier verifier = verifier(ehr, other);
    String token = ec.sign(valid().jwtID("once"));

    assertThat(verifier.verify(token, AUD)).isNotNull();
    assertThat(reason(() -> verifier.verify(token, AUD))).isEqualTo(Reason.REPLAY);
    assertThat(
            reason(
                () -> verifier.verify(ec.sign(valid().jwtID("once").subject("someone-else")), AUD)))
        .isEqualTo(Reason.REPLAY);
    assertThat(
            verifier.verify(
                rsa.sign(TestIssuer.claims("https://other.example.org", AUD, NOW).jwtID("once")),
                AUD))
        .isNotNull();
  }

  @Test
  void aReplayIsRefusedByAnotherReplicaSharingTheDatabase() {
    TrustedIssuer ehr = ehr();
    CdsJwtVerifier replicaA = verifier(ehr);
    CdsJwtVerifier replicaB = verifier(ehr);
    String token = ec.sign(valid());

    assertThat(replicaA.verify(token, AUD)).isNotNull();
    assertThat(reason(() -> replicaB.verify(token, AUD))).isEqualTo(Reason.REPLAY);
  }

  @Test
  void takesKeysFromAnAllowlistedJkuAndRefusesAnyOtherJku() {
    jwks.serve("/keys/2026", "{\"keys\":[" + ec.key.toPublicJWK().toJSONString() + "]}");
    jwks.serve("/evil", "{\"keys\":[" + ec.key.toPublicJWK().toJSONString() + "]}");
    jwks.serve("/jwks", "{\"keys\":[]}");
    CdsJwtVerifier verifier =
        verifier(TrustedIssuers.keysAt(EHR, jwks.url("/jwks")).jku(jwks.url("/keys/")).build());

    String viaJku = ec.sign(ec.header().jwkURL(URI.create(jwks.url("/keys/2026"))), valid());
    assertThat(verifier.verify(viaJku, AUD)).isNotNull();
    String evil = ec.sign(ec.header().jwkURL(URI.create(jwks.url("/evil"))), valid());
    assertThat(reason(() -> verifier.verify(evil, AUD))).isEqualTo(Reason.JKU_NOT_ALLOWED);
    String climbing = ec.sign(ec.header().jwkURL(URI.create(jwks.url("/keys/../evil"))), valid());
    assertThat(reason(() -> verifier.verify(climbing, AUD))).isEqualTo(Reason.JKU_NOT_ALLOWED);
    assertThat(jwks.hits("/evil")).isZero();
  }

  @Test
  void refetchesTheKeysOnceForAnUnknownKidThenRateLimits() {
    jwks.serve("/jwks", ec.publicJwks());
    CdsJwtVerifier verifier = verifier(TrustedIssuers.keysAt(EHR, jwks.url("/jwks")).build());
    assertThat(verifier.verify(ec.sign(valid()), AUD)).isNotNull();
    assertThat(jwks.hits("/jwks")).isEqualTo(1);

    // The EHR rotates to a new key: the first token with its kid makes us refetch.
    TestIssuer rotated = TestIssuer.ec("ehr-ec-2");
    jwks.serve("/jwks", rotated.publicJwks());
    assertThat(verifier.verify(rotated.sign(valid()), AUD)).isNotNull();
    assertThat(jwks.hits("/jwks")).isEqualTo(2);

    // A stream of made-up kids does not make us hammer the issuer.
    for (int i = 0; i < 20; i++) {
      String forged = TestIssuer.ec("made-up-" + i).sign(valid());
      assertThat(reason(() -> verifier.verify(forged, AUD)))
          .isIn(Reason.BAD_SIGNATURE, Reason.KEYS_UNAVAILABLE);
    }
    assertThat(jwks.hits("/jwks")).isLessThanOrEqualTo(3);
  }

  @Test
  void readsKeysFromALocalFileForOfflineDeployments() throws Exception {
    Path file = dir.resolve("ehr.jwks.json");
    Files.writeString(file, rsa.publicJwks());
    CdsJwtVerifier verifier = verifier(TrustedIssuers.keysIn(EHR, file.toString()).build());

    assertThat(verifier.verify(rsa.sign(valid()), AUD)).isNotNull();
    assertThat(reason(() -> verifier.verify(ec.sign(valid()), AUD)))
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void refusesWhenTheIssuersKeysCannotBeFetched() {
    CdsJwtVerifier verifier = verifier(TrustedIssuers.keysAt(EHR, jwks.url("/missing")).build());

    assertThat(reason(() -> verifier.verify(ec.sign(valid()), AUD)))
        .isEqualTo(Reason.KEYS_UNAVAILABLE);
  }

  @Test
  void refusesAJwksLargerThanTheLimitAndHttpThatIsNotLoopback() throws Exception {
    JwksRetriever retriever = new JwksRetriever(Duration.ofSeconds(2), 1024);
    jwks.serve("/big", "{\"keys\":[],\"pad\":\"" + "x".repeat(4096) + "\"}");

    assertThatThrownBy(() -> retriever.retrieveResource(URI.create(jwks.url("/big")).toURL()))
        .hasMessageContaining("larger than 1024");
    assertThatThrownBy(
            () -> retriever.retrieveResource(URI.create("http://ehr.example.org/jwks").toURL()))
        .hasMessageContaining("https");
    jwks.serve("/small", "{\"keys\":[]}");
    assertThat(retriever.retrieveResource(URI.create(jwks.url("/small")).toURL()).getContent())
        .isEqualTo("{\"keys\":[]}");
    assertThatThrownBy(() -> retriever.retrieveResource(URI.create(jwks.url("/absent")).toURL()))
        .hasMessageContaining("404");
  }
}
