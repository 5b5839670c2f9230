package org.stomacds.cds.wire;

import java.net.URI;
import java.util.Map;

/**
 * A CDS Hooks 2.0 service request, parsed.
 *
 * @param hook the hook name
 * @param hookInstance the client's id of this call
 * @param fhirServer the client's FHIR base, or null
 * @param fhirAuthorization the token for {@code fhirServer}, or null
 * @param context the hook's context
 * @param prefetch the prefetch entries the client sent, by key; a key the client omitted is absent
 */
public record CdsRequest(
    String hook,
    String hookInstance,
    URI fhirServer,
    FhirAuthorization fhirAuthorization,
    HookContext context,
    Map<String, PrefetchValue> prefetch) {

  public CdsRequest {
    prefetch = Map.copyOf(prefetch);
  }
}
