package org.stomacds.cds.prefetch;

import java.net.URI;
import java.util.Optional;
import org.stomacds.cds.security.CanonicalUrl;

/**
 * This application's public addresses, from {@code stomacds.public-base-url}: the FHIR base a
 * client names as {@code fhirServer} when it shares our store, and the base of the links on cards.
 *
 * @param baseUrl e.g. {@code http://localhost:8080}, no trailing slash
 */
public record PublicEndpoints(String baseUrl) {

  public PublicEndpoints {
    URI uri = URI.create(baseUrl);
    if (!uri.isAbsolute()
        || uri.getHost() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException(
          "stomacds.public-base-url must be an absolute http(s) URL, not '" + baseUrl + "'");
    }
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Our FHIR base: {@code {base}/fhir}. */
  public String fhirBase() {
    return baseUrl + "/fhir";
  }

  /**
   * Whether a client's fhirServer is our own FHIR base, both in {@link CanonicalUrl canonical form}
   * (scheme and host case, default port, escapes, a trailing slash are not significant).
   */
  public boolean isOwnFhirBase(URI fhirServer) {
    if (fhirServer == null) {
      return false;
    }
    Optional<CanonicalUrl> own = CanonicalUrl.parse(fhirBase());
    return own.isPresent()
        && CanonicalUrl.parse(fhirServer.toString())
            .map(CanonicalUrl::withoutQueryAndTrailingSlash)
            .filter(own.get().withoutQueryAndTrailingSlash()::equals)
            .isPresent();
  }

  /** An absolute URL under our base, for links. */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }
}
