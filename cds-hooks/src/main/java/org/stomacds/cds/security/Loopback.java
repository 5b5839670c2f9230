package org.stomacds.cds.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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

  /** An absolute https URL, or http on loopback; no user info. */
  public static boolean isHttpsOrLoopbackHttp(URI uri) {
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https") || (scheme.equals("http") && isLoopbackHost(uri.getHost()));
  }
}
