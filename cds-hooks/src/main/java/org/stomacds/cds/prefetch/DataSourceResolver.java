package org.stomacds.cds.prefetch;

import java.util.Optional;
import org.stomacds.casedata.FhirDataSource;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.cds.wire.CdsRequest;

/**
 * Chooses where the data a client did not prefetch comes from:
 *
 * <ul>
 *   <li>{@code fhirServer} is our own FHIR base: our store, read directly ({@link LocalFhirStore});
 *   <li>another {@code fhirServer} that {@link FhirServerPolicy} allows: that server, with the
 *       call's {@code fhirAuthorization};
 *   <li>no {@code fhirServer}: our store when {@code stomacds.cds.shared-store} says callers share
 *       it (the demo), otherwise nothing (the hook answers 412 if it needs data).
 * </ul>
 */
public final class DataSourceResolver {

  private final Optional<LocalFhirStore> local;
  private final RemoteFhirDataSourceFactory remote;
  private final FhirServerPolicy policy;
  private final PublicEndpoints endpoints;
  private final boolean sharedStore;

  public DataSourceResolver(
      Optional<LocalFhirStore> local,
      RemoteFhirDataSourceFactory remote,
      FhirServerPolicy policy,
      PublicEndpoints endpoints,
      boolean sharedStore) {
    this.local = local;
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
    if (endpoints.isOwnFhirBase(request.fhirServer()) && local.isPresent()) {
      return local.get();
    }
    if (!policy.mayCall(request.fhirServer())) {
      return FhirDataSource.unavailable(
          "fhirServer is not one this service may call (it must be https, or http on loopback,"
              + " and on stomacds.cds.security.allowed-fhir-servers)");
    }
    String token =
        request.fhirAuthorization() == null ? null : request.fhirAuthorization().accessToken();
    return remote.create(request.fhirServer(), token);
  }
}
