package org.stomacds.cds.security;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.stomacds.cds.url.CanonicalUrl;
import org.stomacds.cds.url.Loopback;

/**
 * Fetches JWK Sets for Nimbus' key sources: over https (plain http only on loopback), with a
 * connect and read timeout, no redirects (a redirect could lead anywhere), and a size limit, and
 * only from a URL in {@link CanonicalUrl canonical form} (what an allowlist compared); or from a
 * local file, for deployments that cannot reach the issuer. Anything else is refused before a
 * connection is made.
 */
public final class JwksRetriever implements ResourceRetriever {

  private final HttpClient http;
  private final Duration timeout;
  private final long maxBytes;

  public JwksRetriever(Duration timeout, long maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("not a valid JWKS URL");
    }
    if ("file".equalsIgnoreCase(uri.getScheme())) {
      return file(Path.of(uri));
    }
    if (!Loopback.isHttpsOrLoopbackHttp(uri)) {
      throw new IOException("JWKS URLs must be https (plain http only on loopback)");
    }
    // What was allowed is what is fetched: only a URL already in canonical form goes out.
    String text = url.toString();
    if (CanonicalUrl.parseWithQuery(text).filter(c -> c.toString().equals(text)).isEmpty()) {
      throw new IOException("JWKS URL is not in canonical form; not fetched");
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/jwk-set+json, application/json")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching a JWKS");
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("JWKS fetch answered HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new IOException("JWKS larger than " + maxBytes + " bytes");
      }
      return new Resource(
          new String(bytes, StandardCharsets.UTF_8),
          response.headers().firstValue("Content-Type").orElse(null));
    }
  }

  private Resource file(Path path) throws IOException {
    if (Files.size(path) > maxBytes) {
      throw new IOException("JWKS file larger than " + maxBytes + " bytes");
    }
    return new Resource(Files.readString(path, StandardCharsets.UTF_8), "application/json");
  }
}
