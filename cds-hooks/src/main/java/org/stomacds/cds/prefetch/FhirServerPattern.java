package org.stomacds.cds.prefetch;

import java.net.URI;
import java.util.Locale;
import org.stomacds.cds.security.Loopback;

/**
 * One entry of {@code stomacds.cds.security.allowed-fhir-servers}: scheme, host, port ({@code *}
 * for any) and a path prefix that matches on segment boundaries.
 */
record FhirServerPattern(String scheme, String host, int port, String path) {

  static final int ANY_PORT = -2;

  static FhirServerPattern parse(String text, String key) {
    String value = text == null ? "" : text.trim();
    boolean anyPort = false;
    int star = value.indexOf(":*");
    if (star > 0) {
      anyPort = true;
      value = value.substring(0, star) + value.substring(star + 2);
    }
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": '" + text + "' is not a URL");
    }
    if (!Loopback.isHttpsOrLoopbackHttp(uri) || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          key
              + ": '"
              + text
              + "' must be an https base URL such as https://ehr.example.org/fhir (plain http only"
              + " on loopback)");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return new FhirServerPattern(
        scheme,
        uri.getHost().toLowerCase(Locale.ROOT),
        anyPort ? ANY_PORT : effectivePort(scheme, uri.getPort()),
        trimSlashes(uri.getPath()));
  }

  boolean matches(URI candidate) {
    if (candidate.getScheme() == null || candidate.getHost() == null) {
      return false;
    }
    String s = candidate.getScheme().toLowerCase(Locale.ROOT);
    if (!s.equals(scheme) || !candidate.getHost().toLowerCase(Locale.ROOT).equals(host)) {
      return false;
    }
    if (port != ANY_PORT && effectivePort(s, candidate.getPort()) != port) {
      return false;
    }
    String p = trimSlashes(candidate.getPath());
    // Dot segments could climb out of the allowed base.
    if (p.contains("/..") || p.contains("/./") || p.endsWith("/.")) {
      return false;
    }
    return path.isEmpty() || p.equals(path) || p.startsWith(path + "/");
  }

  private static int effectivePort(String scheme, int port) {
    return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
  }

  private static String trimSlashes(String path) {
    String p = path == null ? "" : path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
