package org.stomacds.cds.prefetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.stomacds.cds.security.Loopback;

/**
 * Decides whether we may call a client's {@code fhirServer}: the one place that guards against
 * server-side request forgery. A base may be called only when it is https (plain http only on a
 * loopback address), carries no user info, and is on the configured allowlist ({@code
 * stomacds.cds.security.allowed-fhir-servers}). An empty allowlist allows nothing: a call naming
 * another server is answered from its prefetch alone, or 412.
 */
public final class FhirServerPolicy {

  private final List<FhirServerPattern> allowed;

  private FhirServerPolicy(List<FhirServerPattern> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /**
   * A policy allowing these bases.
   *
   * @param patterns {@code https://ehr.example.org/fhir} (that base and paths under it), {@code
   *     http://localhost:*} (any port)
   * @param key the configuration key, for the message when a pattern is invalid
   * @throws IllegalArgumentException naming the key and the entry when one is not a valid base
   */
  public static FhirServerPolicy allowing(List<String> patterns, String key) {
    List<FhirServerPattern> parsed = new ArrayList<>();
    for (int i = 0; i < patterns.size(); i++) {
      parsed.add(FhirServerPattern.parse(patterns.get(i), key + "[" + i + "]"));
    }
    return new FhirServerPolicy(parsed);
  }

  /** Whether a request may make us call this FHIR base. */
  public boolean mayCall(URI fhirServer) {
    if (!Loopback.isHttpsOrLoopbackHttp(fhirServer) || fhirServer.getRawQuery() != null) {
      return false;
    }
    return allowed.stream().anyMatch(pattern -> pattern.matches(fhirServer));
  }
}
