package org.stomacds.cds.prefetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether we may call a client's {@code fhirServer}: the one place that guards against
 * server-side request forgery. For now: https anywhere, plain http only on loopback. The security
 * work adds an allowlist here.
 */
public class FhirServerPolicy {

  /** Whether a request may make us call this FHIR base. */
  public boolean mayCall(URI fhirServer) {
    if (fhirServer == null || fhirServer.getHost() == null || fhirServer.getRawUserInfo() != null) {
      return false;
    }
    String scheme =
        fhirServer.getScheme() == null ? "" : fhirServer.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return true;
    }
    return scheme.equals("http") && isLoopback(fhirServer.getHost());
  }

  private static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literal addresses: no DNS lookup (a name could resolve differently at call time).
    if (!h.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
