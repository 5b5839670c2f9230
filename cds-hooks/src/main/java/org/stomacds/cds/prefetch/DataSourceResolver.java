package org.stomacds.cds.prefetch;

import java.util.Optional;
import org.stomacds.casedata.FhirDataSource;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.cds.url.CanonicalUrl;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.cds.wire.CdsRequest;

/**
 * Chooses where the data a client did not prefetch comes from:
 *
 * <ul>
 *   <li>{@code fhirServer} is our own FHIR base (compared in canonical form): our own {@code /fhir}
 *       with the call's {@code fhirAuthorization} token, through {@link OwnFhirServer}, so the
 *       token's SMART scopes and patient apply; never the service's unrestricted access;
 *   <li>another {@code fhirServer} that {@link FhirServerPolicy} allows: that server, at the
 *       canonical URL the policy compared, with the call's {@code fhirAuthorization};
 *   <li>no {@code fhirServer}: our store when {@code stomacds.cds.shared-store} says callers share
 *       it (the demo), otherwise nothing (the hook answers 412 if it needs data).
 * </ul>
 */
public final class DataSourceResolver {

  private final Optional<LocalFhirStore> local;
  private final OwnFhirServer own;
  private final RemoteFhirDataSourceFactory remote;
  private final FhirServerPolicy policy;
  private final PublicEndpoints endpoints;
  private final boolean sharedStore;

  /**
   * @param local our store with the service's own access: used only when callers share it
   * @param own our own {@code /fhir}, read with the caller's token
   */
  public DataSourceResolver(
      Optional<LocalFhirStore> local,
      OwnFhirServer own,
      RemoteFhirDataSourceFactory remote,
      FhirServerPolicy policy,
      PublicEndpoints endpoints,
      boolean sharedStore) {
    this.local = local;
    this.own = own;
    this.remote = remote;
    this.policy = policy;
    this.endpoints = endpoints;
    this.sharedStore = sharedStore;
  }

  /** The source for this call; one that always fails, with the reason, when there is none. */
  public FhirDataSource sourceFor(CdsRequest request) {
    if (request.fhirServer() == null) {
      if (sharedStore && local.isPresent()) {
        return local.get();
      }
      return FhirDataSource.unavailable("the request has no fhirServer to read it from");
    }
    String token =
        request.fhirAuthorization() == null ? null : request.fhirAuthorization().accessToken();
    if (endpoints.isOwnFhirBase(request.fhirServer())) {
      return own.asCaller(token);
    }
    Optional<CanonicalUrl> base = policy.allowedBase(request.fhirServer());
    if (base.isEmpty()) {
      return FhirDataSource.unavailable(
          "fhirServer is not one this service may call (it must be a plain https URL, or http on"
              + " loopback, and on stomacds.cds.security.allowed-fhir-servers)");
    }
    return remote.create(base.get().toUri(), token);
  }
}
