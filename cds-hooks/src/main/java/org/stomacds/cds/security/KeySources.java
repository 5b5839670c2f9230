package org.stomacds.cds.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds Nimbus key sources for an issuer's keys: cached, refetched when a token names an unknown
 * {@code kid} (key rotation) but at most once per interval (so a flood of tokens with made-up
 * {@code kid}s cannot make us hammer the issuer), fetched only through a {@link JwksRetriever}.
 */
public final class KeySources {

  private final JwksRetriever retriever;
  private final Duration cacheTtl;
  private final Duration minRefetchInterval;
  private final Duration timeout;

  /**
   * @param timeout connect and read timeout of each fetch
   * @param maxBytes largest JWK Set accepted
   * @param cacheTtl how long fetched keys are used before being fetched again
   * @param minRefetchInterval least time between two fetches of the same set
   */
  public KeySources(
      Duration timeout, long maxBytes, Duration cacheTtl, Duration minRefetchInterval) {
    this.retriever = new JwksRetriever(timeout, maxBytes);
    this.timeout = timeout;
    this.cacheTtl = cacheTtl;
    this.minRefetchInterval = minRefetchInterval;
  }

  /**
   * Keys fetched from an https URL (plain http only on loopback), in its {@link CanonicalUrl
   * canonical form} (a query is allowed: some authorization servers have one).
   */
  public JWKSource<SecurityContext> url(String url) {
    CanonicalUrl canonical;
    try {
      canonical = CanonicalUrl.of(url, true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a JWKS URL: " + url + " (" + e.getMessage() + ")");
    }
    return url(canonical);
  }

  /** Keys fetched from exactly this URL. */
  JWKSource<SecurityContext> url(CanonicalUrl url) {
    try {
      return build(url.toUri().toURL());
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a JWKS URL: " + url);
    }
  }

  /**
   * Keys read from a local JWK Set file, re-read on the same schedule as a URL (replace the file to
   * rotate keys). {@code classpath:} locations are resolved to a file.
   */
  public JWKSource<SecurityContext> file(String location) {
    Path path = resolve(location);
    if (!Files.isReadable(path)) {
      throw new UncheckedIOException(
          new IOException("JWK Set file " + path + " does not exist or is not readable"));
    }
    try {
      return build(path.toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a JWK Set file: " + location);
    }
  }

  private JWKSource<SecurityContext> build(URL url) {
    long refetch = minRefetchInterval.toMillis();
    return JWKSourceBuilder.<SecurityContext>create(url, retriever)
        .cache(Math.max(cacheTtl.toMillis(), refetch + 1), timeout.toMillis() + 1_000)
        .rateLimited(refetch)
        .retrying(false)
        .build();
  }

  private static Path resolve(String location) {
    if (location.startsWith("classpath:")) {
      String name = location.substring("classpath:".length()).replaceFirst("^/", "");
      URL resource = Thread.currentThread().getContextClassLoader().getResource(name);
      if (resource == null || !"file".equals(resource.getProtocol())) {
        throw new IllegalArgumentException(
            "JWK Set " + location + " is not a file on the classpath; give a file path instead");
      }
      try {
        return Path.of(resource.toURI());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("JWK Set " + location + " cannot be read");
      }
    }
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location));
    }
    return Path.of(location);
  }
}
