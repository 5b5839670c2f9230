package org.stomacds.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stomacds.cds.security.CdsAuthenticationException.Reason;
import org.stomacds.cds.url.CanonicalUrl;

/** The bound on the key sources a {@code jku} may create, and on the fetches they cause. */
class JkuKeysTest {

  private static final JWKSource<SecurityContext> OWN = new ImmutableJWKSet<>(new JWKSet());
  private static final JWKSource<SecurityContext> EXACT = new ImmutableJWKSet<>(new JWKSet());

  private final List<CanonicalUrl> built = new CopyOnWriteArrayList<>();
  private final AtomicInteger prechecks = new AtomicInteger();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  private JkuKeys keys() {
    return new JkuKeys(
        Map.of(
            CanonicalUrl.parse("https://ehr.test/jwks.json").get(), OWN,
            CanonicalUrl.parse("https://sandbox.test/.well-known/jwks.json").get(), EXACT),
        List.of(CanonicalUrl.parse("https://ehr.test/keys/").get()),
        url -> {
          built.add(url);
          return new ImmutableJWKSet<>(new JWKSet());
        },
        Duration.ofSeconds(30),
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        });
  }

  private Runnable precheck() {
    return prechecks::incrementAndGet;
  }

  @Test
  void exactUrlsUseTheSourcesBuiltAtStartUpWhateverTheSpelling() {
    JkuKeys keys = keys();
    assertThat(keys.sourceFor("https://ehr.test/jwks.json", precheck())).isSameAs(OWN);
    assertThat(keys.sourceFor("HTTPS://EHR.test:443/jwks.json", precheck())).isSameAs(OWN);
    assertThat(keys.sourceFor("https://sandbox.test/.well-known/jwks.json", precheck()))
        .isSameAs(EXACT);
    assertThat(built).isEmpty();
    assertThat(prechecks).hasValue(0);
  }

  @Test
  void aFloodOfNewUrlsUnderAPrefixBuildsOneSourceAndFetchesNoMore() {
    JkuKeys keys = keys();
    int refused = 0;
    for (int i = 0; i < 40; i++) {
      try {
        keys.sourceFor("https://ehr.test/keys/r" + i + ".json", precheck());
      } catch (CdsAuthenticationException e) {
        assertThat(e.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE);
        refused++;
      }
    }
    assertThat(built).hasSize(1);
    assertThat(refused).isEqualTo(39);
    assertThat(keys.learnedCount()).isEqualTo(1);
  }

  @Test
  void learnsAtMostAFewUrlsPerIssuerAndForgetsThoseWhoseKeysFailed() {
    JkuKeys keys = keys();
    for (int i = 0; i < 50; i++) {
      now = now.plusSeconds(31);
      keys.sourceFor("https://ehr.test/keys/r" + i + ".json", precheck());
    }
    assertThat(keys.learnedCount()).isEqualTo(JkuKeys.MAX_LEARNED);
    keys.forget("https://ehr.test/keys/r49.json");
    assertThat(keys.learnedCount()).isEqualTo(JkuKeys.MAX_LEARNED - 1);
    keys.forget("https://ehr.test/jwks.json");
    assertThat(keys.sourceFor("https://ehr.test/jwks.json", precheck())).isSameAs(OWN);
  }

  @Test
  void aKnownUrlIsReusedWithoutANewFetchOrBudget() {
    JkuKeys keys = keys();
    JWKSource<SecurityContext> first = keys.sourceFor("https://ehr.test/keys/a.json", precheck());
    assertThat(keys.sourceFor("https://EHR.test/keys/%61.json", precheck())).isSameAs(first);
    assertThat(built).hasSize(1);
  }

  @Test
  void theClaimsAreCheckedBeforeANewUrlCostsAFetch() {
    JkuKeys keys = keys();
    assertThatThrownBy(
            () ->
                keys.sourceFor(
                    "https://ehr.test/keys/a.json",
                    () -> {
                      throw new CdsAuthenticationException(Reason.AUDIENCE);
                    }))
        .isInstanceOf(CdsAuthenticationException.class);
    assertThat(built).isEmpty();
    // ...and a refused precheck spends no budget.
    keys.sourceFor("https://ehr.test/keys/b.json", precheck());
    assertThat(built).hasSize(1);
  }

  @Test
  void refusesWithoutAnyFetchWhatIsNotAllowedOrNotPlain() {
    JkuKeys keys = keys();
    for (String jku :
        List.of(
            "https://ehr.test/keys/%2e%2e/evil.json",
            "https://ehr.test/keys/../evil.json",
            "https://ehr.test/keys/..;/evil.json",
            "https://ehr.test/keys/%252e%252e/evil.json",
            "https://ehr.test/keys/..%2fevil.json",
            "https://ehr.test/keys//evil.json",
            "https://ehr.test@evil.test/keys/a.json",
            "https://ehr.test.evil.test/keys/a.json",
            "https://ehr.test/keys/a.json?x",
            "https://ehr.test/keys/a.json#x",
            "https://ehr.test/keys/",
            "https://ehr.test/keysx/a.json",
            "https://ehr.test/jwks.json/../keys/a.json",
            "http://ehr.test/keys/a.json",
            "https://evil.test/jwks.json")) {
      assertThatThrownBy(() -> keys.sourceFor(jku, precheck()))
          .as(jku)
          .isInstanceOf(CdsAuthenticationException.class)
          .extracting(e -> ((CdsAuthenticationException) e).reason())
          .isEqualTo(Reason.JKU_NOT_ALLOWED);
    }
    assertThat(built).isEmpty();
    assertThat(prechecks).hasValue(0);
  }
}
