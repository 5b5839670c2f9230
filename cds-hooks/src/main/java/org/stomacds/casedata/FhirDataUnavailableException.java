package org.stomacds.casedata;

/**
 * A {@link FhirDataSource} could not answer: the server failed, timed out, refused the call, or
 * there is no server to ask. The message says why in words fit for an error body: it never carries
 * a token or resource content.
 */
public class FhirDataUnavailableException extends RuntimeException {

  public FhirDataUnavailableException(String message) {
    super(message);
  }

  public FhirDataUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
