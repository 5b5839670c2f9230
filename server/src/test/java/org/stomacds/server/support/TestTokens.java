package org.stomacds.server.support;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.stomacds.fixtures.jwt.AccessToken;
import org.stomacds.fixtures.jwt.CdsHooksJwt;
import org.stomacds.fixtures.jwt.TokenSigner;

/**
 * Tokens for integration tests against the secured application. Activate the profile {@value
 * #PROFILE} (it trusts the test EHR and the test authorization server), then:
 *
 * <ul>
 *   <li>{@code /cds-services}: {@code Authorization: Bearer } + {@link #cdsHooks(String)} with the
 *       endpoint's public URL ({@code stomacds.public-base-url} + path); a fresh token per call
 *       (each {@code jti} is accepted once);
 *   <li>{@code /fhir}: {@link #accessToken(String...)} with SMART scopes, or {@link
 *       #fhirClientAuthorization(String...)} on a HAPI generic client.
 * </ul>
 */
public final class TestTokens {

  /** The Spring profile trusting the test issuers ({@code application-test-issuers.yaml}). */
  public static final String PROFILE = "test-issuers";

  public static final String EHR = "https://ehr.test.stomacds.org";
  public static final String EHR_CLIENT = "test-ehr-client";
  public static final String AUTHORIZATION_SERVER = "https://auth.test.stomacds.org";

  /** Read and write of every resource type. */
  public static final String[] FULL_ACCESS = {"system/*.read", "system/*.write"};

  private static final TokenSigner EHR_KEY = signer("security/test-ehr-es384.private.jwk.json");
  private static final TokenSigner EHR_RSA_KEY = signer("security/test-ehr-rs384.private.jwk.json");
  private static final TokenSigner AUTHORIZATION_SERVER_KEY =
      signer("security/test-auth-server.private.jwk.json");

  private TestTokens() {}

  /** The test EHR's ES384 key. */
  public static TokenSigner ehr() {
    return EHR_KEY;
  }

  /** The test EHR's RS384 key (also in its JWK Set). */
  public static TokenSigner ehrRsa() {
    return EHR_RSA_KEY;
  }

  public static TokenSigner authorizationServer() {
    return AUTHORIZATION_SERVER_KEY;
  }

  /** The claims of a valid CDS Hooks JWT for this endpoint (adjust them to build bad ones). */
  public static CdsHooksJwt cdsHooksClaims(String endpointUrl) {
    return CdsHooksJwt.of(EHR, EHR_CLIENT, endpointUrl);
  }

  /** A valid CDS Hooks JWT for one call of this endpoint (its full public URL). */
  public static String cdsHooks(String endpointUrl) {
    return EHR_KEY.sign(cdsHooksClaims(endpointUrl));
  }

  /** A valid access token with these SMART scopes. */
  public static String accessToken(String... scopes) {
    return AUTHORIZATION_SERVER_KEY.sign(
        AccessToken.of(AUTHORIZATION_SERVER, "test-client", scopes));
  }

  /** For a HAPI generic client: every request gets a fresh access token with these scopes. */
  public static IClientInterceptor fhirClientAuthorization(String... scopes) {
    return new IClientInterceptor() {
      @Override
      public void interceptRequest(IHttpRequest request) {
        request.addHeader("Authorization", "Bearer " + accessToken(scopes));
      }

      @Override
      public void interceptResponse(IHttpResponse response) {}
    };
  }

  private static TokenSigner signer(String resource) {
    try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test key " + resource + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TokenSigner.fromJwk(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
