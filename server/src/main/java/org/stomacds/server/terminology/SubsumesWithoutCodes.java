package org.stomacds.server.terminology;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * HAPI 8.8.0 answers {@code CodeSystem/$subsumes} called without a system (no {@code system}, no
 * codings, not on an instance) with a NullPointerException, that is 500. The request lacks what the
 * operation needs: 400, saying what to send.
 */
@Interceptor
final class SubsumesWithoutCodes {

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException sayWhatIsMissing(RequestDetails request, Throwable exception) {
    if (!"$subsumes".equals(request.getOperation())
        || (exception instanceof BaseServerResponseException answered
            && answered.getStatusCode() < 500)
        || !causedByNullPointer(exception)) {
      return null;
    }
    return new InvalidRequestException(
        "$subsumes needs codeA and codeB with their system (or called on a CodeSystem instance),"
            + " or codingA and codingB");
  }

  private static boolean causedByNullPointer(Throwable exception) {
    Throwable cause = exception;
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      if (cause instanceof NullPointerException) {
        return true;
      }
    }
    return false;
  }
}
