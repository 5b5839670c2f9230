package org.stomacds.cds.prefetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stomacds.cds.url.CanonicalUrl;
import org.stomacds.cds.url.Loopback;

/**
 * Decides whether we may call a client's {@code fhirServer}: the one place that guards against
 * server-side request forgery. A base may be called only when it is https (plain http only on a
 * loopback address), is not ambiguous ({@link CanonicalUrl}: no user info, dot segments, encoded
 * slashes, odd IP spellings...), and is on the configured allowlist ({@code
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
    return allowedBase(fhirServer).isPresent();
  }

  /**
   * The base to call, in the {@link CanonicalUrl canonical form} that was compared (call exactly
   * this), when it is allowed: https or loopback http, not ambiguous (see {@link CanonicalUrl}), no
   * query, and on the allowlist.
   */
  public Optional<CanonicalUrl> allowedBase(URI fhirServer) {
    if (fhirServer == null) {
      return Optional.empty();
    }
    return CanonicalUrl.parse(fhirServer.toString())
        .filter(url -> Loopback.isHttpsOrLoopbackHttp(url.toUri()))
        .filter(url -> allowed.stream().anyMatch(pattern -> pattern.matches(url)))
        .map(CanonicalUrl::withoutQueryAndTrailingSlash);
  }
}
