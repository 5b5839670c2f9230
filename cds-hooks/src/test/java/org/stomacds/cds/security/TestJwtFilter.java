package org.stomacds.cds.security;

import jakarta.servlet.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import org.stomacds.cds.security.CdsSecurityProperties.TrustedIssuer;
import org.stomacds.cds.url.PublicEndpoints;

/**
 * The real JWT filter for tests outside this package: one trusted issuer ({@link #EHR}) whose key
 * set is a file (nothing fetched), its replay memory on the given DataSource.
 */
public final class TestJwtFilter {

  public static final String EHR = "https://ehr.example.org";
  private static final TestIssuer KEY = TestIssuer.ec("ehr-harness-1");

  private TestJwtFilter() {}

  /**
   * @param dataSource the one the hook service's rows are written to, so a hook call's first use
   *     joins their transaction, as in the application
   */
  public static Filter of(DataSource dataSource, PublicEndpoints endpoints) {
    Path jwks;
    try {
      jwks = Files.createTempFile("harness-jwks", ".json");
      Files.writeString(jwks, KEY.publicJwks());
      jwks.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TrustedIssuer ehr = TrustedIssuers.keysIn(EHR, jwks.toString()).build();
    CdsJwtVerifier verifier = verifier(List.of(ehr), dataSource, Clock.systemUTC());
    return new CdsJwtFilter(verifier, endpoints, false);
  }

  /**
   * A verifier with the application's default windows and limits (60 s clock skew, 5 min token
   * life, 1 h replay memory, 2 s key fetch of at most 64 KB cached 15 min, refreshed after 30 s),
   * its replay memory on the given DataSource.
   */
  public static CdsJwtVerifier verifier(
      List<TrustedIssuer> issuers, DataSource dataSource, Clock clock) {
    CdsSecurityProperties properties =
        new CdsSecurityProperties(
            issuers,
            List.of(),
            Duration.ofSeconds(60),
            Duration.ofMinutes(5),
            Duration.ofHours(1),
            Duration.ofSeconds(2),
            DataSize.ofKilobytes(64),
            Duration.ofMinutes(15),
            Duration.ofSeconds(30));
    return new CdsJwtVerifier(
        properties,
        new KeySources(
            Duration.ofSeconds(2), 64 * 1024, Duration.ofMinutes(15), Duration.ofSeconds(30)),
        new JtiReplayCache(new JdbcTemplate(dataSource), clock),
        clock);
  }

  /** A valid token of {@link #EHR} for this endpoint URL, with a fresh jti. */
  public static String token(String endpointUrl) {
    return KEY.sign(TestIssuer.claims(EHR, endpointUrl, Instant.now()));
  }
}
