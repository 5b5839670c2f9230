package org.stomacds.cds.prefetch;

import java.net.URI;
import java.util.Locale;

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

  /** Whether a client's fhirServer is our own FHIR base (scheme, host, port and path compared). */
  public boolean isOwnFhirBase(URI fhirServer) {
    return fhirServer != null && canonical(fhirServer).equals(canonical(URI.create(fhirBase())));
  }

  /** An absolute URL under our base, for links. */
  public String url(String path) {
    return baseUrl + (path.startsWith("/") ? path : "/" + path);
  }

  private static String canonical(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String path = uri.getPath() == null ? "" : uri.getPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port + path;
  }
}
