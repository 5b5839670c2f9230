package org.stomacds.cds.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import org.stomacds.cds.url.CanonicalUrl;

/**
 * Builds Nimbus key sources for an issuer's keys: cached, refetched when a token names an unknown
 * {@code kid} (key rotation) but at most once per interval (so a flood of tokens with made-up
 * {@code kid}s cannot make us hammer the issuer), fetched only through a {@link JwksRetriever}.
 */
public final class KeySources {

  private final JwksRetriever retriever;
  private final long maxBytes;
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
    this.maxBytes = maxBytes;
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
   * rotate keys). {@code classpath:} locations are resolved to a file; one packaged inside a jar
   * (which cannot change while the application runs) is read once, at start-up.
   */
  public JWKSource<SecurityContext> file(String location) {
    if (location.startsWith("classpath:")) {
      URL resource = classpathResource(location);
      if (!"file".equals(resource.getProtocol())) {
        return packaged(location, resource);
      }
    }
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

  private JWKSource<SecurityContext> packaged(String location, URL resource) {
    try (InputStream in = resource.openStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new IllegalArgumentException(
            "JWK Set " + location + " is larger than " + maxBytes + " bytes");
      }
      return new ImmutableJWKSet<>(JWKSet.parse(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("JWK Set " + location + " cannot be read", e));
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "JWK Set " + location + " is not a JWK Set (" + e.getMessage() + ")");
    }
  }

  private static URL classpathResource(String location) {
    String name = location.substring("classpath:".length()).replaceFirst("^/", "");
    URL resource = Thread.currentThread().getContextClassLoader().getResource(name);
    if (resource == null) {
      throw new IllegalArgumentException("JWK Set " + location + " is not on the classpath");
    }
    return resource;
  }

  private static Path resolve(String location) {
    if (location.startsWith("classpath:")) {
      URL resource = classpathResource(location);
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
