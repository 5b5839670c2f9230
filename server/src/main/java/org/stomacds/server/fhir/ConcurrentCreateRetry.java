package org.stomacds.server.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Two writes at the same moment that both create the same resource as a side effect (a Claim and a
 * Procedure for a patient not yet stored both make its placeholder, on one replica or on two) meet
 * on the database's unique key, and HAPI answers the loser 409 (HAPI-0825). The client did nothing
 * wrong and has no way to know it should retry, so the server does: HAPI runs the whole write again
 * in a new transaction, where the placeholder now exists. A real conflict (a version the client
 * named that is no longer current) fails again the same way and is still answered 409.
 */
@Interceptor
final class ConcurrentCreateRetry {

  static final int MAX_RETRIES = 3;

  @Hook(Pointcut.STORAGE_VERSION_CONFLICT)
  public ResourceVersionConflictResolutionStrategy retry(RequestDetails request) {
    ResourceVersionConflictResolutionStrategy strategy =
        new ResourceVersionConflictResolutionStrategy();
    strategy.setRetry(true);
    strategy.setMaxRetries(MAX_RETRIES);
    return strategy;
  }
}
