package org.stomacds.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.stomacds.cds.prefetch.PublicEndpoints;

/**
 * The secured application, one Spring context shared by every integration test class that extends
 * this (same annotations, so Spring's test context cache boots it once): in-memory H2, a fresh
 * Lucene directory, loopback, the test issuers trusted ({@link TestTokens#PROFILE}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "spring.datasource.url=jdbc:h2:mem:secured-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "stomacds.fhir.data-dir=${java.io.tmpdir}/stomacds-it/${random.uuid}",
      "stomacds.security.max-fhir-body-size=1MB",
      "stomacds.cds.max-body-size=1MB",
      "stomacds.cds.allowed-origins=https://sandbox.cds-hooks.org"
    })
@ActiveProfiles(TestTokens.PROFILE)
public abstract class SecuredApplication {

  protected static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort protected int port;
  @Autowired protected PublicEndpoints publicEndpoints;

  protected String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** The aud of a CDS Hooks JWT for this endpoint: the public base URL + path. */
  protected String audience(String path) {
    return publicEndpoints.url(path);
  }

  protected HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
  }

  protected static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
