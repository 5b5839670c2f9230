package org.stomacds.cds.wire;

import java.net.URI;

/**
 * A CDS Hooks 2.0 service request, parsed.
 *
 * @param hook the hook name
 * @param hookInstance the client's id of this call
 * @param fhirServer the client's FHIR base, or null
 * @param fhirAuthorization the token for {@code fhirServer}, or null
 * @param context the hook's context
 * @param prefetch the prefetch entries the client sent, parsed when first asked for
 */
public record CdsRequest(
    String hook,
    String hookInstance,
    URI fhirServer,
    FhirAuthorization fhirAuthorization,
    HookContext context,
    ClientPrefetch prefetch) {}
