package org.stomacds.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.stomacds.fixtures.jwt.AccessToken;
import org.stomacds.fixtures.jwt.CdsHooksJwt;
import org.stomacds.fixtures.jwt.TokenSigner;

/**
 * The suite's EHR and authorization server: fresh RSA keys each run, whose public JWK Sets the
 * servers are configured to trust, so the servers run secured as deployed. CDS Hooks JWTs are RS384
 * (what Epic signs with); every call gets a token of its own (each {@code jti} is accepted once),
 * signed before the measured window starts.
 */
final class Tokens {

  static final String EHR = "https://ehr.bench.stomacds.org";
  static final String EHR_CLIENT = "bench-ehr-client";
  static final String AUTHORIZATION_SERVER = "https://auth.bench.stomacds.org";

  /** Long enough for the soak's tokens, signed before it starts; the server is told to allow it. */
  static final Duration LIFETIME = Duration.ofMinutes(15);

  private final TokenSigner ehr = TokenSigner.generateRsa("bench-ehr");
  private final TokenSigner authorizationServer = TokenSigner.generateRsa("bench-auth");
  private final Path ehrJwks;
  private final Path authJwks;

  Tokens(Path directory) throws IOException {
    Files.createDirectories(directory);
    ehrJwks = directory.resolve("ehr.jwks.json");
    authJwks = directory.resolve("auth.jwks.json");
    Files.writeString(ehrJwks, ehr.publicJwkSetJson());
    Files.writeString(authJwks, authorizationServer.publicJwkSetJson());
  }

  /** Server arguments that trust these issuers. */
  List<String> serverArguments() {
    return List.of(
        "--stomacds.cds.security.issuers[0].iss=" + EHR,
        "--stomacds.cds.security.issuers[0].jwks-file=file:" + ehrJwks.toAbsolutePath(),
        "--stomacds.cds.security.max-token-lifetime=" + LIFETIME.toMinutes() + "m",
        "--stomacds.security.token-issuers[0].iss=" + AUTHORIZATION_SERVER,
        "--stomacds.security.token-issuers[0].jwks-file=file:" + authJwks.toAbsolutePath());
  }

  /** One CDS Hooks JWT for one call of this endpoint (its full URL). */
  String cdsHooks(String endpointUrl) {
    return ehr.sign(CdsHooksJwt.of(EHR, EHR_CLIENT, endpointUrl).withLifetime(LIFETIME));
  }

  /** {@code count} tokens for calls of this endpoint, signed on every core. */
  String[] cdsHooks(String endpointUrl, int count) {
    return IntStream.range(0, count)
        .parallel()
        .mapToObj(i -> cdsHooks(endpointUrl))
        .toArray(String[]::new);
  }

  /** An access token for {@code /fhir} with full access. */
  String accessToken() {
    return authorizationServer.sign(
        AccessToken.of(AUTHORIZATION_SERVER, "bench-client", "system/*.read", "system/*.write")
            .withLifetime(Duration.ofHours(2)));
  }
}
