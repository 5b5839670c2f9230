package org.stomacds.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's parser fails on some malformed request bodies with a bare runtime exception (a transaction
 * Bundle entry with a {@code fullUrl} and no resource: a NullPointerException), which HAPI would
 * answer 500. A failure while reading the request body is the body's fault: 400 with an
 * OperationOutcome. Failures anywhere else stay 500.
 */
@Interceptor
final class RequestParseFailures {

  private static final Logger log = LoggerFactory.getLogger(RequestParseFailures.class);

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException whileParsingTheBody(
      RequestDetails request, Throwable exception) {
    if (exception instanceof BaseServerResponseException answered
        && answered.getStatusCode() < 500) {
      // Already a client error: no change. Null, not the same exception, since the first hook
      // to return one ends the chain and other interceptors may still refine the answer.
      return null;
    }
    Throwable cause = exception;
    for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
      // An Error (OutOfMemoryError, StackOverflowError) is the server's failure, never the
      // body's: answering it 400 would hide an exhausted heap (see docs/SECURITY.md, hostile
      // request bodies).
      if (cause instanceof Error) {
        return null;
      }
      if (thrownReadingTheBody(cause)) {
        log.warn(
            "fhir request body refused: {} while parsing it", cause.getClass().getSimpleName());
        return new InvalidRequestException(
            "the request body is not a valid FHIR resource (it could not be parsed)");
      }
    }
    return null;
  }

  private static boolean thrownReadingTheBody(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    boolean inParser = false;
    for (StackTraceElement frame : stack) {
      String name = frame.getClassName();
      if (name.startsWith("ca.uhn.fhir.parser.")) {
        inParser = true;
      } else if (inParser
          && (name.startsWith("ca.uhn.fhir.rest.server.method.ResourceParameter")
              || name.startsWith("ca.uhn.fhir.rest.server.method.TransactionParameter"))) {
        return true;
      }
    }
    return false;
  }
}
