package org.stomacds.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import org.stomacds.cds.security.CdsAuthenticationException.Reason;
import org.stomacds.cds.security.CdsSecurityProperties.JkuKeySource;
import org.stomacds.cds.security.CdsSecurityProperties.TrustedIssuer;
import org.stomacds.cds.store.StomacdsSchema;

/**
 * A client like the public CDS Hooks sandbox: it always sends a {@code jku}, and no {@code sub}.
 * The two per-issuer settings that let such a client in ({@code jku-keys: jwks-file}, {@code
 * allow-missing-sub}) relax exactly that, for that issuer, and nothing else.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxIssuerTest {

  static final String SANDBOX = "https://sandbox.cds-hooks.org";
  static final String AUD = "https://cds.example.org/cds-services/cpt-44405-order-sign";
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  static final TestIssuer sandboxKey = TestIssuer.ec("sandbox-test-key");
  static final TestIssuer attackerKey = TestIssuer.ec("sandbox-test-key");

  @TempDir Path dir;
  final JwksServer jwks = new JwksServer();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterEach
  void stop() {
    jwks.close();
  }

  /** The sandbox's jku, played by our loopback key server: any fetch of it is counted. */
  private String jku() {
    return jwks.url("/.well-known/jwks.json");
  }

  private String keysFile(TestIssuer key) throws Exception {
    Path file = dir.resolve("sandbox-" + UUID.randomUUID() + ".jwks.json");
    Files.writeString(file, key.publicJwks());
    return file.toString();
  }

  private TrustedIssuer sandbox(JkuKeySource jkuKeys, boolean allowMissingSub) throws Exception {
    return TrustedIssuers.keysIn(SANDBOX, keysFile(sandboxKey))
        .jku(jku())
        .jkuKeys(jkuKeys)
        .allowMissingSub(allowMissingSub)
        .build();
  }

  private CdsJwtVerifier verifier(TrustedIssuer... issuers) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StomacdsSchema.flyway(h2).migrate();
    return new CdsJwtVerifier(
        new CdsSecurityProperties(
            List.of(issuers),
            List.of(),
            Duration.ofSeconds(60),
            Duration.ofMinutes(5),
            Duration.ofHours(1),
            Duration.ofSeconds(2),
            DataSize.ofKilobytes(64),
            Duration.ofMinutes(15),
            Duration.ofSeconds(30)),
        new KeySources(
            Duration.ofSeconds(2), 64 * 1024, Duration.ofMinutes(15), Duration.ofSeconds(30)),
        new JtiReplayCache(new JdbcTemplate(h2), clock),
        clock);
  }

  /** The sandbox's claims: iss, aud, exp 300 s after iat, iat, jti; no sub. */
  private static JWTClaimsSet.Builder sandboxClaims() {
    return new JWTClaimsSet.Builder()
        .issuer(SANDBOX)
        .audience(AUD)
        .expirationTime(Date.from(NOW.plusSeconds(300)))
        .issueTime(Date.from(NOW))
        .jwtID(UUID.randomUUID().toString());
  }

  /** Signed as the sandbox signs: ES384, typ JWT, its kid and its jku in the header. */
  private String sandboxToken(TestIssuer key, String jku, JWTClaimsSet.Builder claims) {
    return key.sign(key.header().jwkURL(URI.create(jku)), claims);
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
  void acceptsTheSandboxsTokenWithKeysFromTheFileNeverFetchingItsJku() throws Exception {
    // The jku would serve the right key, so only the hit count tells a fetch from the file.
    jwks.serve("/.well-known/jwks.json", sandboxKey.publicJwks());
    CdsJwtVerifier verifier = verifier(sandbox(JkuKeySource.JWKS_FILE, true));

    CdsCaller caller = verifier.verify(sandboxToken(sandboxKey, jku(), sandboxClaims()), AUD);

    assertThat(caller).isEqualTo(new CdsCaller(SANDBOX, null, null));
    assertThat(jwks.hits("/.well-known/jwks.json")).isZero();
  }

  @Test
  void refusesAKeyServedAtTheListedJkuButNotInTheFile() throws Exception {
    jwks.serve("/.well-known/jwks.json", attackerKey.publicJwks());
    CdsJwtVerifier verifier = verifier(sandbox(JkuKeySource.JWKS_FILE, true));

    String forged = sandboxToken(attackerKey, jku(), sandboxClaims());

    assertThat(reason(() -> verifier.verify(forged, AUD))).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(jwks.hits("/.well-known/jwks.json")).isZero();
  }

  @Test
  void refusesAJkuNotListedWithoutFetchingIt() throws Exception {
    jwks.serve("/other.json", sandboxKey.publicJwks());
    CdsJwtVerifier verifier = verifier(sandbox(JkuKeySource.JWKS_FILE, true));

    String other = sandboxToken(sandboxKey, jwks.url("/other.json"), sandboxClaims());
    String climbing =
        sandboxToken(sandboxKey, jwks.url("/.well-known/x/../jwks.json"), sandboxClaims());

    assertThat(reason(() -> verifier.verify(other, AUD))).isEqualTo(Reason.JKU_NOT_ALLOWED);
    assertThat(reason(() -> verifier.verify(climbing, AUD))).isEqualTo(Reason.JKU_NOT_ALLOWED);
    assertThat(jwks.hits("/other.json")).isZero();
  }

  @Test
  void takesTheFilesKeysForATokenWithoutJkuToo() throws Exception {
    CdsJwtVerifier verifier = verifier(sandbox(JkuKeySource.JWKS_FILE, true));

    assertThat(verifier.verify(sandboxKey.sign(sandboxClaims()), AUD).issuer()).isEqualTo(SANDBOX);
  }

  @Test
  void withoutJkuKeysFromTheFileAListedJkuIsFetchedAsBefore() throws Exception {
    CdsJwtVerifier verifier = verifier(sandbox(JkuKeySource.FETCH, true));

    // The offline case the integrator reported: the listed jku is fetched, and it cannot be.
    assertThat(reason(() -> verifier.verify(sandboxToken(sandboxKey, jku(), sandboxClaims()), AUD)))
        .isEqualTo(Reason.KEYS_UNAVAILABLE);
    assertThat(jwks.hits("/.well-known/jwks.json")).isEqualTo(1);
  }

  @Test
  void refusesATokenWithoutSubFromAnIssuerNotOptedOut() throws Exception {
    CdsJwtVerifier verifier = verifier(sandbox(JkuKeySource.JWKS_FILE, false));

    assertThat(reason(() -> verifier.verify(sandboxToken(sandboxKey, jku(), sandboxClaims()), AUD)))
        .isEqualTo(Reason.MISSING_CLAIM);
    assertThat(
            verifier
                .verify(sandboxToken(sandboxKey, jku(), sandboxClaims().subject("client-1")), AUD)
                .subject())
        .isEqualTo("client-1");
  }

  @Test
  void theOptOutIsPerIssuer() throws Exception {
    TestIssuer ehrKey = TestIssuer.ec("ehr-1");
    Path ehrKeys = dir.resolve("ehr.jwks.json");
    Files.writeString(ehrKeys, ehrKey.publicJwks());
    TrustedIssuer ehr =
        TrustedIssuers.keysIn("https://ehr.example.org", ehrKeys.toString()).build();
    CdsJwtVerifier verifier = verifier(sandbox(JkuKeySource.JWKS_FILE, true), ehr);

    String ehrWithoutSub = ehrKey.sign(sandboxClaims().issuer("https://ehr.example.org"));

    assertThat(reason(() -> verifier.verify(ehrWithoutSub, AUD))).isEqualTo(Reason.MISSING_CLAIM);
    assertThat(verifier.verify(sandboxToken(sandboxKey, jku(), sandboxClaims()), AUD)).isNotNull();
  }

  @Test
  void theOptOutLetsOnlyAnAbsentSubThroughAndKeepsEveryOtherRule() throws Exception {
    TrustedIssuer listed =
        TrustedIssuers.keysIn(SANDBOX, keysFile(sandboxKey))
            .jku(jku())
            .jkuKeys(JkuKeySource.JWKS_FILE)
            .allowMissingSub(true)
            .subjects("sandbox-client")
            .build();
    CdsJwtVerifier verifier = verifier(listed);

    assertThat(
            reason(
                () ->
                    verifier.verify(
                        sandboxToken(sandboxKey, jku(), sandboxClaims().subject("")), AUD)))
        .as("a blank sub")
        .isEqualTo(Reason.MISSING_CLAIM);
    assertThat(
            reason(
                () ->
                    verifier.verify(
                        sandboxToken(sandboxKey, jku(), sandboxClaims().subject("stranger")), AUD)))
        .as("a sub not on the issuer's list")
        .isEqualTo(Reason.UNTRUSTED_SUBJECT);
    assertThat(
            reason(
                () ->
                    verifier.verify(
                        sandboxToken(sandboxKey, jku(), sandboxClaims().jwtID(null)), AUD)))
        .isEqualTo(Reason.MISSING_CLAIM);
    assertThat(
            reason(
                () ->
                    verifier.verify(
                        sandboxToken(sandboxKey, jku(), sandboxClaims().audience(AUD + "-other")),
                        AUD)))
        .isEqualTo(Reason.AUDIENCE);
    assertThat(
            reason(
                () ->
                    verifier.verify(
                        sandboxToken(
                            sandboxKey,
                            jku(),
                            sandboxClaims().expirationTime(Date.from(NOW.plusSeconds(3600)))),
                        AUD)))
        .isEqualTo(Reason.LIFETIME_TOO_LONG);
    String once = sandboxToken(sandboxKey, jku(), sandboxClaims());
    assertThat(verifier.verify(once, AUD).subject()).isNull();
    assertThat(reason(() -> verifier.verify(once, AUD))).isEqualTo(Reason.REPLAY);
    assertThat(
            verifier
                .verify(
                    sandboxToken(sandboxKey, jku(), sandboxClaims().subject("sandbox-client")), AUD)
                .subject())
        .isEqualTo("sandbox-client");
  }

  @Test
  void warnsAtStartUpNamingAnIssuerThatMayOmitSub(CapturedOutput output) throws Exception {
    verifier(sandbox(JkuKeySource.JWKS_FILE, false));
    assertThat(output.getAll()).doesNotContain("allow-missing-sub");

    verifier(sandbox(JkuKeySource.JWKS_FILE, true));

    assertThat(output.getAll())
        .containsPattern(
            "WARN .*CDS Hooks issuer https://sandbox\\.cds-hooks\\.org: tokens WITHOUT a sub"
                + " claim are accepted \\(allow-missing-sub\\)")
        .contains("jku-keys: jwks-file");
  }

  @Test
  void aMissingKeysFileStopsTheStartNamingTheKey() {
    TrustedIssuer missing =
        TrustedIssuers.keysIn(SANDBOX, dir.resolve("absent.jwks.json").toString())
            .jku(jku())
            .jkuKeys(JkuKeySource.JWKS_FILE)
            .allowMissingSub(true)
            .build();

    assertThatThrownBy(() -> verifier(missing))
        .hasMessageContaining("stomacds.cds.security.issuers[0].jwks-file")
        .hasMessageContaining("absent.jwks.json");
  }
}
