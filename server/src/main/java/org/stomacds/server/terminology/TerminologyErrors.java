package org.stomacds.server.terminology;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The answers a terminology operation refuses with: an OperationOutcome whose issue code says which
 * kind of refusal it is ({@code invalid}, {@code not-found}, {@code not-supported}), so a client
 * can act on it without parsing the message.
 */
final class TerminologyErrors {

  private TerminologyErrors() {}

  /** 400: a parameter is malformed or missing. */
  static BaseServerResponseException invalid(String message) {
    return new InvalidRequestException(message, outcome(IssueType.INVALID, message));
  }

  /** 400: a parameter this server does not honour; answering without it would mislead. */
  static BaseServerResponseException notSupported(String message) {
    return new InvalidRequestException(message, outcome(IssueType.NOTSUPPORTED, message));
  }

  /** 404: the code system, value set, version or code named is not on this server. */
  static BaseServerResponseException notFound(String message) {
    return new ResourceNotFoundException(message, outcome(IssueType.NOTFOUND, message));
  }

  /** 422: the request is well formed, but the terminology named cannot answer it. */
  static BaseServerResponseException unprocessable(String message) {
    return new UnprocessableEntityException(message, outcome(IssueType.NOTSUPPORTED, message));
  }

  private static OperationOutcome outcome(IssueType type, String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(type)
        .setDiagnostics(message);
    return outcome;
  }
}
