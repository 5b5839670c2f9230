package org.stomacds.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stomacds.cds.security.CdsAuthenticationException.Reason;
import org.stomacds.cds.store.StomacdsSchema;

/** Every call of an issuer is checked by that issuer's one processor, built at start-up. */
class IssuerProcessorTest {

  static final String EHR = "https://ehr.example.org";
  static final String OTHER = "https://other-ehr.example.org";
  static final String AUD = "https://cds.example.org/cds-services/cpt-44405-order-sign";
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  static final TestIssuer ehrKey = TestIssuer.ec("ehr-ec-1");
  static final TestIssuer otherKey = TestIssuer.rsa("other-rsa-1");
  final JwksServer jwks =
      new JwksServer()
          .serve("/ehr", ehrKey.publicJwks())
          .serve("/other", otherKey.publicJwks())
          .serve("/keys/2026", ehrKey.publicJwks());
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterEach
  void stop() {
    jwks.close();
  }

  private CdsJwtVerifier verifier() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:processors-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StomacdsSchema.flyway(h2).migrate();
    return TestJwtFilter.verifier(
        List.of(
            TrustedIssuers.keysAt(EHR, jwks.url("/ehr")).jku(jwks.url("/keys/")).build(),
            TrustedIssuers.keysAt(OTHER, jwks.url("/other")).build()),
        h2,
        clock);
  }

  @Test
  void callsOfOneIssuerReuseItsProcessorAndAnotherIssuerHasItsOwn() {
    CdsJwtVerifier verifier = verifier();
    IssuerProcessor ehr = verifier.processor(EHR);
    IssuerProcessor other = verifier.processor(OTHER);
    assertThat(ehr).isNotNull().isNotSameAs(other);
    assertThat(other).isNotNull();

    // Two calls of the same issuer, one with its own keys and one with keys its jku selects.
    verifier.verify(ehrKey.sign(TestIssuer.claims(EHR, AUD, NOW)), AUD);
    String viaJku =
        ehrKey.sign(
            ehrKey.header().jwkURL(URI.create(jwks.url("/keys/2026"))),
            TestIssuer.claims(EHR, AUD, NOW));
    assertThat(verifier.verify(viaJku, AUD).issuer()).isEqualTo(EHR);

    assertThat(verifier.processor(EHR)).isSameAs(ehr);
    assertThat(ehr.checked()).isEqualTo(2);
    assertThat(other.checked()).isZero();

    assertThat(verifier.verify(otherKey.sign(TestIssuer.claims(OTHER, AUD, NOW)), AUD).issuer())
        .isEqualTo(OTHER);
    assertThat(verifier.processor(OTHER)).isSameAs(other);
    assertThat(other.checked()).isEqualTo(1);
    assertThat(ehr.checked()).isEqualTo(2);
  }

  @Test
  void anIssuersProcessorVerifiesOnlyWithThatIssuersKeys() {
    CdsJwtVerifier verifier = verifier();
    // Signed by the other issuer's key but claiming to be EHR: EHR's processor has only EHR's keys.
    String forged = otherKey.sign(TestIssuer.claims(EHR, AUD, NOW));

    CdsAuthenticationException refused = null;
    try {
      verifier.verify(forged, AUD);
    } catch (CdsAuthenticationException e) {
      refused = e;
    }

    assertThat(refused).isNotNull();
    assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(verifier.processor(EHR).checked()).isEqualTo(1);
    assertThat(verifier.verify(ehrKey.sign(TestIssuer.claims(EHR, AUD, NOW)), AUD)).isNotNull();
  }
}
