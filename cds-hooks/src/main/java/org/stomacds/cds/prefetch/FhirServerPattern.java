package org.stomacds.cds.prefetch;

import org.stomacds.cds.url.CanonicalUrl;
import org.stomacds.cds.url.Loopback;

/**
 * One entry of {@code stomacds.cds.security.allowed-fhir-servers}: a {@link CanonicalUrl} base
 * (scheme, host, port, path) whose port may be {@code *} (any). A candidate matches when, in
 * canonical form, it has the same scheme and host, the port (unless any), and a path at or below
 * the base's on segment boundaries.
 */
record FhirServerPattern(CanonicalUrl base, boolean anyPort) {

  static FhirServerPattern parse(String text, String key) {
    String value = text == null ? "" : text.trim();
    boolean anyPort = false;
    int star = value.indexOf(":*");
    if (star > 0) {
      anyPort = true;
      value = value.substring(0, star) + value.substring(star + 2);
    }
    CanonicalUrl base;
    try {
      base = CanonicalUrl.of(value, false);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + ": '" + text + "' is not a base URL we accept (" + e.getMessage() + ")");
    }
    if (!Loopback.isHttpsOrLoopbackHttp(base.toUri())) {
      throw new IllegalArgumentException(
          key
              + ": '"
              + text
              + "' must be an https base URL such as https://ehr.example.org/fhir (plain http only"
              + " on loopback)");
    }
    return new FhirServerPattern(base, anyPort);
  }

  boolean matches(CanonicalUrl candidate) {
    if (!candidate.scheme().equals(base.scheme()) || !candidate.host().equals(base.host())) {
      return false;
    }
    if (!anyPort && candidate.port() != base.port()) {
      return false;
    }
    String b = trimSlash(base.path());
    String p = trimSlash(candidate.path());
    return b.isEmpty() || p.equals(b) || p.startsWith(b + "/");
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
