package org.stomacds.server.checks;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.jpa.delete.DeleteConflictOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.storage.interceptor.AutoCreatePlaceholderReferenceTargetResponse;

/**
 * Keeps our DetectedIssues from getting in the way of anybody's data (JPA interceptor service):
 *
 * <ul>
 *   <li>{@code STORAGE_PRESTORAGE_DELETE_CONFLICTS}: an issue of ours implicating a Procedure or
 *       Claim never blocks its deletion (HAPI would refuse it, 409); the issue is then cancelled
 *       ("was deleted");
 *   <li>{@code STORAGE_PRE_AUTO_CREATE_PLACEHOLDER_REFERENCE}: our own writes never create
 *       placeholder resources: cancelling the issue of a deleted Claim must not bring the Claim
 *       back as an empty placeholder. The reference then stays in the issue but is not indexed.
 * </ul>
 */
@Interceptor
final class OwnWrites {

  /** The request details of a write of ours: their type says so, no marker in the user data. */
  static SystemRequestDetails request() {
    return new OwnRequest();
  }

  static boolean isOwn(RequestDetails request) {
    return request instanceof OwnRequest;
  }

  /** A system request made by the write checks, for their own DetectedIssues. */
  private static final class OwnRequest extends SystemRequestDetails {}

  @Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
  public DeleteConflictOutcome deleteConflicts(DeleteConflictList conflicts) {
    boolean removed =
        conflicts.removeIf(
            conflict ->
                "DetectedIssue".equals(conflict.getSourceId().getResourceType())
                    && DetectedIssues.isOurId(conflict.getSourceId().getIdPart()));
    // HAPI looks at the first referencing resource only, until a hook asks for a second look: it
    // then gathers all of them, and any that is not ours still blocks the delete.
    return removed ? new DeleteConflictOutcome().setShouldRetryCount(1) : null;
  }

  @Hook(Pointcut.STORAGE_PRE_AUTO_CREATE_PLACEHOLDER_REFERENCE)
  public AutoCreatePlaceholderReferenceTargetResponse placeholder(RequestDetails request) {
    return isOwn(request) ? AutoCreatePlaceholderReferenceTargetResponse.doNotCreateTarget() : null;
  }
}
