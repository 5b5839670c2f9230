package org.stomacds.cds.url;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs we may fetch from: https anywhere, plain http only on a loopback address (tests, a
 * sidecar on the same host). Shared by the JWKS retrieval and the {@code fhirServer} policy.
 */
public final class Loopback {

  private Loopback() {}

  /** Whether this host is {@code localhost} or a literal loopback address (no DNS lookup). */
  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: a name could resolve differently at call time.
    if (!h.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The URL as written, then the same URL with each other spelling of loopback as its host ({@code
   * localhost}, {@code 127.0.0.1}, {@code [::1]}), same scheme, port and path; only the URL itself
   * when its host is not loopback (or it is not a URL).
   */
  public static List<String> spellings(String url) {
    List<String> spellings = new ArrayList<>(List.of(url));
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return spellings;
    }
    if (!uri.isAbsolute() || uri.getRawAuthority() == null || !isLoopbackHost(uri.getHost())) {
      return spellings;
    }
    String prefix = uri.getScheme() + "://" + uri.getRawAuthority();
    if (!url.startsWith(prefix)) {
      return spellings;
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    for (String host : List.of("localhost", "127.0.0.1", "[::1]")) {
      String other = uri.getScheme() + "://" + host + port + url.substring(prefix.length());
      if (!spellings.contains(other)) {
        spellings.add(other);
      }
    }
    return spellings;
  }

  /** An absolute https URL, or http on loopback; no user info. */
  public static boolean isHttpsOrLoopbackHttp(URI uri) {
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && isLoopbackHost(uri.getHost()));
  }
}
